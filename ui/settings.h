#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

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
    // The export dialogs' last choices, by name (e.g. "figure/dpi").
    static QVariant exportChoice(const QString& name, const QVariant& fallback);
    static void setExportChoice(const QString& name, const QVariant& value);
    static QString exportFolder();
    static void setExportFolder(const QString& folder);
};

} // namespace collapse::ui
