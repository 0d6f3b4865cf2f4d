#pragma once

#include <QSize>

class QWidget;

namespace collapse::ui {

// The size a top-level window's own area may have on the screen it is on: the screen's available area
// (without panels and docks) less the window's frame (title bar, borders). Empty when it has no screen.
QSize roomOnScreen(const QWidget& window);
// Moves the window so that its frame lies inside the screen's available area where it can.
void keepOnScreen(QWidget& window);

} // namespace collapse::ui
