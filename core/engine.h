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
};

// The stage never draws more points than this, whatever M is.
inline constexpr Eigen::Index kDisplaySampleCap = 5000;
// Nor keeps more images (each 784 values) per generation.
inline constexpr Eigen::Index kDisplayImageCap = 300;

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
    std::unique_ptr<Experiment> experiment_;
    std::vector<std::string> columns_;
    // What each model draws a generation: M samples, or as many as the next generation takes when the
    // augment policy adds more, or selection's candidates for them.
    Eigen::Index drawnCount_;
};

} // namespace collapse
