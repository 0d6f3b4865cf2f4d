#pragma once

#include "core/scenario.h"
#include "core/scenario_sources.h"
#include "ui/run_controller.h"
#include "ui/run_history.h"
#include "ui/stage_view.h"
#include "ui/theme.h"
#include "ui/transport_bar.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>
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

class ExportActions;
class LegendStrip;
class MetricChart;
class ParameterPanel;
class Playback;
class SimulationWorker;
class ReproductionDialog;
class SweepWindow;

// The Collapse Lab window: parameters on the left, the model's stage in the middle with a line saying
// what it shows, metric charts on the right, the transport along the bottom. It lays these out, builds
// the menus and runs presenter mode; the runs themselves belong to a RunController (one side, or two
// side by side in compare mode), the generation on stage to a Playback, and the exports to
// ExportActions.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(const Scenario& initial, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows a new scenario (or, given two, a comparison) and restarts at once. The undo history starts
    // afresh, as for a newly opened document.
    void loadScenario(const Scenario& scenario);
    void loadScenarios(const std::vector<LabelledScenario>& scenarios);
    // Loads a built-in preset, comparisons in compare mode, and shows its title and two sentences;
    // `overrides` change keys as on the command line.
    void loadPreset(const std::string& name, const std::vector<Override>& overrides = {});
    // Opens a scenario file. A bad file leaves everything as it was; its message goes to `error`, or
    // when that is null to a message box.
    bool openScenarioFile(const QString& path, QString* error = nullptr);
    // Saves the scenario (or comparison) as the command line reads it; false with `error` on failure.
    bool saveScenarioFile(const QString& path, QString* error = nullptr);
    // Pauses and shows a generation already computed, with the charts up to date.
    void goToGeneration(int generation);
    // The finished run's files, as RunController::saveRunData.
    void saveRunData(const QString& folder) const { runs_->saveRunData(folder); }

    // The sweep window, made on first use: a new sweep of the scenario on stage (File ▸ New Sweep) or a
    // sweep preset. A cell clicked there opens here as a run.
    SweepWindow* openSweepWindow();
    // Help ▸ Reproduce the Paper…: the quick scale into <parentFolder>/paper-reproduction (asked for when
    // empty), with a progress dialog; the PDF opens when it is written. Null when nothing was started.
    ReproductionDialog* reproducePaper(QString parentFolder = {});
    SweepWindow* sweepWindow() const { return sweepWindow_; }

    void setPresenterMode(bool on);
    bool isPresenterMode() const { return presenting_; }
    void setTheme(Theme theme);

    const RunController& runs() const { return *runs_; }
    const Playback& playback() const { return *playback_; }
    ParameterPanel* parameterPanel() const { return panel_; }
    TransportBar* transport() const { return transport_; }
    QUndoStack* undoStack() const { return undo_; }
    QLabel* presetNote() const { return presetNote_; }
    int sideCount() const { return runs_->sideCount(); }
    StageView* stage(int side = 0) const { return views_[static_cast<std::size_t>(side)]->stage.get(); }
    const RunHistory& history(int side = 0) const { return runs_->side(side).history; }
    const Scenario& scenario(int side = 0) const { return runs_->side(side).scenario; }
    QString sideLabel(int side) const { return runs_->side(side).label; }
    SimulationWorker* worker(int side = 0) const { return runs_->side(side).worker; }
    const QVector<MetricChart*>& charts() const { return charts_; }
    QLabel* narration() const { return narration_; }
    int shownGeneration() const;
    bool isPlaying() const;
    bool isRunComplete() const { return runs_->isComplete(); }
    int availableGenerations() const { return runs_->availableGenerations(); }

    // How long a parameter change waits before the run restarts.
    static constexpr int kRestartDelayMs = RunController::kRestartDelayMs;
    // How long the transport stays visible in presenter mode after the mouse last moved.
    static constexpr int kControlsHideMs = 2500;

    // Every side's label and scenario, for the undo stack.
    std::vector<LabelledScenario> sideScenarios() const { return runs_->sideScenarios(); }
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
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The picture of one side: a column holding its stage.
    struct SideView {
        QWidget* column = nullptr;
        std::unique_ptr<StageView> stage;
        QString stageKind;
    };

    void buildMenus();
    void rebuildRecentMenu();
    void openScenarioDialog();
    void saveScenarioDialog();
    void onPanelEdited(const Scenario& edited);
    void onSidesChanged();
    void onRestarted();
    void onGenerationArrived();
    void rebuildViews(bool fresh = false);
    void showGeneration(int generation);
    void refreshCharts();
    void refreshNextChart();
    void updateStatus();
    void updateNarrationStyle();
    void fitNarration();
    void fitPresetNote();
    void showControls();
    // Keeps the window inside its screen's free area, shrinking it where the screen is smaller.
    void fitToScreen();
    // The charts beside the stages, or under them when the window is too narrow for both.
    // `forWidth`: the window's width to arrange for (negative: its present width).
    void arrangeColumns(int forWidth = -1);
    // Charts in one column, or two to a row when a column would make them too short to read.
    void arrangeCharts();
    void alignCharts();

    RunController* runs_;
    Playback* playback_;
    ExportActions* exports_;
    std::vector<std::unique_ptr<SideView>> views_;

    ParameterPanel* panel_;
    QScrollArea* panelScroll_;
    QSplitter* splitter_;
    QVBoxLayout* stageLayout_;
    QHBoxLayout* stageRow_;
    QLabel* presetNote_;
    SweepWindow* sweepWindow_ = nullptr;
    LegendStrip* legendStrip_ = nullptr;
    QLabel* narration_;
    // What the narration says of the generation on stage, in full and briefly (fitNarration picks).
    QString narrationText_;
    QString briefNarrationText_;
    QGridLayout* chartGrid_;
    QWidget* chartArea_ = nullptr;
    int chartColumns_ = 0;
    bool chartsBelow_ = false;
    int belowColumns_ = 2;
    QWidget* transportHolder_ = nullptr;
    QVector<MetricChart*> charts_;
    const void* chartedModel_ = nullptr;
    int nextChart_ = 0;
    int chartsBehind_ = 0;
    TransportBar* transport_;
    QLabel* status_;
    QUndoStack* undo_;
    QMenu* recentMenu_ = nullptr;
    QMenu* screenMenu_ = nullptr;
    QActionGroup* themeGroup_ = nullptr;
    QAction* presenterAction_ = nullptr;
    QAction* panelAction_ = nullptr;
    QAction* leavePresenterAction_ = nullptr;
    QAction* singleViewAction_ = nullptr;

    QTimer chartTimer_;
    QTimer controlsTimer_;
    bool presenting_ = false;
    // The generation to return to once a recomputed run reaches it again (another chain on stage).
    int resumeAt_ = -1;
    QByteArray geometryBeforePresenting_;
};

} // namespace collapse::ui
