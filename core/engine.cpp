#include "core/engine.h"

#include "core/cancellation.h"
#include "core/model_registry.h"
#include "core/random.h"
#include "core/training_set.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <stdexcept>

namespace collapse {

// One replicate's state between generations: what it gathered and the samples of its latest model, and
// the buffers its steps reuse, so that a generation allocates nothing once the first has run.
struct Engine::Chain {
    Chain(const Scenario& scenario, std::size_t columns) : pool(scenario), row(columns) {}
    TrainingPool pool;
    std::shared_ptr<const FittedModel> firstModel;
    std::shared_ptr<const FittedModel> model;
    Samples drawn;
    Samples human;
    // Selection: the candidates' scores, their order by score, and the synthetic samples kept.
    std::vector<double> scores;
    std::vector<Eigen::Index> order;
    Samples selected;
    // The generation's M samples, where the model drew more for selection or augment.
    Samples measured;
    std::vector<double> row;  // train_size, then the model's metrics
};

Engine::Engine(const Scenario& scenario)
    : scenario_(scenario), experiment_(makeExperiment(scenario)),
      drawnCount_(std::max<Eigen::Index>(scenario.samples, selectionCandidates(scenario, batchComposition(scenario, 1).synthetic)))
{
    for (const std::string_view column : metricColumnsOf(scenario.model())) {
        columns_.emplace_back(column);
    }
}

Engine::~Engine() = default;

void Engine::setShownReplicate(int replicate)
{
    shownReplicate_ = std::clamp(replicate, 0, scenario_.replicates - 1);
}

void Engine::setMoreShownReplicates(std::vector<int> replicates)
{
    std::erase_if(replicates, [this](int replicate) { return replicate < 0 || replicate >= scenario_.replicates; });
    moreShownReplicates_ = std::move(replicates);
}

namespace {

// The first of a chain's M samples, at most `pointCap` points or `imageCap` images or sequences.
Samples samplesOnStage(const Samples& drawn, Eigen::Index samples, Eigen::Index pointCap, Eigen::Index imageCap)
{
    const Eigen::Index cap = drawn.rows() <= 2 ? pointCap : imageCap;
    return drawn.leftCols(std::min({drawn.cols(), samples, cap}));
}

} // namespace

const Samples& Engine::select(Chain& chain, Eigen::Index kept) const
{
    const Eigen::Index candidates = selectionCandidates(scenario_, kept);
    chain.scores.resize(static_cast<std::size_t>(candidates));
    experiment_->scoreSamples(*chain.model, chain.drawn.leftCols(candidates), scenario_.selection, chain.scores);
    selectBest(chain.scores, kept, chain.order);
    chain.selected.resize(chain.drawn.rows(), kept);
    for (Eigen::Index i = 0; i < kept; ++i) {
        chain.selected.col(i) = chain.drawn.col(chain.order[static_cast<std::size_t>(i)]);
    }
    return chain.selected;
}

void Engine::step(Chain& chain, int replicate, int generation) const
{
    const auto r = static_cast<std::uint32_t>(replicate);
    const auto g = static_cast<std::uint32_t>(generation);
    const std::uint64_t seed = scenario_.seed;

    const BatchComposition batch = batchComposition(scenario_, generation);
    RandomStream humanRandom(seed, r, g, Purpose::OriginalData);
    experiment_->drawOriginalInto(chain.human, batch.human, humanRandom);
    // The previous model drew M independent samples; any `synthetic` of them are a fair draw. In
    // generation 0 there is no previous model and `synthetic` is 0. With selection it drew more, and the
    // best of them by its own scores are kept.
    const Eigen::Ref<const Samples> synthetic = scenario_.selection == Selection::None || batch.synthetic == 0
                                                    ? Eigen::Ref<const Samples>(chain.drawn.leftCols(batch.synthetic))
                                                    : Eigen::Ref<const Samples>(select(chain, batch.synthetic));

    RandomStream subsampleRandom(seed, r, g, Purpose::Subsampling);
    const Eigen::Ref<const Samples> training = chain.pool.next(chain.human, synthetic, subsampleRandom);

    RandomStream fitRandom(seed, r, g, Purpose::Fitting);
    chain.model = experiment_->fit(training, fitRandom);
    if (generation == 0) {
        chain.firstModel = chain.model;
    }

    RandomStream sampleRandom(seed, r, g, Purpose::ModelSamples);
    // The training set may be a view of `drawn` (TrainingPool::next), which the fit has finished with.
    const auto trainSize = static_cast<double>(training.cols());
    chain.model->sampleInto(chain.drawn, drawnCount_, scenario_.samplingBias, sampleRandom);

    chain.row[0] = trainSize;
    // The metrics read M samples whatever else the next generation draws, so that a vocabulary or a
    // precision means the same with and without selection's candidates or augment's extra data.
    const Samples* measured = &chain.drawn;
    if (chain.drawn.cols() > scenario_.samples) {
        chain.measured = chain.drawn.leftCols(scenario_.samples);
        measured = &chain.measured;
    }
    experiment_->measure(*chain.model, *chain.firstModel, *measured, std::span(chain.row).subspan(1));
}

Engine::Outcome Engine::run(const std::function<void(GenerationSnapshot&&)>& onGeneration,
                            const std::atomic<bool>* cancel)
{
    const auto cancelled = [cancel] { return cancel != nullptr && cancel->load(std::memory_order_relaxed); };
    const int replicates = scenario_.replicates;
    std::vector<Chain> chains(static_cast<std::size_t>(replicates), Chain(scenario_, columns_.size()));
    // Replicates are handed out dynamically (EM's cost varies from fit to fit), in chunks of about an
    // eighth of each thread's share, so that cheap steps do not queue on the shared counter.
    const int chunk = std::max(1, replicates / (8 * omp_get_max_threads()));
    const bool parallelReplicates = replicates > 1 && !experiment_->parallelisesItself();
    const Eigen::Index columns = static_cast<Eigen::Index>(columns_.size());

    // Each chain runs a span of generations in a row before the next chain's turn: the chain's samples
    // are still in the core's cache when its next fit reads them, where a pass over thousands of chains
    // between two of its generations would have evicted them. The chains are independent and every
    // random number is keyed by (replicate, generation), so the span changes when numbers are computed,
    // never which. The first span is one generation, so the first snapshot comes at once; later spans
    // are as many generations as take about kSpanSeconds, so that snapshots and progress keep flowing.
    constexpr double kSpanSeconds = 0.02;
    constexpr int kLongestSpan = 16;
    int nextSpan = 1;
    std::vector<GenerationSnapshot> snapshots;
    for (int first = 0; first < scenario_.generations;) {
        if (cancelled()) {
            return Outcome::Cancelled;
        }
        const int span = std::min(nextSpan, scenario_.generations - first);
        const int shownReplicate = shownReplicate_;
        snapshots.resize(static_cast<std::size_t>(span));
        for (int offset = 0; offset < span; ++offset) {
            GenerationSnapshot& snapshot = snapshots[static_cast<std::size_t>(offset)];
            snapshot.generation = first + offset;
            snapshot.shownReplicate = shownReplicate;
            snapshot.moreChains.resize(moreShownReplicates_.size());
            for (std::size_t more = 0; more < moreShownReplicates_.size(); ++more) {
                snapshot.moreChains[more].replicate = moreShownReplicates_[more];
            }
            snapshot.metrics.resize(replicates, columns);
            snapshot.summaries.resize(static_cast<std::size_t>(columns));
        }
        const auto started = std::chrono::steady_clock::now();
        std::exception_ptr failure;
        const auto runSpan = [&](int replicate) {
            // A fit that takes long stops part-way once the run is cancelled (core/cancellation.h).
            const CancellationScope cancellation(cancel);
            try {
                Chain& chain = chains[static_cast<std::size_t>(replicate)];
                for (int offset = 0; offset < span && !cancelled(); ++offset) {
                    GenerationSnapshot& snapshot = snapshots[static_cast<std::size_t>(offset)];
                    step(chain, replicate, first + offset);
                    for (Eigen::Index column = 0; column < columns; ++column) {
                        snapshot.metrics(replicate, column) = chain.row[static_cast<std::size_t>(column)];
                    }
                    if (replicate == shownReplicate) {
                        snapshot.model = chain.model;
                        snapshot.samples = samplesOnStage(chain.drawn, scenario_.samples, kDisplaySampleCap, kDisplayImageCap);
                    }
                    for (GenerationSnapshot::Chain& more : snapshot.moreChains) {
                        if (more.replicate == replicate) {
                            more.model = chain.model;
                            more.samples = samplesOnStage(chain.drawn, scenario_.samples, kSmallStageSampleCap, kSmallStageImageCap);
                        }
                    }
                }
            } catch (const Cancelled&) {
                // The flag is set: the span's end returns Outcome::Cancelled.
            } catch (...) {
#pragma omp critical(engine_failure)
                if (!failure) {
                    failure = std::current_exception();
                }
            }
        };
        if (parallelReplicates) {
#pragma omp parallel for schedule(dynamic, chunk)
            for (int replicate = 0; replicate < replicates; ++replicate) {
                runSpan(replicate);
            }
        } else {
            // Outside any parallel region, so that a fit that parallelises its own work starts its threads
            // from the pool (a region nested in an inactive one makes new threads every time).
            for (int replicate = 0; replicate < replicates; ++replicate) {
                runSpan(replicate);
            }
        }
        if (failure) {
            std::rethrow_exception(failure);
        }
        if (cancelled()) {
            return Outcome::Cancelled;
        }
        const int summaries = span * static_cast<int>(columns);
#pragma omp parallel for schedule(dynamic, 1) if (parallelReplicates)
        for (int summary = 0; summary < summaries; ++summary) {
            GenerationSnapshot& snapshot = snapshots[static_cast<std::size_t>(summary / columns)];
            snapshot.summaries[static_cast<std::size_t>(summary % columns)] = summarise(snapshot.metrics.col(summary % columns));
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        for (GenerationSnapshot& snapshot : snapshots) {
            const bool last = snapshot.generation + 1 == scenario_.generations;
            onGeneration(std::move(snapshot));
            // A cancel from inside the callback stops the run before the next generation is handed out,
            // as it would before the next generation were computed.
            if (!last && cancelled()) {
                return Outcome::Cancelled;
            }
        }
        first += span;
        const double secondsPerGeneration = seconds / span;
        nextSpan = secondsPerGeneration * kLongestSpan <= kSpanSeconds
                       ? kLongestSpan
                       : std::clamp(static_cast<int>(kSpanSeconds / secondsPerGeneration), 1, kLongestSpan);
    }
    return Outcome::Finished;
}

} // namespace collapse
