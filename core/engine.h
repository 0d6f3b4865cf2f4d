#pragma once

#include "core/column_summary.h"
#include "core/experiment.h"
#include "core/samples.h"
#include "core/scenario.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace collapse {

// Everything a view needs of one finished generation: the metric row of every replicate, and the
// model and samples of one replicate, the chain the stage draws. Immutable once emitted.
struct GenerationSnapshot {
    int generation = 0;
    // One row per replicate, one column per Engine::metricColumns() entry; NaN where a value is
    // missing.
    Eigen::MatrixXd metrics;
    // summarise() of each column of `metrics`: computed with the generation, on every thread, so that
    // no view has to.
    std::vector<ColumnSummary> summaries;
    // The chain on stage: its replicate number, model and samples (at most kDisplaySampleCap points or
    // kDisplayImageCap images).
    int shownReplicate = 0;
    std::shared_ptr<const FittedModel> model;
    Samples samples;
    // More chains drawn small beside it (the window's many-chains view), in the order asked for, each with
    // at most kSmallStageSampleCap points or kSmallStageImageCap images.
    struct Chain {
        int replicate = 0;
        std::shared_ptr<const FittedModel> model;
        Samples samples;
    };
    std::vector<Chain> moreChains;
};

// The stage never draws more points than this, whatever M is.
inline constexpr Eigen::Index kDisplaySampleCap = 5000;
// Nor keeps more images (each 784 values) per generation.
inline constexpr Eigen::Index kDisplayImageCap = 300;
// The window's many-chains view draws this many chains at once, three by three; a chain drawn that small
// needs fewer points and images.
inline constexpr int kManyChainsShown = 9;
inline constexpr Eigen::Index kSmallStageSampleCap = 1000;
inline constexpr Eigen::Index kSmallStageImageCap = 36;

// Runs the recursion (core/README.md): `replicates` independent chains of `generations` fits, in
// parallel over replicates with OpenMP. Random numbers are keyed by (seed, replicate, generation,
// purpose), so results are identical for any thread count.
class Engine {
public:
    explicit Engine(const Scenario& scenario);
    ~Engine();

    const Scenario& scenario() const { return scenario_; }
    const Experiment& experiment() const { return *experiment_; }
    // train_size, then the model's metrics.
    const std::vector<std::string>& metricColumns() const { return columns_; }
    // The replicate whose model and samples the snapshots carry (0 unless set; clamped to the run's).
    void setShownReplicate(int replicate);
    // More replicates whose models and samples the snapshots carry in `moreChains` (none unless set;
    // numbers outside the run's are left out).
    void setMoreShownReplicates(std::vector<int> replicates);

    enum class Outcome { Finished, Cancelled };

    // Runs every generation, calling `onGeneration` on this thread for each in order, as soon as every
    // replicate has finished it (chains run a few generations in a row where generations are quick).
    // `cancel` is checked before each replicate's step, and by a long fit within it (core/cancellation.h).
    // Errors inside the parallel region are rethrown here as std::runtime_error.
    Outcome run(const std::function<void(GenerationSnapshot&&)>& onGeneration,
                const std::atomic<bool>* cancel = nullptr);

private:
    struct Chain;
    void step(Chain& chain, int replicate, int generation) const;
    // Selection: the `kept` best of the chain's candidates by its model's scores, into the chain.
    const Samples& select(Chain& chain, Eigen::Index kept) const;

    Scenario scenario_;
    int shownReplicate_ = 0;
    std::vector<int> moreShownReplicates_;
    std::unique_ptr<Experiment> experiment_;
    std::vector<std::string> columns_;
    // What each model draws a generation: M samples, or as many as the next generation takes when the
    // augment policy adds more, or selection's candidates for them.
    Eigen::Index drawnCount_;
};

} // namespace collapse
