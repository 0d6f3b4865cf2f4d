#include "ui/stage_view.h"

#include "ui/theme.h"

#include <QFontMetricsF>
#include <QPainter>

namespace collapse::ui {

void StageView::render(QPainter& painter, const QRectF& area, bool opaque) const
{
    renderBackgroundLayer(painter, area, opaque);
    renderForegroundLayer(painter, area);
}

void StageView::renderBackgroundLayer(QPainter& painter, const QRectF& area, bool opaque) const
{
    painter.save();
    if (opaque) {
        painter.fillRect(area, colours::background);
    }
    painter.setRenderHint(QPainter::Antialiasing);
    renderBackground(painter, area);
    painter.restore();
}

void StageView::renderForegroundLayer(QPainter& painter, const QRectF& area) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    renderForeground(painter, area);
    painter.restore();
}

void StageView::drawHeading(QPainter& painter, const QRectF& area, double left, const QString& beforeFirst,
                            const QString& status, const QColor& statusColour) const
{
    painter.save();
    painter.setPen(colours::text);
    painter.setFont(scaledFont(sizes::headingPoint + 2, true));
    const QString title = shownGeneration_ < 0 ? beforeFirst : tr("Generation %1").arg(shownGeneration_);
    const QFontMetricsF metrics(painter.font());
    const double baseline = area.top() + 8 + metrics.ascent();
    painter.drawText(QPointF(area.left() + left, baseline), title);
    if (shownGeneration_ >= 0 && !compact_) {
        painter.setFont(scaledFont(sizes::headingPoint));
        painter.setPen(statusColour);
        // A narrow stage (one side of a comparison) shortens the status rather than cut it off.
        const double x = area.left() + left + metrics.horizontalAdvance(title) + 24;
        const QString shown = QFontMetricsF(painter.font()).elidedText(status, Qt::ElideRight, area.right() - 8 - x);
        painter.drawText(QPointF(x, baseline), shown);
    }
    painter.restore();
}

void StageView::invalidateBackground()
{
    background_ = QPixmap();
    update();
}

void StageView::resizeEvent(QResizeEvent*)
{
    invalidateBackground();
}

void StageView::paintEvent(QPaintEvent*)
{
    if (background_.isNull()) {
        background_ = paintedPixmap(*this, [this](QPainter& painter) { renderBackground(painter, rect()); });
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, background_);
    painter.setRenderHint(QPainter::Antialiasing);
    renderForeground(painter, rect());
}

QVector<int> trailGenerations(int generation, int total)
{
    constexpr int kTrailLength = 8;
    QVector<int> result;
    const int spacing = std::max(1, total / 60);
    for (int i = kTrailLength; i >= 1; --i) {
        const int earlier = generation - i * spacing;
        if (earlier >= 0) {
            result.append(earlier);
        }
    }
    return result;
}

} // namespace collapse::ui
