#pragma once

#include "core/metric.h"
#include "ui/plot_painting.h"
#include "ui/run_history.h"

#include <QPixmap>
#include <QString>
#include <QVector>
#include <QWidget>

#include <limits>

namespace collapse::ui {

// One metric over generations: the median across replicates as a line over its 10–90% band (the
// distributions are heavy-tailed, so no mean), a marker at the generation on stage, and the original's
// value as a dotted reference line where there is one. A value that does not exist is a gap in the line.
//
// The chart lays itself out for the room it has — a title wrapped onto a second line, fewer ticks, no
// axis title when short — so that no label is ever cut. Its y axis never leaves the metric's own range
// (a probability stays in [0, 1]) and follows the medians: a band that reaches far beyond them is cut at
// the plot's edge, with a mark where it continues. Stacked charts share their plot's left edge
// (setPlotLeft), so that generation g sits at the same x in each.
//
// The picture is painted into a cached pixmap whenever the data change; moving the marker, which
// happens every animation frame, only draws the pixmap and a line.
class MetricChart : public QWidget {
    Q_OBJECT

public:
    // The smallest a chart may be: a row of four under two stages on a 1024-pixel screen.
    static constexpr QSize kSmallest{140, 100};

    // Linear, or for a quantity that is always negative and spans orders of magnitude (a log-likelihood
    // that plunges as the model forgets), its negative on a logarithmic axis.
    enum class Scale { Linear, NegatedLog };

    // `title` replaces the metric's own title (for a scale that shows it transformed).
    explicit MetricChart(const MetricDescriptor& metric, Scale scale = Scale::Linear, const QString& title = QString(),
                         QWidget* parent = nullptr);

    const MetricDescriptor& metric() const { return *metric_; }
    // A new run: the x axis spans all its generations; `reference` is the original's value (NaN: none).
    void resetRun(int generations, double reference);
    // Takes median and band from the history, and those of the second side of a comparison, drawn
    // dashed in another colour on the same axes.
    void updateData(const RunHistory& history, const RunHistory* comparison = nullptr);
    // A comparison's two sides by name, in a legend under the title; an empty `second` hides it.
    void setSideLabels(const QString& first, const QString& second);
    void setCurrentGeneration(int generation);
    // Markers at several generations at once (the small multiples of a paper figure).
    void setMarkedGenerations(const QVector<int>& generations);
    // The plot's left edge, in pixels from the chart's left; a negative value lets the chart choose.
    void setPlotLeft(double left);
    // The room the y tick labels need at `size`: the smallest plot left edge that shows them whole.
    double requiredPlotLeft(const QSizeF& size) const;
    // The title's type as a fraction of its full size; charts shown together share the smallest, so
    // that no title looks louder than its neighbour's.
    void setTitleScale(double scale);
    // The largest fraction at which the title fits `size` on its fewest lines.
    double requiredTitleScale(const QSizeF& size) const;

    int pointCount() const;
    double medianAt(int generation) const;
    // The plot's rectangle when the chart is drawn at `size`.
    QRectF plotArea(const QSizeF& size) const;

    // Draws the chart, markers included, as vectors where the painter's device has them; on the
    // theme's background, or on nothing when not `opaque`.
    void render(QPainter& painter, const QRectF& area, bool opaque = true);
    // The two layers of render() apart: the chart, which changes only with its data, and the markers.
    void renderChart(QPainter& painter, const QRectF& area, bool opaque = true);
    void renderMarkers(QPainter& painter, const QRectF& area);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Series {
        QVector<double> median, q10, q90;
    };
    struct Layout;
    Layout layOut(const QSizeF& size) const;
    // `plotLeft` negative: the room the y labels need.
    Layout layOut(const QSizeF& size, double plotLeft) const;
    void invalidate();
    // `onePerPixel`: thin the lines to what each device pixel column shows, for the screen; figures
    // keep every point, as a vector file may be zoomed.
    void drawChart(QPainter& painter, const Layout& layout, bool onePerPixel) const;
    void drawMarkers(QPainter& painter, const Layout& layout) const;
    // The two sides' medians by name, when comparing.
    QVector<LegendEntry> sideLegend() const;

    // A value as the axis shows it: itself, or log10 of its negative.
    double shown(double value) const;
    QString yLabel(double tick, double step) const;

    const MetricDescriptor* metric_;
    Scale scale_;
    QString title_;
    Series sides_[2];
    QString sideLabels_[2];
    double reference_ = std::numeric_limits<double>::quiet_NaN();
    int generations_ = 1;
    double low_ = 0.0;
    double high_ = 1.0;
    double plotLeft_ = -1.0;
    double titleScale_ = 1.0;
    QVector<int> marked_{0};
    QPixmap cache_;
};

} // namespace collapse::ui
