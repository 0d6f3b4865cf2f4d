// The diffusion model's speed: one whole generation of the presets (training, sampling, metrics) and the
// training loop alone, against which tests/benchmarks/torch_diffusion_training.py times PyTorch.

#include "core/engine.h"
#include "core/minibatch_training.h"
#include "core/models/diffusion/denoiser.h"
#include "core/random.h"
#include "core/scenario_sources.h"

#include <benchmark/benchmark.h>

#include <omp.h>

namespace {

using namespace collapse;

Scenario presetScenario(const std::string& name)
{
    return scenarioFromJson(presetNamed(name).entries.front().object);
}

// One generation of a preset's first chain: generation 0 trained on the original, sampled and measured.
void BM_DiffusionGeneration(benchmark::State& state, const std::string& preset)
{
    Scenario scenario = presetScenario(preset);
    scenario.generations = 1;
    scenario.replicates = 1;
    for (auto _ : state) {
        Engine engine(scenario);
        double recall = 0.0;
        engine.run([&recall](GenerationSnapshot&& snapshot) { recall = snapshot.summaries[3].median; });
        state.counters["recall"] = recall;
    }
}
BENCHMARK_CAPTURE(BM_DiffusionGeneration, swissroll, std::string("diffusion-swissroll"))
    ->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK_CAPTURE(BM_DiffusionGeneration, fashion, std::string("diffusion-fashion"))
    ->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

// The training loop alone on the swiss roll preset's network (2 + 32 → 3 × 128 SiLU → 2), batch 256, on
// 8000 points for EPOCHS epochs: the loop torch_diffusion_training.py runs in PyTorch.
void BM_DiffusionTraining(benchmark::State& state)
{
    constexpr Eigen::Index kPoints = 8000;
    const int epochs = static_cast<int>(state.range(0));
    RandomStream random(1, 0, 0, Purpose::Initialisation);
    Eigen::MatrixXf data(2, kPoints);
    for (Eigen::Index i = 0; i < data.size(); ++i) {
        data.data()[i] = static_cast<float>(random.normal());
    }
    const NoiseSchedule schedule(NoiseScheduleKind::Linear, 50);
    const TimeEmbedding embedding(50, 32);
    for (auto _ : state) {
        DenoiserParameters parameters({2, 128, 3, 32});
        parameters.initialise(random);
        trainDenoiser(parameters, schedule, embedding, data, {epochs, 256, 2e-3}, random);
    }
    state.counters["points_per_s"] =
        benchmark::Counter(static_cast<double>(kPoints * epochs), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_DiffusionTraining)->Arg(10)->Unit(benchmark::kMillisecond)->UseRealTime();

// The bound Eigen's float product sets for this network: the widest layer's product, 128x128 by 128x128
// (a slice of the batch), on every thread at once; the step's arithmetic over that rate is the throughput
// no Eigen implementation of this network could beat.
void BM_DiffusionProductBound(benchmark::State& state)
{
    const int threads = omp_get_max_threads();
    std::vector<Eigen::MatrixXf> weights(threads, Eigen::MatrixXf::Random(128, 128));
    std::vector<Eigen::MatrixXf> activations(threads, Eigen::MatrixXf::Random(128, 128));
    std::vector<Eigen::MatrixXf> results(threads, Eigen::MatrixXf(128, 128));
    for (auto _ : state) {
#pragma omp parallel num_threads(threads)
        {
            const int thread = omp_get_thread_num();
            results[thread].noalias() = weights[thread] * activations[thread];
            benchmark::DoNotOptimize(results[thread].data());
        }
    }
    // Per point: forward 2(34·128 + 2·128·128 + 128·2) flops, backward twice that.
    constexpr double flopsPerPoint = 3.0 * 2.0 * (34.0 * 128 + 2 * 128 * 128 + 128 * 2);
    constexpr double productFlops = 2.0 * 128 * 128 * 128;
    state.counters["points_per_s_bound"] =
        benchmark::Counter(threads * productFlops / flopsPerPoint, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_DiffusionProductBound)->Unit(benchmark::kMicrosecond)->UseRealTime();

} // namespace
