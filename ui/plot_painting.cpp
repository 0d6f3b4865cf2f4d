#include "ui/plot_painting.h"

#include "ui/theme.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

namespace {

QStringList elisions;

constexpr QChar kSoftHyphen(0x00AD);

// The pieces a line may break into: words, and a long word's parts at its soft hyphens (each but the
// last ending in a visible hyphen), where the word alone is wider than the line.
QStringList breakablePieces(const QString& text, const QFontMetricsF& metrics, double width, QVector<bool>* joined)
{
    QStringList pieces;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString plain = word;
        plain.remove(kSoftHyphen);
        if (metrics.horizontalAdvance(plain) <= width || !word.contains(kSoftHyphen)) {
            pieces.append(plain);
            joined->append(false);
            continue;
        }
        const QStringList parts = word.split(kSoftHyphen);
        for (int i = 0; i < parts.size(); ++i) {
            pieces.append(i + 1 < parts.size() ? parts[i] + QLatin1Char('-') : parts[i]);
            joined->append(i > 0);
        }
    }
    return pieces;
}

// Greedy word wrap of `text` into lines no wider than `width`; empty when a single piece is wider.
QStringList wrapped(const QString& text, const QFontMetricsF& metrics, double width)
{
    QStringList lines;
    QString line;
    QVector<bool> joined;
    const QStringList pieces = breakablePieces(text, metrics, width, &joined);
    for (int i = 0; i < pieces.size(); ++i) {
        const QString& word = pieces[i];
        if (metrics.horizontalAdvance(word) > width) {
            return {};
        }
        // The second part of a hyphenated word follows its first on one line without the hyphen.
        if (joined[i] && !line.isEmpty()) {
            const QString together = line.chopped(1) + word;
            if (metrics.horizontalAdvance(together) <= width) {
                line = together;
                continue;
            }
            lines.append(line);
            line = word;
            continue;
        }
        const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (metrics.horizontalAdvance(longer) <= width) {
            line = longer;
        } else {
            lines.append(line);
            line = word;
        }
    }
    if (!line.isEmpty() || lines.isEmpty()) {
        lines.append(line);
    }
    return lines;
}

} // namespace

QString tickLabel(double value, double step)
{
    if (std::abs(value) < step * 1e-6) {
        return QStringLiteral("0");
    }
    if (std::abs(value) >= 1e5 || step >= 1e5) {
        // -200000 as -2e5: short enough for a narrow axis.
        const int exponent = static_cast<int>(std::floor(std::log10(std::abs(value))));
        const double mantissa = value / std::pow(10.0, exponent);
        return QStringLiteral("%1e%2").arg(QString::number(mantissa, 'g', 2)).arg(exponent);
    }
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    return QString::number(value, 'f', decimals);
}

QString powerOfTenLabel(int exponent)
{
    if (exponent >= 0 && exponent < 4) {
        return QString::number(static_cast<int>(std::pow(10, exponent)));
    }
    static const QString superscripts = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString label = QStringLiteral("10");
    if (exponent < 0) {
        label += QChar(0x207B); // superscript minus
    }
    for (const QChar digit : QString::number(std::abs(exponent))) {
        label += superscripts[digit.digitValue()];
    }
    return label;
}

FittedText fitText(const QString& text, const QFont& font, double width, int maxLines, double smallestScale)
{
    FittedText fitted;
    fitted.font = font;
    const double size = font.pointSizeF();
    for (double scale = 1.0; scale >= smallestScale - 1e-9; scale -= 0.05) {
        fitted.font.setPointSizeF(size * scale);
        const QFontMetricsF metrics(fitted.font);
        const QStringList lines = wrapped(text, metrics, width);
        if (!lines.isEmpty() && lines.size() <= maxLines) {
            fitted.lines = lines;
            fitted.lineHeight = metrics.lineSpacing();
            for (const QString& line : lines) {
                fitted.width = std::max(fitted.width, metrics.horizontalAdvance(line));
            }
            return fitted;
        }
    }
    // Nothing fits: the smallest type, the lines that fit, and the last one shortened.
    fitted.elided = true;
    const QFontMetricsF metrics(fitted.font);
    fitted.lineHeight = metrics.lineSpacing();
    QStringList lines = wrapped(text, metrics, width);
    if (lines.isEmpty()) {
        lines = QStringList{text};
    }
    while (lines.size() > maxLines) {
        lines[maxLines - 1] += QLatin1Char(' ') + lines.takeLast();
    }
    for (QString& line : lines) {
        line = metrics.elidedText(line, Qt::ElideRight, width);
        fitted.width = std::max(fitted.width, metrics.horizontalAdvance(line));
    }
    fitted.lines = lines;
    return fitted;
}

int fewestLines(const QString& text, const QFont& font, double width, int maxLines, double shrink)
{
    for (int lines = 1; lines < maxLines; ++lines) {
        if (!fitText(text, font, width, lines, 1.0 - shrink).elided) {
            return lines;
        }
    }
    return maxLines;
}

void drawFittedText(QPainter& painter, const FittedText& text, const QPointF& topLeft, double width,
                    Qt::Alignment alignment)
{
    if (text.elided) {
        noteElidedText(text.lines.join(QLatin1Char(' ')));
    }
    painter.save();
    painter.setFont(text.font);
    const QFontMetricsF metrics(text.font);
    for (int i = 0; i < text.lines.size(); ++i) {
        const double lineWidth = metrics.horizontalAdvance(text.lines[i]);
        const double x = alignment & Qt::AlignHCenter ? topLeft.x() + (width - lineWidth) / 2 : topLeft.x();
        painter.drawText(QPointF(x, topLeft.y() + text.lineHeight * i + metrics.ascent()), text.lines[i]);
    }
    painter.restore();
}

int elidedTextCount()
{
    return static_cast<int>(elisions.size());
}

QStringList elidedTexts()
{
    return elisions;
}

void noteElidedText(const QString& text)
{
    elisions.append(text);
}

void drawAxes(QPainter& painter, const QRectF& plot, const QRectF& data, bool withYTicks)
{
    painter.save();
    painter.setPen(QPen(colours::axis, 1.5));
    painter.setFont(scaledFont(sizes::bodyPoint));
    painter.drawRect(plot);
    const QFontMetricsF metrics(painter.font());
    // As many ticks as their labels leave room for: a label's width and a gap each across, two lines
    // each up.
    const double labelWidth = std::max(metrics.horizontalAdvance(tickLabel(data.left(), data.width() / 8)),
                                       metrics.horizontalAdvance(tickLabel(data.right(), data.width() / 8)));
    const int xTicks = std::clamp(static_cast<int>(plot.width() / (labelWidth + 2.0 * metrics.averageCharWidth())), 2, 8);
    const int yTickCount = std::clamp(static_cast<int>(plot.height() / (2.0 * metrics.lineSpacing())), 2, 5);
    const double xStep = niceTickStep(data.width(), xTicks);
    for (double x = std::ceil(data.left() / xStep) * xStep; x <= data.right() + 1e-9; x += xStep) {
        const double px = plot.left() + (x - data.left()) / data.width() * plot.width();
        painter.drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + 6));
        const QString label = tickLabel(x, xStep);
        painter.drawText(QPointF(px - metrics.horizontalAdvance(label) / 2, plot.bottom() + 8 + metrics.ascent()), label);
    }
    if (withYTicks) {
        const double yStep = niceTickStep(data.height(), yTickCount);
        for (double y = std::ceil(data.top() / yStep) * yStep; y <= data.bottom() + 1e-9; y += yStep) {
            const double py = plot.bottom() - (y - data.top()) / data.height() * plot.height();
            painter.drawLine(QPointF(plot.left() - 6, py), QPointF(plot.left(), py));
            const QString label = tickLabel(y, yStep);
            painter.drawText(QPointF(plot.left() - 10 - metrics.horizontalAdvance(label), py + metrics.ascent() / 2 - 2),
                             label);
        }
    }
    painter.restore();
}

void drawAxisTitles(QPainter& painter, const QRectF& plot, const QString& x, const QString& y)
{
    painter.save();
    painter.setFont(scaledFont(sizes::bodyPoint));
    painter.setPen(colours::text);
    const QFontMetricsF metrics(painter.font());
    painter.drawText(QPointF(plot.right() - metrics.horizontalAdvance(x), plot.bottom() + 8 + 2 * metrics.height()), x);
    // The y title runs up the plot's left side; a plot shorter than it goes without, as a metric chart
    // does (ui/metric_chart.cpp), rather than show it cut or running into the x axis's labels.
    if (metrics.horizontalAdvance(y) <= plot.height()) {
        painter.translate(plot.left() - kPlotMargins.left + 4 + metrics.ascent(), plot.top() + metrics.horizontalAdvance(y));
        painter.rotate(-90);
        painter.drawText(QPointF(0, 0), y);
    }
    painter.restore();
}

QString percentText(double fraction)
{
    if (fraction <= 0.0) {
        return QStringLiteral("0%");
    }
    if (fraction < 0.001) {
        return QStringLiteral("< 0.1%");
    }
    return QStringLiteral("%1%").arg(100.0 * fraction, 0, 'f', 1);
}

namespace {

// A legend's spacing: the usual, and a tighter one for a legend that fits a row only so.
struct LegendSpacing {
    double swatchWidth;
    double swatchGap;
    double entryGap;
};
constexpr LegendSpacing kUsualSpacing{28.0, 6.0, 18.0};
constexpr LegendSpacing kTightSpacing{16.0, 4.0, 10.0};

struct PlacedEntry {
    QPointF topLeft;
    FittedText label;
};

// Where each entry of a flowing legend goes, from (0, 0), within `width`, with the spacing it is drawn with.
// A legend that would need a second row only for want of spacing is tightened: a short chart keeps the
// row for its plot.
QVector<PlacedEntry> placeLegend(const QVector<LegendEntry>& entries, double width, double* height,
                                 LegendSpacing* spacing)
{
    const QFont font = scaledFont(sizes::bodyPoint);
    const QFontMetricsF metrics(font);
    double tightRow = -kTightSpacing.entryGap;
    double usualRow = -kUsualSpacing.entryGap;
    for (const LegendEntry& entry : entries) {
        const double label = metrics.horizontalAdvance(entry.label);
        tightRow += kTightSpacing.swatchWidth + kTightSpacing.swatchGap + label + kTightSpacing.entryGap;
        usualRow += kUsualSpacing.swatchWidth + kUsualSpacing.swatchGap + label + kUsualSpacing.entryGap;
    }
    *spacing = usualRow > width && tightRow <= width ? kTightSpacing : kUsualSpacing;
    QVector<PlacedEntry> placed;
    double x = 0.0;
    double y = 0.0;
    double rowHeight = 0.0;
    for (const LegendEntry& entry : entries) {
        FittedText label = fitText(entry.label, font, width - spacing->swatchWidth - spacing->swatchGap, 3);
        const double entryWidth = spacing->swatchWidth + spacing->swatchGap + label.width;
        if (x > 0.0 && x + entryWidth > width) {
            x = 0.0;
            y += rowHeight + 2.0;
            rowHeight = 0.0;
        }
        placed.append({QPointF(x, y), label});
        x += entryWidth + spacing->entryGap;
        rowHeight = std::max(rowHeight, label.height());
    }
    *height = entries.isEmpty() ? 0.0 : y + rowHeight + 4.0;
    return placed;
}

} // namespace

double legendHeight(const QVector<LegendEntry>& entries, double width)
{
    double height = 0.0;
    LegendSpacing spacing{};
    placeLegend(entries, width, &height, &spacing);
    return height;
}

void drawLegend(QPainter& painter, const QRectF& strip, const QVector<LegendEntry>& entries)
{
    double height = 0.0;
    LegendSpacing spacing{};
    const QVector<PlacedEntry> placed = placeLegend(entries, strip.width(), &height, &spacing);
    painter.save();
    for (int i = 0; i < entries.size(); ++i) {
        const QPointF corner = strip.topLeft() + placed[i].topLeft;
        const double middle = corner.y() + placed[i].label.lineHeight / 2;
        const QRectF swatch(corner.x(), middle - 6.0, spacing.swatchWidth, 12.0);
        QColor colour = entries[i].colour;
        if (entries[i].hidden) {
            colour.setAlphaF(0.25f * colour.alphaF());
        }
        if (entries[i].style == Qt::NoPen) {
            painter.fillRect(swatch, colour);
        } else {
            painter.setPen(QPen(colour, 3, entries[i].style));
            painter.drawLine(QPointF(swatch.left(), middle), QPointF(swatch.right(), middle));
        }
        painter.setPen(entries[i].hidden ? colours::disabledText : colours::text);
        drawFittedText(painter, placed[i].label, QPointF(corner.x() + spacing.swatchWidth + spacing.swatchGap, corner.y()),
                       placed[i].label.width);
    }
    painter.restore();
}

QVector<QRectF> legendEntryAreas(const QRectF& strip, const QVector<LegendEntry>& entries)
{
    double height = 0.0;
    LegendSpacing spacing{};
    QVector<QRectF> areas;
    for (const PlacedEntry& entry : placeLegend(entries, strip.width(), &height, &spacing)) {
        areas.append(QRectF(strip.topLeft() + entry.topLeft,
                            QSizeF(spacing.swatchWidth + spacing.swatchGap + entry.label.width, entry.label.height())));
    }
    return areas;
}

QPen cosmeticPen(const QColor& colour, double width, Qt::PenStyle style)
{
    QPen pen(colour, width, style, Qt::RoundCap, Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
}

} // namespace collapse::ui
