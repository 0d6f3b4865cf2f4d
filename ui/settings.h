#pragma once

#include <QByteArray>
#include <QString>

namespace collapse::ui {

// What the window remembers between sessions, in one place (QSettings, grouped keys).
class Settings {
public:
    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray& geometry);
    static QByteArray windowState();
    static void setWindowState(const QByteArray& state);
    static QByteArray splitterState();
    static void setSplitterState(const QByteArray& state);
    // The last scenario, as scenario JSON; empty when there is none.
    static QString lastScenario();
    static void setLastScenario(const QString& json);
    static int playbackSpeed();
    static void setPlaybackSpeed(int speed);
};

} // namespace collapse::ui
