#include "theme.h"

#include <QApplication>
#include <QPainter>
#include <QWidget>

#include <cmath>

namespace collapse::ui {

void applyApplicationFont()
{
    QFont font = QApplication::font();
    font.setPointSize(sizes::bodyPoint);
    QApplication::setFont(font);
}

QFont scaledFont(int pointSize, bool bold)
{
    QFont font = QApplication::font();
    font.setPointSize(pointSize);
    font.setBold(bold);
    return font;
}

QPixmap paintedPixmap(const QWidget& widget, const std::function<void(QPainter&)>& paint)
{
    const qreal ratio = widget.devicePixelRatioF();
    QPixmap pixmap(widget.size() * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::white);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(painter);
    return pixmap;
}

double niceTickStep(double range, int ticks)
{
    const double raw = range / ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (factor * power >= raw) {
            return factor * power;
        }
    }
    return 10.0 * power;
}

} // namespace collapse::ui
