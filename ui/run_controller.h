#pragma once

#include "core/scenario_sources.h"
#include "ui/run_history.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <string>
#include <vector>

namespace collapse::ui {

class SimulationWorker;

// The runs on stage, without any widget: one side, or two side by side (compare mode), each with its
// scenario, its own worker thread and the history of what it computed. It restarts the runs when the
// scenarios change (after a short pause, so a dragged slider does not start a run per pixel), drops
// results that a cancelled run or a removed side still had in flight, and tells when generations
// arrive, when every side has finished, and when a run fails. The window only shows what it says.
class RunController : public QObject {
    Q_OBJECT

public:
    // One run: its label in compare mode, scenario, worker and history.
    struct Side {
        quint64 serial = 0; // unique for the controller's lifetime: results of a removed side are recognised
        QString label;
        Scenario scenario;
        SimulationWorker* worker = nullptr;
        quint64 request = 0;
        RunHistory history;
        bool complete = false;
    };

    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    // How long a parameter change waits before the runs restart.
    static constexpr int kRestartDelayMs = 150;

    // New sides (or the same number with new scenarios and labels), restarted at once.
    void setSides(const std::vector<LabelledScenario>& scenarios);
    // The same sides with edited scenarios, restarted after kRestartDelayMs; another number of sides
    // is a setSides().
    void changeScenarios(const std::vector<LabelledScenario>& scenarios);
    // Stops every worker (the window is closing).
    void stop();
    // The chain the stages show (counted from 0); changing it recomputes the runs, which give the same
    // numbers, with that chain's models and samples for the stages.
    void setShownChain(int chain);
    int shownChain() const { return shownChain_; }
    // The many-chains view: the snapshots also carry eight more chains, drawn small around the chain on
    // stage (the first chains but that one, in order; every chain where a run has fewer than nine).
    // Changing it recomputes the runs.
    void setManyChains(bool many);
    bool manyChains() const { return manyChains_; }
    // The chains drawn small beside the chain on stage in a run of `scenario` (none outside the
    // many-chains view).
    std::vector<int> moreChainsOf(const Scenario& scenario) const;
    // The typical chain of the first side: the one whose headline metric is the median of all chains at
    // the last generation computed (0 before any).
    int typicalChain() const;

    int sideCount() const { return static_cast<int>(sides_.size()); }
    const Side& side(int index) const { return *sides_[static_cast<std::size_t>(index)]; }
    std::vector<LabelledScenario> sideScenarios() const;
    // Generations that every side has computed.
    int availableGenerations() const;
    bool isComplete() const { return complete_; }
    bool hasFailed() const { return failed_; }
    // Why the runs failed, as failed() said it (empty unless hasFailed()).
    const QString& failure() const { return failure_; }
    // Where the runs are, in words: "Computing: 12 of 500 generations", "500 generations of 1000 chains
    // in 0.2 s".
    QString statusText() const;

    // Writes the finished runs' metrics.csv, summary.csv and scenario.json into `folder` (a comparison:
    // one subfolder per side), the same files as `collapselab-cli run`, whole or not at all. Throws
    // std::runtime_error naming what failed.
    void saveRunData(const QString& folder) const;

signals:
    // The number of sides or their labels changed: views are rebuilt.
    void sidesChanged();
    // New runs began; their first generations are on the way.
    void restarted();
    void generationArrived(int side);
    void completed();
    void failed(const QString& message);

private:
    void restartNow();
    Side* sideFor(std::size_t index, quint64 serial, quint64 request) const;
    void addSide();

    // Finished runs kept for a return to the same scenario (another preset and back, an undo): results
    // are deterministic, so a kept run is the run. At most kCachedRuns, and only runs held in
    // kCachedBytes of memory together.
    struct CachedRun {
        std::string key; // the scenario as its file reads, and the chain on stage
        RunHistory history;
        std::size_t bytes = 0;
    };
    static constexpr std::size_t kCachedRuns = 6;
    static constexpr std::size_t kCachedBytes = std::size_t(512) << 20;
    std::string cacheKey(const Scenario& scenario) const;

    void keep(const Side& side);
    const RunHistory* kept(const std::string& key) const;
    void finishSide(std::size_t index);

    std::vector<std::unique_ptr<Side>> sides_;
    std::vector<CachedRun> cache_;
    quint64 nextSerial_ = 0;
    int shownChain_ = 0;
    bool manyChains_ = false;
    bool complete_ = false;
    bool failed_ = false;
    QString failure_;
    QElapsedTimer clock_;
    qint64 runMilliseconds_ = 0;
    QTimer restartTimer_;
};

} // namespace collapse::ui
