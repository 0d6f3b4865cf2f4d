#pragma once

#include <QColor>
#include <QFont>
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
    double left = 84.0, right = 24.0, top = 12.0, bottom = 64.0;
};
inline constexpr PlotMargins kPlotMargins{};

// A tick label for `value` with as many decimals as `step` needs ("0.5", "10", "-2"); large numbers in
// short scientific form ("-2e5").
QString tickLabel(double value, double step);
// 10 to a whole power, for a log axis: "1", "10", "100", "1000", then "10⁴", "10⁵"; "10⁻²" below 1.
QString powerOfTenLabel(int exponent);

// Text laid out to fit a width: wrapped at spaces onto at most `maxLines` lines, the font made smaller
// (down to `smallestScale` of its size) when that is not enough. Only when even that fails is the last
// line shortened with "…"; every such case is counted, so that tests can require none.
struct FittedText {
    QFont font;
    QStringList lines;
    double lineHeight = 0.0;
    double height() const { return lineHeight * static_cast<double>(lines.size()); }
    double width = 0.0; // of the widest line
    bool elided = false; // nothing fitted: the last line is shortened with "…"
};
FittedText fitText(const QString& text, const QFont& font, double width, int maxLines, double smallestScale = 0.75);
// The fewest lines, up to `maxLines`, that hold `text` in type made at most `shrink` of its size smaller: a
// heading in slightly smaller type on one line leaves what is under it more height than the words wrapped.
int fewestLines(const QString& text, const QFont& font, double width, int maxLines, double shrink);
// Draws fitted text from `topLeft`, one line under the other, aligned left or centred in `width`. Drawing
// a text that had to be shortened counts it (elidedTextCount()).
void drawFittedText(QPainter& painter, const FittedText& text, const QPointF& topLeft, double width,
                    Qt::Alignment alignment = Qt::AlignLeft);
// How many texts had to be shortened with "…" (or could not be shown whole) since the program started,
// and which; noteElidedText() adds one.
int elidedTextCount();
QStringList elidedTexts();
void noteElidedText(const QString& text);
// The frame of a plot that maps the data rectangle `data` onto `plot`, with ticks and their labels on
// the x axis and, when `withYTicks`, on the y axis; as many as their labels leave room for.
void drawAxes(QPainter& painter, const QRectF& plot, const QRectF& data, bool withYTicks);
// The x axis's title under its right end, the y axis's turned up the left side where the plot is taller
// than it.
void drawAxisTitles(QPainter& painter, const QRectF& plot, const QString& x, const QString& y);

// "0%", "< 0.1%", "12.3%".
QString percentText(double fraction);

struct LegendEntry {
    QColor colour;
    Qt::PenStyle style; // Qt::NoPen: a filled swatch
    QString label;
    bool hidden = false; // what it names is hidden: drawn faded, to be clicked back
};
// A legend as a strip of entries, a swatch and a label each, flowing left to right and onto new rows as
// the width requires (a label wider than a row wraps). It sits outside the plot, so it never covers the
// data; legendHeight() is the room it takes at a width.
double legendHeight(const QVector<LegendEntry>& entries, double width);
void drawLegend(QPainter& painter, const QRectF& strip, const QVector<LegendEntry>& entries);
// Where each entry, swatch and label, is drawn in `strip`: what a click on the legend hits.
QVector<QRectF> legendEntryAreas(const QRectF& strip, const QVector<LegendEntry>& entries);

// A pen whose width is in device pixels whatever the painter's transform: lines in data coordinates.
QPen cosmeticPen(const QColor& colour, double width, Qt::PenStyle style = Qt::SolidLine);

} // namespace collapse::ui
