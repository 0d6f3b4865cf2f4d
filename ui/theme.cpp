#include "theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyle>
#include <QWidget>

#include <cmath>

namespace collapse::ui {

namespace {
Theme theme_ = Theme::Light;
} // namespace

void applyApplicationFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(sizes::bodyPoint * sizes::typeScale);
    QApplication::setFont(font);
}

QFont scaledFont(int pointSize, bool bold)
{
    QFont font = QApplication::font();
    font.setPointSizeF(pointSize * sizes::typeScale);
    font.setBold(bold);
    return font;
}

void applyTheme(Theme theme)
{
    theme_ = theme;
    using namespace colours;
    model = QColor(0x00, 0x72, 0xB2);
    samples = QColor(0x56, 0xB4, 0xE9);
    tails = QColor(0xD5, 0x5E, 0x00);
    marker = QColor(0xCC, 0x79, 0xA7);
    accent = QColor(0xE6, 0x9F, 0x00);
    secondary = QColor(0x00, 0x9E, 0x73);
    QPalette palette = QApplication::style()->standardPalette();
    switch (theme) {
    case Theme::Light:
        background = Qt::white;
        text = original = QColor(0x20, 0x20, 0x20);
        axis = QColor(0x60, 0x60, 0x60);
        grid = QColor(0xE0, 0xE0, 0xE0);
        panel = QColor(0xF3, 0xF6, 0xF9);
        points = QColor(0x10, 0x3A, 0x5E);
        sizes::lineWidth = 3.0;
        break;
    case Theme::Projector:
        // Pure black on white and heavier strokes survive a projector's low contrast.
        background = Qt::white;
        text = original = Qt::black;
        axis = Qt::black;
        grid = QColor(0xB0, 0xB0, 0xB0);
        panel = QColor(0xFF, 0xF4, 0xD6);
        points = QColor(0x00, 0x20, 0x40);
        sizes::lineWidth = 5.0;
        break;
    case Theme::Dark:
        // On dark grey the palette's lighter members carry the model; the original turns light.
        background = QColor(0x1E, 0x1F, 0x22);
        text = original = QColor(0xEE, 0xEE, 0xEE);
        axis = QColor(0xB0, 0xB0, 0xB0);
        grid = QColor(0x44, 0x46, 0x4A);
        panel = QColor(0x2A, 0x30, 0x38);
        model = QColor(0x56, 0xB4, 0xE9);
        samples = QColor(0x56, 0xB4, 0xE9);
        points = QColor(0xA8, 0xD8, 0xF4);
        sizes::lineWidth = 3.0;
        palette.setColor(QPalette::Window, QColor(0x2B, 0x2D, 0x30));
        palette.setColor(QPalette::WindowText, text);
        palette.setColor(QPalette::Base, background);
        palette.setColor(QPalette::AlternateBase, QColor(0x33, 0x35, 0x38));
        palette.setColor(QPalette::Text, text);
        palette.setColor(QPalette::Button, QColor(0x3A, 0x3D, 0x41));
        palette.setColor(QPalette::ButtonText, text);
        palette.setColor(QPalette::ToolTipBase, QColor(0x3A, 0x3D, 0x41));
        palette.setColor(QPalette::ToolTipText, text);
        palette.setColor(QPalette::Highlight, model);
        palette.setColor(QPalette::HighlightedText, Qt::black);
        break;
    }
    band = model;
    band.setAlpha(theme == Theme::Projector ? 0x60 : 0x40);
    accentBand = accent;
    accentBand.setAlpha(band.alpha());
    QApplication::setPalette(palette);
}

Theme currentTheme()
{
    return theme_;
}

QPixmap paintedPixmap(const QWidget& widget, const std::function<void(QPainter&)>& paint)
{
    const qreal ratio = widget.devicePixelRatioF();
    QPixmap pixmap(widget.size() * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(colours::background);
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
