#pragma once

#include "core/lesson.h"
#include "core/scenario_sources.h"
#include "ui/stage_area.h"
#include "ui/theme.h"

#include <QByteArray>
#include <QMainWindow>
#include <QTimer>

#include <string>
#include <vector>

class QLabel;
class QScrollArea;
class QSplitter;

namespace collapse::ui {

class ChartPanel;
class ExportActions;
class FileActions;
class LessonPlayer;
class ParameterPanel;
class Session;
class SweepWindow;
class TransportBar;
class WindowMenus;

// The Collapse Lab window: the parameter panel on the left, the stages in the middle with the narration
// under them, the metric charts on the right (or under the stages on a narrow window), the transport
// along the bottom. It lays these out, wires them to the Session it shows (which owns the scenarios,
// their runs, the generation on stage and the undo history), and runs presenter mode; the menus are
// WindowMenus', the files FileActions', the exports ExportActions'.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(Session& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a built-in preset: a sweep preset in the sweep window, any other on stage with its title and
    // two sentences above it.
    void openPreset(const std::string& name, const std::vector<Override>& overrides = {});
    // Pauses and shows a generation already computed, with the charts up to date.
    void goToGeneration(int generation);
    // Plays a lesson from step `step` (counted from 0) above the stage (core/lesson.h).
    void openLesson(Lesson lesson, int step = 0);
    LessonPlayer* lessonPlayer() const { return lessonPlayer_; }

    // The sweep window, made on first use: a new sweep of the scenario on stage (File ▸ New Sweep) or a
    // sweep preset. A cell clicked there opens here as a run.
    SweepWindow* openSweepWindow();
    SweepWindow* sweepWindow() const { return sweepWindow_; }

    // The window at `size` whatever screen it is on, and kept there rather than fitted to the screen:
    // `collapselab --size`, which scripts screenshots of a given size.
    void keepSize(QSize size);

    void setPresenterMode(bool on);
    bool isPresenterMode() const { return presenting_; }
    void setTheme(Theme theme);
    // View ▸ Parameters Panel (F9): the panel folds away, leaving its room to the stages. A comparison on
    // a window too narrow for the panel, its stages and the charts folds it by itself; F9 brings it back.
    void setPanelShown(bool shown);
    bool isPanelShown() const;
    // View ▸ One Chain, Then and Now, Many Chains: what each side's stage shows.
    void setStageLayout(StageArea::Layout layout);
    StageArea::Layout stageLayout() const;

    // How long the transport stays visible in presenter mode after the mouse last moved.
    static constexpr int kControlsHideMs = 2500;

signals:
    // A generation was drawn on the stage.
    void frameShown(int generation);
    // A new run began (after a restart) and its first generation is on the way.
    void runRestarted();
    void runCompleted();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildCentralWidget();
    void connectSession();
    void connectTransport();
    void restoreLayout();
    void onSidesChanged();
    void onRestarted();
    void onGenerationArrived();
    void rebuildViews(bool fresh = false);
    void showGeneration(int generation);
    void showPresetNote(const QString& title, const QString& summary);
    void updateStatus();
    void updateNoteStyle();
    void fitPresetNote();
    void fitPanelWidth();
    void showControls();
    // Keeps the window inside its screen's free area, shrinking it where the screen is smaller.
    void fitToScreen();
    bool sizeKept_ = false;
    // F9 asked for the panel: it stays where a comparison on a narrow window would fold it.
    bool panelInsisted_ = false;
    // The panel unless F9 folded it.
    bool panelWanted_ = true;
    // The charts beside the stages, or under them when the window is too narrow for both.
    // `forWidth`: the window's width to arrange for (negative: its present width).
    void arrangeColumns(int forWidth = -1);

    Session& session_;
    ExportActions* exports_;
    FileActions* files_;
    ParameterPanel* panel_;
    QScrollArea* panelScroll_;
    QSplitter* splitter_;
    StageArea* stages_;
    ChartPanel* charts_;
    QLabel* presetNote_;
    LessonPlayer* lessonPlayer_;
    TransportBar* transport_;
    QWidget* transportHolder_ = nullptr;
    QLabel* status_;
    WindowMenus* menus_ = nullptr;
    SweepWindow* sweepWindow_ = nullptr;
    int belowColumns_ = 2;

    QTimer controlsTimer_;
    bool presenting_ = false;
    QByteArray geometryBeforePresenting_;
};

} // namespace collapse::ui
