#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
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
    // Scenario files opened or saved, the latest first.
    static QStringList recentScenarioFiles();
    static void addRecentScenarioFile(const QString& path);
    static int theme();
    static void setTheme(int theme);
    // The screen presenter mode fills, by name; empty: the window's own.
    static QString presenterScreen();
    static void setPresenterScreen(const QString& name);

    static constexpr int kRecentFiles = 8;
};

} // namespace collapse::ui
