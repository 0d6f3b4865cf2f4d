#pragma once

#include "core/sweep_folder.h"
#include "ui/plot_painting.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>
#include <span>
#include <string_view>

class QPainter;

namespace collapse::ui {

// The statistics of sweep.csv's columns, by suffix, with their names (translatable, context
// "PhaseDiagram"): median, mean, 10% and 90% quantiles.
struct StatisticName {
    std::string_view suffix;
    const char* name;
};
std::span<const StatisticName> statisticNames();

// Viridis (van der Walt & Smith, matplotlib 2015): perceptually uniform, readable by the colour-blind
// and in greyscale. `t` in [0, 1] runs from dark blue through green to yellow.
QColor viridis(double t);

// A sweep's phase diagram: one statistic over the grid as a heatmap, with its colour bar, the axes named
// by key, and the contour where the statistic crosses `contour` (the collapse boundary). The first key
// runs across, the second up; a key swept in equal ratios is drawn in equal steps per ratio (a log axis).
class PhaseDiagram {
public:
    PhaseDiagram(SweepGrid grid, std::optional<double> contour);

    const SweepGrid& grid() const { return grid_; }
    // Replaces one cell's value: a sweep in the window fills in cell by cell.
    void setValue(std::size_t cell, double value);

    // Draws into `area`, painting the theme's background first when `background`.
    void render(QPainter& painter, const QRectF& area, bool background) const;
    // The cell drawn under `point` when the diagram was drawn into `area`; none outside the cells.
    std::optional<std::size_t> cellAt(const QPointF& point, const QRectF& area) const;

    // "Median of std at generation 500": the title, also for the window.
    QString title() const;
    // The readable value of a cell ("0.412", "no value"), for hovering.
    QString valueText(std::size_t cell) const;

private:
    struct Layout {
        FittedText titleText;
        QRectF title, plot, colourBar;
    };
    Layout layout(const QRectF& area) const;
    QRectF cellRect(const QRectF& plot, Eigen::Index i, Eigen::Index j) const;
    // The range the colours span: the finite values' (and the contour level's).
    std::pair<double, double> colourRange() const;
    QString metricTitle(std::string_view name) const;

    SweepGrid grid_;
    std::optional<double> contour_;
};

} // namespace collapse::ui
