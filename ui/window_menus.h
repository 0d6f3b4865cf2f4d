#pragma once

#include "ui/theme.h"

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;

namespace collapse::ui {

class ExportActions;
class FileActions;
class MainWindow;
class Session;

// The window's menus — File, Edit, Presets, Playback, View, Help — with every shortcut, which also work
// in presenter mode with the menu bar hidden. The actions call the window, the session, the files and the exports;
// the menus follow the window's presenter mode, theme and number of sides.
class WindowMenus : public QObject {
    Q_OBJECT

public:
    WindowMenus(MainWindow& window, Session& session, ExportActions& exports, FileActions& files);

    // The checks and what is enabled, after the window changed.
    void showPresenterMode(bool on);
    void showTheme(Theme theme);
    void showSideCount(int sides);
    bool isPanelWanted() const;

private:
    void buildFileMenu();
    void buildEditMenu();
    void buildPresetsMenu();
    void buildPlaybackMenu();
    void buildViewMenu();
    void buildHelpMenu();
    void rebuildRecentMenu();
    void rebuildScreenMenu();
    void showKeyboardShortcuts();

    MainWindow& window_;
    Session& session_;
    ExportActions& exports_;
    FileActions& files_;
    QMenu* recentMenu_ = nullptr;
    QMenu* screenMenu_ = nullptr;
    QActionGroup* themeGroup_ = nullptr;
    QAction* presenterAction_ = nullptr;
    QAction* leavePresenterAction_ = nullptr;
    QAction* panelAction_ = nullptr;
    QAction* firstSideOnlyAction_ = nullptr;
};

} // namespace collapse::ui
