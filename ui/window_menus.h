#pragma once

#include "ui/stage_area.h"
#include "ui/theme.h"

#include <QKeySequence>
#include <QObject>
#include <QString>

#include <functional>
#include <string>
#include <vector>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace collapse::ui {

class ChartPanel;
class ExportActions;
class FileActions;
class Session;
class TransportBar;

// What the menus ask of the window they belong to.
struct WindowCommands {
    std::function<void(const std::string& preset)> openPreset;
    std::function<void()> newSweep;
    std::function<void(bool on)> setPresenterMode;
    std::function<void(bool shown)> setPanelShown;
    std::function<void(Theme theme)> setTheme;
    std::function<void(StageArea::Layout layout)> setStageLayout;
    std::function<StageArea::Layout()> stageLayout;
    // Zoomed from View ▸ Zoom Charts, around the generation on stage.
    ChartPanel* charts;
};

// The window's menus — File, Edit, Presets, Playback, View, Help — with every shortcut, which also work
// in presenter mode with the menu bar hidden. The actions call the session, the transport, the files, the
// exports and the window's own commands; the menus follow the window's presenter mode, theme and number
// of sides.
class WindowMenus : public QObject {
    Q_OBJECT

public:
    WindowMenus(QMainWindow& window, Session& session, TransportBar& transport, ExportActions& exports, FileActions& files,
                WindowCommands commands);

    // The checks and what is enabled, after the window changed.
    void showPresenterMode(bool on);
    void showTheme(Theme theme);
    void showStageLayout(StageArea::Layout layout);
    void showSideCount(int sides);
    // View ▸ Parameters Panel checked as the panel is shown (or not: in presenter mode, or folded away
    // for a comparison's room).
    void showPanelShown(bool shown);

private:
    void buildFileMenu();
    void buildEditMenu();
    void buildPresetsMenu();
    void buildPlaybackMenu();
    void buildViewMenu();
    void buildHelpMenu();
    // Checkable actions of which one is checked: each calls `chosen` with its value.
    struct Choice {
        QString text;
        int value;
        QKeySequence key;
    };
    QActionGroup* addChoices(QMenu* menu, const std::vector<Choice>& choices, int current,
                             const std::function<void(int)>& chosen);
    static void check(QActionGroup* group, int value);
    void rebuildRecentMenu();
    void rebuildScreenMenu();
    void showKeyboardShortcuts();

    QMainWindow& window_;
    Session& session_;
    TransportBar& transport_;
    ExportActions& exports_;
    FileActions& files_;
    WindowCommands commands_;
    QMenu* recentMenu_ = nullptr;
    QMenu* screenMenu_ = nullptr;
    QActionGroup* themeGroup_ = nullptr;
    QActionGroup* stageLayoutGroup_ = nullptr;
    QAction* presenterAction_ = nullptr;
    QAction* leavePresenterAction_ = nullptr;
    QAction* panelAction_ = nullptr;
    QAction* firstSideOnlyAction_ = nullptr;
};

} // namespace collapse::ui
