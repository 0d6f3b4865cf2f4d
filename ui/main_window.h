#pragma once

#include "run_history.h"
#include "scenario.h"
#include "stage_view.h"
#include "transport_bar.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

#include <memory>
#include <optional>

class QLabel;
class QSplitter;
class QVBoxLayout;
class QGridLayout;

namespace collapse::ui {

class MetricChart;
class ParameterPanel;
class SimulationWorker;

// The Collapse Lab window (DESIGN.md §4): parameters on the left, the model's stage in the middle
// with a line saying what it shows, metric charts on the right, the transport along the bottom.
//
// The worker thread streams generations into the history; playback moves the generation on stage
// through what has arrived, one generation per tick. A parameter change restarts the run after a
// short pause, so dragging a slider does not start a run per pixel.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(const Scenario& initial, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows a new scenario in the panel and restarts at once.
    void loadScenario(const Scenario& scenario);
    // Pauses and shows a generation already computed, with the charts up to date.
    void goToGeneration(int generation);
    // Writes the finished run's metrics.csv, summary.csv and scenario.json into `folder`, the same files
    // as `collapselab-cli run`, whole or not at all. Throws std::runtime_error naming what failed.
    void saveRunData(const QString& folder) const;

    ParameterPanel* parameterPanel() const { return panel_; }
    TransportBar* transport() const { return transport_; }
    StageView* stage() const { return stage_.get(); }
    const QVector<MetricChart*>& charts() const { return charts_; }
    const RunHistory& history() const { return history_; }
    SimulationWorker* worker() const { return worker_; }
    QLabel* narration() const { return narration_; }
    const Scenario& scenario() const { return scenario_; }
    int shownGeneration() const { return shown_; }
    bool isPlaying() const { return playing_; }
    bool isRunComplete() const { return runComplete_; }

    // How long a parameter change waits before the run restarts.
    static constexpr int kRestartDelayMs = 150;

signals:
    // A generation was drawn on the stage.
    void frameShown(int generation);
    // A new run began (after a restart) and its first generation is on the way.
    void runRestarted();
    void runCompleted();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void exportFigure();
    void exportAnimation();
    void exportData();
    // The run so far, copied so that an export is not disturbed by generations still arriving; empty
    // (after saying why) when nothing has been computed yet.
    std::optional<RunHistory> runToExport(const QString& title);
    void restartNow();
    void rebuildViews();
    void showGeneration(int generation);
    void setPlaying(bool playing);
    void togglePlay();
    void step(int delta);
    void tick();
    void refreshCharts();
    void refreshNextChart();
    void updateStatus();
    void onRunStarted(quint64 request, const QStringList& columns);
    void onGenerationReady(quint64 request, const SnapshotPointer& snapshot);
    void onRunFinished(quint64 request);
    void onRunFailed(quint64 request, const QString& message);

    Scenario scenario_;
    SimulationWorker* worker_;
    quint64 request_ = 0;
    RunHistory history_;
    bool runComplete_ = false;
    QElapsedTimer runClock_;
    qint64 runMilliseconds_ = 0;

    ParameterPanel* panel_;
    QSplitter* splitter_;
    QVBoxLayout* stageLayout_;
    std::unique_ptr<StageView> stage_;
    StageKind stageKind_ = StageKind::Density1D;
    QLabel* narration_;
    QGridLayout* chartGrid_;
    QVector<MetricChart*> charts_;
    ModelKind chartedModel_ = ModelKind::Gaussian;
    int nextChart_ = 0;
    int chartsBehind_ = 0;
    TransportBar* transport_;
    QLabel* status_;

    QTimer restartTimer_;
    QTimer playTimer_;
    QTimer chartTimer_;
    int shown_ = -1;
    bool playing_ = true;
};

} // namespace collapse::ui
