#pragma once

#include "figure_renderer.h"
#include "run_history.h"
#include "scenario.h"
#include "scenario_sources.h"
#include "stage_view.h"
#include "theme.h"
#include "transport_bar.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QActionGroup;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QMenu;
class QScrollArea;
class QSplitter;
class QUndoStack;
class QVBoxLayout;

namespace collapse::ui {

class MetricChart;
class ParameterPanel;
class SimulationWorker;

// The Collapse Lab window (DESIGN.md §4): parameters on the left, the model's stage in the middle
// with a line saying what it shows, metric charts on the right, the transport along the bottom.
//
// The window shows one run, or two side by side (compare mode) on the same axes and clock: each side
// has its own worker thread, history and stage, the charts draw both, and one transport moves both.
// Workers stream generations into the histories; playback moves the generation on stage through what
// every side has reached, one generation per tick. A parameter change restarts the run after a short
// pause, so dragging a slider does not start a run per pixel; in compare mode it changes both sides.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(const Scenario& initial, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows a new scenario (or, given two, a comparison) and restarts at once. The undo history starts
    // afresh, as for a newly opened document.
    void loadScenario(const Scenario& scenario);
    void loadScenarios(const std::vector<LabelledScenario>& scenarios);
    // Loads a built-in preset, comparisons in compare mode, and shows its title and two sentences.
    void loadPreset(const std::string& name);
    // Opens a scenario file. A bad file leaves everything as it was; its message goes to `error`, or
    // when that is null to a message box.
    bool openScenarioFile(const QString& path, QString* error = nullptr);
    // Saves the scenario (or comparison) as the command line reads it; false with `error` on failure.
    bool saveScenarioFile(const QString& path, QString* error = nullptr);
    // Pauses and shows a generation already computed, with the charts up to date.
    void goToGeneration(int generation);
    // Writes the finished run's metrics.csv, summary.csv and scenario.json into `folder` (a comparison:
    // one subfolder per side), the same files as `collapselab-cli run`, whole or not at all. Throws
    // std::runtime_error naming what failed.
    void saveRunData(const QString& folder) const;

    void setPresenterMode(bool on);
    bool isPresenterMode() const { return presenting_; }
    void setTheme(Theme theme);

    ParameterPanel* parameterPanel() const { return panel_; }
    TransportBar* transport() const { return transport_; }
    QUndoStack* undoStack() const { return undo_; }
    QLabel* presetNote() const { return presetNote_; }
    int sideCount() const { return static_cast<int>(sides_.size()); }
    StageView* stage(int side = 0) const { return sides_[side]->stage.get(); }
    const RunHistory& history(int side = 0) const { return sides_[side]->history; }
    const Scenario& scenario(int side = 0) const { return sides_[side]->scenario; }
    QString sideLabel(int side) const { return sides_[side]->label; }
    SimulationWorker* worker(int side = 0) const { return sides_[side]->worker; }
    const QVector<MetricChart*>& charts() const { return charts_; }
    QLabel* narration() const { return narration_; }
    int shownGeneration() const { return shown_; }
    bool isPlaying() const { return playing_; }
    bool isRunComplete() const { return runComplete_; }
    // Generations that every side has computed.
    int availableGenerations() const;

    // How long a parameter change waits before the run restarts.
    static constexpr int kRestartDelayMs = 150;
    // How long the transport stays visible in presenter mode after the mouse last moved.
    static constexpr int kControlsHideMs = 2500;

    // Every side's label and scenario, for the undo stack.
    std::vector<LabelledScenario> sideScenarios() const;
    // Applies sides from the undo stack: the panel shows the first, and the run restarts.
    void applySideScenarios(const std::vector<LabelledScenario>& scenarios, bool showInPanel = true);

signals:
    // A generation was drawn on the stage.
    void frameShown(int generation);
    // A new run began (after a restart) and its first generation is on the way.
    void runRestarted();
    void runCompleted();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // One run on stage: its scenario, worker thread, history and stage view.
    struct Side {
        // Unique for the window's lifetime: results still queued from a removed side are recognised.
        quint64 serial = 0;
        QString label;
        Scenario scenario;
        SimulationWorker* worker = nullptr;
        quint64 request = 0;
        RunHistory history;
        bool complete = false;
        std::unique_ptr<StageView> stage;
        StageKind stageKind = StageKind::Density1D;
        QWidget* column = nullptr;
        QLabel* caption = nullptr;
    };

    void buildMenus();
    void rebuildRecentMenu();
    void exportFigure();
    void exportAnimation();
    void exportData();
    void openScenarioDialog();
    void saveScenarioDialog();
    // The runs so far, copied so that an export is not disturbed by generations still arriving, with
    // their labels; `labelled` points into `histories`.
    struct ExportRuns {
        std::vector<RunHistory> histories;
        QVector<LabelledHistory> labelled;
    };
    // Empty (after saying why) when nothing has been computed yet.
    std::optional<ExportRuns> runsToExport(const QString& title);
    void setSides(const std::vector<LabelledScenario>& scenarios);
    void onPanelEdited(const Scenario& edited);
    void restartNow();
    void rebuildViews(bool fresh = false);
    void showGeneration(int generation);
    void setPlaying(bool playing);
    void togglePlay();
    void step(int delta);
    void tick();
    void refreshCharts();
    void refreshNextChart();
    void updateStatus();
    void updateNarrationStyle();
    void showControls();
    // The side a worker's signal speaks for, or null when the side is gone or the run was cancelled.
    Side* sideFor(std::size_t index, quint64 serial, quint64 request) const;
    void onRunStarted(Side& side, const QStringList& columns);
    void onGenerationReady(Side& side, const SnapshotPointer& snapshot);
    void onRunFinished(Side& side);
    void onRunFailed(const QString& message);

    std::vector<std::unique_ptr<Side>> sides_;
    quint64 nextSideSerial_ = 0;
    bool runComplete_ = false;
    bool runFailed_ = false;
    QElapsedTimer runClock_;
    qint64 runMilliseconds_ = 0;

    ParameterPanel* panel_;
    QScrollArea* panelScroll_;
    QSplitter* splitter_;
    QVBoxLayout* stageLayout_;
    QHBoxLayout* stageRow_;
    QLabel* presetNote_;
    QLabel* narration_;
    QGridLayout* chartGrid_;
    QVector<MetricChart*> charts_;
    ModelKind chartedModel_ = ModelKind::Gaussian;
    int nextChart_ = 0;
    int chartsBehind_ = 0;
    TransportBar* transport_;
    QLabel* status_;
    QUndoStack* undo_;
    QMenu* recentMenu_ = nullptr;
    QMenu* screenMenu_ = nullptr;
    QActionGroup* themeGroup_ = nullptr;
    QAction* presenterAction_ = nullptr;
    QAction* leavePresenterAction_ = nullptr;
    QAction* singleViewAction_ = nullptr;

    QTimer restartTimer_;
    QTimer playTimer_;
    QTimer chartTimer_;
    QTimer controlsTimer_;
    int shown_ = -1;
    bool playing_ = true;
    bool presenting_ = false;
    QByteArray geometryBeforePresenting_;
};

} // namespace collapse::ui
