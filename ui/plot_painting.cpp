#include "ui/plot_painting.h"

#include "ui/theme.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace collapse::ui {

QString tickLabel(double value, double step)
{
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    return QString::number(std::abs(value) < step * 1e-6 ? 0.0 : value, 'f', decimals);
}

void drawAxes(QPainter& painter, const QRectF& plot, const QRectF& data, bool yTicks)
{
    painter.save();
    painter.setPen(QPen(colours::axis, 1.5));
    painter.setFont(scaledFont(sizes::bodyPoint));
    painter.drawRect(plot);
    const QFontMetricsF metrics(painter.font());
    const double xStep = niceTickStep(data.width(), 8);
    for (double x = std::ceil(data.left() / xStep) * xStep; x <= data.right() + 1e-9; x += xStep) {
        const double px = plot.left() + (x - data.left()) / data.width() * plot.width();
        painter.drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + 6));
        const QString label = tickLabel(x, xStep);
        painter.drawText(QPointF(px - metrics.horizontalAdvance(label) / 2, plot.bottom() + 8 + metrics.ascent()), label);
    }
    if (yTicks) {
        const double yStep = niceTickStep(data.height(), 5);
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
    painter.translate(plot.left() - kPlotMargins.left + 4 + metrics.ascent(), plot.top() + metrics.horizontalAdvance(y));
    painter.rotate(-90);
    painter.drawText(QPointF(0, 0), y);
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

void drawLegend(QPainter& painter, const QRectF& plot, const QVector<LegendEntry>& entries)
{
    painter.save();
    painter.setFont(scaledFont(sizes::bodyPoint));
    const QFontMetricsF metrics(painter.font());
    double width = 0.0;
    for (const auto& entry : entries) {
        width = std::max(width, metrics.horizontalAdvance(entry.label));
    }
    const double line = metrics.height() + 4;
    const QRectF box(plot.left() + 10, plot.top() + 10, width + 56, line * static_cast<double>(entries.size()) + 10);
    painter.setPen(QPen(colours::grid, 1));
    QColor fill = colours::background;
    fill.setAlpha(225);
    painter.setBrush(fill);
    painter.drawRect(box);
    for (int i = 0; i < entries.size(); ++i) {
        const double y = box.top() + 5 + line * i + line / 2;
        const QRectF swatch(box.left() + 8, y - 6, 30, 12);
        if (entries[i].style == Qt::NoPen) {
            painter.fillRect(swatch, entries[i].colour);
        } else {
            painter.setPen(QPen(entries[i].colour, 3, entries[i].style));
            painter.drawLine(QPointF(swatch.left(), y), QPointF(swatch.right(), y));
        }
        painter.setPen(colours::text);
        painter.drawText(QPointF(box.left() + 46, y + metrics.ascent() / 2 - 2), entries[i].label);
    }
    painter.restore();
}

QPen cosmeticPen(const QColor& colour, double width, Qt::PenStyle style)
{
    QPen pen(colour, width, style, Qt::RoundCap, Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
}

} // namespace collapse::ui
