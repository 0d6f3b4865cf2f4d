#pragma once

#include <QColor>
#include <QFont>
#include <QPixmap>

#include <functional>

class QPainter;
class QWidget;

namespace collapse::ui {

// Colours from Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008) in every
// theme: the original is always dashed in the text colour, the current model blue, the tails
// vermillion. applyTheme() sets them; views read them when they draw.
namespace colours {
inline QColor background{0xFF, 0xFF, 0xFF};
inline QColor text{0x20, 0x20, 0x20};
inline QColor original{0x20, 0x20, 0x20};
inline QColor axis{0x60, 0x60, 0x60};
inline QColor grid{0xE0, 0xE0, 0xE0};
inline QColor panel{0xF3, 0xF6, 0xF9};              // behind the "what you are seeing" line
inline QColor model{0x00, 0x72, 0xB2};              // blue
inline QColor samples{0x56, 0xB4, 0xE9};            // sky blue
inline QColor points{0x10, 0x3A, 0x5E};             // samples in 2-D, dark blue
inline QColor tails{0xD5, 0x5E, 0x00};              // vermillion
inline QColor band{0x00, 0x72, 0xB2, 0x40};         // translucent blue
inline QColor marker{0xCC, 0x79, 0xA7};             // reddish purple
inline QColor accent{0xE6, 0x9F, 0x00};             // orange: the second side of a comparison
inline QColor accentBand{0xE6, 0x9F, 0x00, 0x40};
inline QColor secondary{0x00, 0x9E, 0x73};          // bluish green
} // namespace colours

// Sizes for a lecture hall: at 1920x1080 text must read from the back row.
namespace sizes {
inline constexpr int bodyPoint = 12;
inline constexpr int headingPoint = 15;
inline constexpr int valuePoint = 16;
inline constexpr int narrationPoint = 17;
// Set by the theme: thicker lines for a projector.
inline double lineWidth = 3.0;
// Set by presenter mode: every size given in points is multiplied by it.
inline double typeScale = 1.0;
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

// A tick step of 1, 2 or 5 times a power of ten that gives about `ticks` ticks over `range`.
double niceTickStep(double range, int ticks);

} // namespace collapse::ui
