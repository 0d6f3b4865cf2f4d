#pragma once

#include <QColor>
#include <QFont>
#include <QPixmap>

#include <functional>

class QPainter;
class QWidget;

namespace collapse::ui {

// Colours from Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008), readable on a
// projector: the original is always black and dashed, the current model blue, the tails vermillion.
namespace colours {
inline const QColor original{0x20, 0x20, 0x20};
inline const QColor model{0x00, 0x72, 0xB2};       // blue
inline const QColor samples{0x56, 0xB4, 0xE9};     // sky blue
inline const QColor tails{0xD5, 0x5E, 0x00};       // vermillion
inline const QColor band{0x00, 0x72, 0xB2, 0x40};  // translucent blue
inline const QColor marker{0xCC, 0x79, 0xA7};      // reddish purple
inline const QColor accent{0xE6, 0x9F, 0x00};      // orange
inline const QColor secondary{0x00, 0x9E, 0x73};   // bluish green
} // namespace colours

// Sizes for a lecture hall: at 1920x1080 text must read from the back row.
namespace sizes {
inline constexpr int bodyPoint = 12;
inline constexpr int headingPoint = 15;
inline constexpr int valuePoint = 16;
inline constexpr int narrationPoint = 17;
inline constexpr double lineWidth = 3.0;
} // namespace sizes

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
