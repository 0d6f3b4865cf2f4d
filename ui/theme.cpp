#include "ui/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyle>
#include <QWidget>

#include <cmath>

namespace collapse::ui {

namespace {

Theme theme_ = Theme::Light;

// What a theme changes. The Okabe–Ito hues for tails, markers, accent and contours never change.
struct ThemeColours {
    QColor background, text, axis, grid, panel, model, samples, points;
    int bandAlpha;
    double lineWidth;
};

const ThemeColours kLight{
    .background = Qt::white,
    .text = QColor(0x20, 0x20, 0x20),
    .axis = QColor(0x60, 0x60, 0x60),
    .grid = QColor(0xE0, 0xE0, 0xE0),
    .panel = QColor(0xF3, 0xF6, 0xF9),
    .model = QColor(0x00, 0x72, 0xB2),
    .samples = QColor(0x56, 0xB4, 0xE9),
    .points = QColor(0x10, 0x3A, 0x5E),
    .bandAlpha = 0x40,
    .lineWidth = 3.0,
};
// Pure black on white and heavier strokes survive a projector's low contrast.
const ThemeColours kProjector{
    .background = Qt::white,
    .text = Qt::black,
    .axis = Qt::black,
    .grid = QColor(0xB0, 0xB0, 0xB0),
    .panel = QColor(0xFF, 0xF4, 0xD6),
    .model = QColor(0x00, 0x72, 0xB2),
    .samples = QColor(0x56, 0xB4, 0xE9),
    .points = QColor(0x00, 0x20, 0x40),
    .bandAlpha = 0x60,
    .lineWidth = 5.0,
};
// On dark grey the palette's lighter members carry the model; the original turns light.
const ThemeColours kDark{
    .background = QColor(0x1E, 0x1F, 0x22),
    .text = QColor(0xEE, 0xEE, 0xEE),
    .axis = QColor(0xB0, 0xB0, 0xB0),
    .grid = QColor(0x44, 0x46, 0x4A),
    .panel = QColor(0x2A, 0x30, 0x38),
    .model = QColor(0x56, 0xB4, 0xE9),
    .samples = QColor(0x56, 0xB4, 0xE9),
    .points = QColor(0xA8, 0xD8, 0xF4),
    .bandAlpha = 0x40,
    .lineWidth = 3.0,
};

const ThemeColours& themeColours(Theme theme)
{
    switch (theme) {
    case Theme::Dark:
        return kDark;
    case Theme::Projector:
        return kProjector;
    case Theme::Light:
        break;
    }
    return kLight;
}

QColor translucent(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

} // namespace

namespace colours {
QColor background = kLight.background;
QColor text = kLight.text;
QColor original = kLight.text;
QColor axis = kLight.axis;
QColor grid = kLight.grid;
QColor panel = kLight.panel;
QColor model = kLight.model;
QColor samples = kLight.samples;
QColor points = kLight.points;
QColor tails{0xD5, 0x5E, 0x00};
QColor band = translucent(kLight.model, kLight.bandAlpha);
QColor marker{0xCC, 0x79, 0xA7};
QColor accent{0xE6, 0x9F, 0x00};
QColor accentBand = translucent(accent, kLight.bandAlpha);
QColor secondary{0x00, 0x9E, 0x73};
} // namespace colours

namespace sizes {
double lineWidth = kLight.lineWidth;
} // namespace sizes

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
    const ThemeColours& chosen = themeColours(theme);
    using namespace colours;
    background = chosen.background;
    text = original = chosen.text;
    axis = chosen.axis;
    grid = chosen.grid;
    panel = chosen.panel;
    model = chosen.model;
    samples = chosen.samples;
    points = chosen.points;
    band = translucent(model, chosen.bandAlpha);
    accentBand = translucent(accent, chosen.bandAlpha);
    sizes::lineWidth = chosen.lineWidth;

    // The widgets around the stage follow: the style's own palette, or a dark one.
    QPalette palette = QApplication::style()->standardPalette();
    if (theme == Theme::Dark) {
        const QColor raised(0x3A, 0x3D, 0x41);
        palette.setColor(QPalette::Window, QColor(0x2B, 0x2D, 0x30));
        palette.setColor(QPalette::WindowText, text);
        palette.setColor(QPalette::Base, background);
        palette.setColor(QPalette::AlternateBase, QColor(0x33, 0x35, 0x38));
        palette.setColor(QPalette::Text, text);
        palette.setColor(QPalette::Button, raised);
        palette.setColor(QPalette::ButtonText, text);
        palette.setColor(QPalette::ToolTipBase, raised);
        palette.setColor(QPalette::ToolTipText, text);
        palette.setColor(QPalette::Highlight, model);
        palette.setColor(QPalette::HighlightedText, Qt::black);
    }
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
