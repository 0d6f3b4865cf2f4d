#include "ui/screen_room.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <algorithm>

namespace collapse::ui {

namespace {

const QScreen* screenOf(const QWidget& window)
{
    return window.screen() != nullptr ? window.screen() : QGuiApplication::primaryScreen();
}

} // namespace

QSize roomOnScreen(const QWidget& window)
{
    const QScreen* shown = screenOf(window);
    if (shown == nullptr) {
        return {};
    }
    const QSize frameExtra = window.frameGeometry().size() - window.geometry().size();
    return shown->availableGeometry().size() - frameExtra;
}

void keepOnScreen(QWidget& window)
{
    const QScreen* shown = screenOf(window);
    if (shown == nullptr) {
        return;
    }
    const QRect available = shown->availableGeometry();
    QRect frame = window.frameGeometry();
    frame.moveLeft(std::clamp(frame.left(), available.left(), std::max(available.left(), available.right() - frame.width() + 1)));
    frame.moveTop(std::clamp(frame.top(), available.top(), std::max(available.top(), available.bottom() - frame.height() + 1)));
    window.move(frame.topLeft());
}

} // namespace collapse::ui
