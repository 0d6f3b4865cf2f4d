#include "ui/legend_strip.h"

#include "ui/theme.h"

#include <QPainter>

#include <cmath>

namespace collapse::ui {

namespace {
constexpr int kMargin = 8;
}

LegendStrip::LegendStrip(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void LegendStrip::setEntries(const QVector<LegendEntry>& entries)
{
    entries_ = entries;
    fitHeight();
    update();
}

void LegendStrip::fitHeight()
{
    // Measured at the width it has, or a typical one before it has any.
    const int width = this->width() > 100 ? this->width() : 600;
    setFixedHeight(static_cast<int>(std::ceil(legendHeight(entries_, width - 2 * kMargin))) + kMargin);
}

void LegendStrip::resizeEvent(QResizeEvent*)
{
    fitHeight();
}

void LegendStrip::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), colours::background);
    painter.setRenderHint(QPainter::Antialiasing);
    drawLegend(painter, QRectF(kMargin, kMargin / 2.0, width() - 2 * kMargin, height() - kMargin), entries_);
}

} // namespace collapse::ui
