#pragma once

#include <QColor>
#include <QPen>
#include <QRectF>
#include <QString>
#include <QVector>

class QPainter;

namespace collapse::ui {

// The painting every stage, every export and the sweep's heatmap share: axes with ticks, axis titles,
// legends and percentages, drawn in the theme's colours and the window's type.

// Room around a plot inside a stage, in pixels: for the tick labels and axis titles.
struct PlotMargins {
    double left = 84.0, right = 24.0, top = 52.0, bottom = 64.0;
};
inline constexpr PlotMargins kPlotMargins{};

// A tick label for `value` with as many decimals as `step` needs ("0.5", "10", "-2").
QString tickLabel(double value, double step);
// The frame of a plot that maps the data rectangle `data` onto `plot`, with ticks and their labels on
// the x axis and, when `yTicks`, on the y axis.
void drawAxes(QPainter& painter, const QRectF& plot, const QRectF& data, bool yTicks);
// The x axis's title under its right end, the y axis's turned up the left side.
void drawAxisTitles(QPainter& painter, const QRectF& plot, const QString& x, const QString& y);

// "0%", "< 0.1%", "12.3%".
QString percentText(double fraction);

struct LegendEntry {
    QColor colour;
    Qt::PenStyle style; // Qt::NoPen: a filled swatch
    QString label;
};
// A legend in the plot's top-left corner: a swatch and a label per entry, on a translucent box.
void drawLegend(QPainter& painter, const QRectF& plot, const QVector<LegendEntry>& entries);

// A pen whose width is in device pixels whatever the painter's transform: lines in data coordinates.
QPen cosmeticPen(const QColor& colour, double width, Qt::PenStyle style = Qt::SolidLine);

} // namespace collapse::ui
