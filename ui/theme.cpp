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
    QColor background, text, axis, grid, panel, model, samples, points, modelText, tailsText, minorityText, disabledText;
    int bandAlpha;
    double fadedOpacity;
    double lineWidth;
    double typeScale;
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
    .modelText = QColor(0x00, 0x5A, 0x8C),
    .tailsText = QColor(0xA8, 0x45, 0x00),
    .minorityText = QColor(0x2A, 0x3F, 0xA8),
    .disabledText = QColor(0x90, 0x90, 0x90),
    .bandAlpha = 0x40,
    .fadedOpacity = 1.0,
    .lineWidth = 3.0,
    .typeScale = 1.0,
};
// Pure black on white and heavier strokes survive a projector's low contrast.
const ThemeColours kProjector{
    .background = Qt::white,
    .text = Qt::black,
    .axis = Qt::black,
    .grid = QColor(0xB0, 0xB0, 0xB0),
    .panel = Qt::white,
    .model = QColor(0x00, 0x72, 0xB2),
    .samples = QColor(0x56, 0xB4, 0xE9),
    .points = QColor(0x00, 0x20, 0x40),
    .modelText = QColor(0x00, 0x4A, 0x75),
    .tailsText = QColor(0x98, 0x3C, 0x00),
    .minorityText = QColor(0x1F, 0x30, 0x90),
    .disabledText = QColor(0x80, 0x80, 0x80),
    .bandAlpha = 0x60,
    .fadedOpacity = 1.3,
    .lineWidth = 5.0,
    .typeScale = 1.15,
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
    .modelText = QColor(0x7C, 0xC8, 0xF2),
    .tailsText = QColor(0xFF, 0x9A, 0x55),
    .minorityText = QColor(0x9D, 0xAE, 0xFF),
    .disabledText = QColor(0x80, 0x82, 0x86),
    .bandAlpha = 0x70,
    .fadedOpacity = 1.8,
    .lineWidth = 3.0,
    .typeScale = 1.0,
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
QColor modelText = kLight.modelText;
QColor tailsText = kLight.tailsText;
QColor minorityText = kLight.minorityText;
QColor disabledText = kLight.disabledText;
double fadedOpacity = kLight.fadedOpacity;
} // namespace colours

namespace sizes {
double lineWidth = kLight.lineWidth;
double themeTypeScale = kLight.typeScale;
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
    font.setPointSizeF(pointSize * sizes::typeScale * sizes::themeTypeScale);
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
    modelText = chosen.modelText;
    tailsText = chosen.tailsText;
    minorityText = chosen.minorityText;
    disabledText = chosen.disabledText;
    fadedOpacity = chosen.fadedOpacity;
    sizes::lineWidth = chosen.lineWidth;
    sizes::themeTypeScale = chosen.typeScale;

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
    // A control that does not apply reads as such in every theme.
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        palette.setColor(QPalette::Disabled, role, disabledText);
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

double contrastRatio(const QColor& a, const QColor& b)
{
    // Relative luminance of sRGB: linearised channels weighted by the eye's response.
    const auto luminance = [](const QColor& colour) {
        const auto linear = [](double channel) {
            return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF());
    };
    const double first = luminance(a);
    const double second = luminance(b);
    return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

QString toolTipText(const QString& plain)
{
    return QStringLiteral("<p>%1</p>").arg(plain.toHtmlEscaped());
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
