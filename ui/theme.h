#pragma once

#include <QColor>
#include <QFont>
#include <QPixmap>
#include <QString>

#include <functional>

class QPainter;
class QWidget;

namespace collapse::ui {

// Colours from Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008) in every
// theme: the original is always dashed in the text colour, the current model blue, the tails
// vermillion. They start as the light theme's; applyTheme() sets them; views read them when they draw.
namespace colours {
extern QColor background;
extern QColor text;
extern QColor original;    // the original distribution, dashed: the text colour
extern QColor axis;
extern QColor grid;
extern QColor panel;       // behind the "what you are seeing" line
extern QColor model;       // blue
extern QColor samples;     // sky blue
extern QColor points;      // samples in 2-D, dark blue
extern QColor tails;       // vermillion
extern QColor band;        // translucent model colour
extern QColor marker;      // reddish purple
extern QColor accent;      // orange: the second side of a comparison
extern QColor accentBand;  // translucent accent
extern QColor secondary;   // bluish green
// Text in the model's and the tails' hues: darker (on light) or lighter (on dark) than the strokes, so
// that words meet WCAG AA contrast (4.5:1) on the theme's backgrounds.
extern QColor modelText;
extern QColor tailsText;
extern QColor minorityText; // the cats' blue
extern QColor disabledText;
// How strongly earlier generations and bands show: a dark background needs them stronger.
extern double fadedOpacity;
} // namespace colours

// Sizes for a lecture hall: at 1920x1080 text must read from the back row.
namespace sizes {
inline constexpr int bodyPoint = 12;
inline constexpr int headingPoint = 15;
inline constexpr int valuePoint = 16;
inline constexpr int narrationPoint = 17;
// Set by the theme: thicker lines for a projector.
extern double lineWidth;
// Set by presenter mode: every size given in points is multiplied by it.
inline double typeScale = 1.0;
// Set by the theme: the projector's type is larger on the stage, the charts and the narration.
extern double themeTypeScale;
} // namespace sizes

// Light for a screen; dark for a dim room; projector: light, high contrast, thick lines, for washed-out
// projectors in bright halls.
enum class Theme { Light, Dark, Projector };
void applyTheme(Theme theme);
Theme currentTheme();

// The application's type at body size; the window and offscreen exports both use it, so that exported
// pictures match the screen.
void applyApplicationFont();
QFont scaledFont(int pointSize, bool bold = false);

// A pixmap the size of `widget` (at its device pixel ratio), filled white and painted by `paint` with
// antialiasing: the cache behind views that redraw a costly picture only when it changes.
QPixmap paintedPixmap(const QWidget& widget, const std::function<void(QPainter&)>& paint);

// The contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05) with L the relative luminance (WCAG 2.1,
// 1.4.3): 4.5 or more for text to meet AA.
double contrastRatio(const QColor& a, const QColor& b);

// A tooltip that wraps into a paragraph instead of running across the screen (Qt wraps rich text).
QString toolTipText(const QString& plain);

// A tick step of 1, 2 or 5 times a power of ten that gives about `ticks` ticks over `range`.
double niceTickStep(double range, int ticks);

} // namespace collapse::ui
