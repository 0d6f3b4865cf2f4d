// Speed of the simulation core: EM fits, generations per second of the presets' recursions, and the
// ensemble speed-up from OpenMP threads.

#include "core/engine.h"
#include "core/models/gmm/expectation_maximization.h"
#include "core/models/text/text_settings.h"
#include "core/models/vae/vae_training.h"
#include "core/random.h"
#include "core/scenario_sources.h"
#include "core/sweep.h"
#include "core/sweep_folder.h"

#include <benchmark/benchmark.h>

#include <filesystem>

#include <unistd.h>
#include <omp.h>

namespace {

using namespace collapse;

Scenario presetScenario(const char* name)
{
    ScenarioRequest request;
    request.preset = name;
    return resolveScenarios(request).front().scenario;
}

// Runs `scenario` to the end and returns the number of generations finished.
int runToEnd(const Scenario& scenario)
{
    Engine engine(scenario);
    int finished = 0;
    engine.run([&](GenerationSnapshot&&) { ++finished; });
    return finished;
}

// Standard normals drawn a block at a time (Philox and Box–Muller vectorised), and one at a time.
void BM_FillNormals(benchmark::State& state)
{
    std::vector<double> values(static_cast<std::size_t>(state.range(0)));
    std::uint32_t generation = 0;
    for (auto _ : state) {
        RandomStream random(1, 0, generation++, Purpose::ModelSamples);
        random.fillNormals(values);
        benchmark::DoNotOptimize(values.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_FillNormals)->Arg(100)->Arg(10000);

void BM_NormalOneAtATime(benchmark::State& state)
{
    std::vector<double> values(static_cast<std::size_t>(state.range(0)));
    std::uint32_t generation = 0;
    for (auto _ : state) {
        RandomStream random(1, 0, generation++, Purpose::ModelSamples);
        for (double& value : values) {
            value = random.normal();
        }
        benchmark::DoNotOptimize(values.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_NormalOneAtATime)->Arg(10000);

// How the gaussian recursion's time grows with each of its three sizes, the other two held: it should
// be linear in each. Google Benchmark fits time = slope · N and prints the slope ("BigO", time per unit)
// and the relative RMS of the fit (near 0% when the growth is linear).
enum class GaussianSize { Samples, Generations, Chains };

void BM_GaussianScaling(benchmark::State& state, GaussianSize varied)
{
    Scenario scenario = presetScenario("gaussian-theorem");
    scenario.samples = varied == GaussianSize::Samples ? static_cast<int>(state.range(0)) : 100;
    scenario.generations = varied == GaussianSize::Generations ? static_cast<int>(state.range(0)) : 100;
    scenario.replicates = varied == GaussianSize::Chains ? static_cast<int>(state.range(0)) : 100;
    omp_set_num_threads(1);
    for (auto _ : state) {
        benchmark::DoNotOptimize(runToEnd(scenario));
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK_CAPTURE(BM_GaussianScaling, samples, GaussianSize::Samples)
    ->RangeMultiplier(4)->Range(100, 6400)->Complexity(benchmark::oN)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_GaussianScaling, generations, GaussianSize::Generations)
    ->RangeMultiplier(4)->Range(100, 6400)->Complexity(benchmark::oN)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_GaussianScaling, chains, GaussianSize::Chains)
    ->RangeMultiplier(4)->Range(100, 6400)->Complexity(benchmark::oN)->Unit(benchmark::kMillisecond);

// One EM fit of K components to N points of a 2-D standard normal, with the gmm-paper settings.
void BM_EmFit(benchmark::State& state)
{
    const auto count = static_cast<Eigen::Index>(state.range(0));
    const int components = static_cast<int>(state.range(1));
    RandomStream dataRandom(7, 0, 0, Purpose::OriginalData);
    Samples data(2, count);
    for (Eigen::Index i = 0; i < data.size(); ++i) {
        data.data()[i] = dataRandom.normal();
    }
    EmOptions options;
    options.components = components;
    options.tolerance = 1e-5;
    options.maxIterations = 2000;
    long iterations = 0;
    std::uint32_t fit = 0;
    for (auto _ : state) {
        RandomStream random(7, 0, fit++, Purpose::Fitting);
        EmReport report;
        benchmark::DoNotOptimize(fitGaussianMixture(data, options, random, &report));
        iterations += report.iterations;
    }
    state.counters["em_iterations"] = benchmark::Counter(static_cast<double>(iterations), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_EmFit)->ArgsProduct({{100, 1000, 10000}, {1, 2, 4, 8}})->Unit(benchmark::kMicrosecond);

// Generations per second of one chain on one thread, metrics included.
void BM_PresetChain(benchmark::State& state, const char* preset, int generations)
{
    Scenario scenario = presetScenario(preset);
    scenario.replicates = 1;
    scenario.generations = generations;
    omp_set_num_threads(1);
    for (auto _ : state) {
        benchmark::DoNotOptimize(runToEnd(scenario));
    }
    state.counters["generations_per_s"] =
        benchmark::Counter(static_cast<double>(generations), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK_CAPTURE(BM_PresetChain, gaussian_theorem, "gaussian-theorem", 500)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PresetChain, gmm_paper, "gmm-paper", 200)->Unit(benchmark::kMillisecond);
// The kde's metrics: k-NN precision and recall of 1000 points against 2000, and the test loss of 1000
// held-out points under 1000 kernels, each generation.
BENCHMARK_CAPTURE(BM_PresetChain, kde_swissroll, "kde-swissroll", 20)->Unit(benchmark::kMillisecond);

// The same ensemble on 1 and on 2 threads: the ratio of the two times is the OpenMP speed-up.
void BM_EnsembleThreads(benchmark::State& state, const char* preset, int generations, int replicates)
{
    Scenario scenario = presetScenario(preset);
    scenario.generations = generations;
    scenario.replicates = replicates;
    omp_set_num_threads(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        benchmark::DoNotOptimize(runToEnd(scenario));
    }
    state.counters["chain_generations_per_s"] = benchmark::Counter(
        static_cast<double>(generations) * replicates, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK_CAPTURE(BM_EnsembleThreads, gmm_paper, "gmm-paper", 50, 16)
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_EnsembleThreads, gaussian_theorem, "gaussian-theorem", 100, 1000)
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The phase-human-data sweep (its 42 cells, at 50 of its 501 generations so that one pass takes seconds,
// not a minute) on 1 and on 2 threads: cells per second, and the ratio of the two times is the speed-up
// of running cells one to a thread.
SweepPlan phaseHumanDataPlan(int generations)
{
    const Preset& preset = presetNamed("phase-human-data");
    Scenario base = presetScenario("phase-human-data");
    base.generations = generations;
    return makeSweepPlan(base, parseSweepAxes(preset.sweep->vary), {});
}

void BM_SweepThreads(benchmark::State& state)
{
    const SweepPlan plan = phaseHumanDataPlan(50);
    const std::vector<std::size_t> cells = shardCells(plan, {});
    omp_set_num_threads(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        runSweepCells(plan, cells, [](std::size_t, const std::string& rows) { benchmark::DoNotOptimize(rows.data()); }, nullptr);
    }
    state.counters["cells_per_s"] = benchmark::Counter(static_cast<double>(cells.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SweepThreads)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Time against the number of cells, all of one cost (a sweep over the seed), on 2 threads: the fitted
// slope is the time per cell, and the RMS of the fit shows it is linear.
void BM_SweepScaling(benchmark::State& state)
{
    Scenario base = presetScenario("gaussian-theorem");
    base.generations = 100;
    base.replicates = 100;
    const auto count = static_cast<int>(state.range(0));
    const SweepPlan plan = makeSweepPlan(base, {parseSweepAxis("seed=1:" + std::to_string(count) + ":" + std::to_string(count))}, {});
    const std::vector<std::size_t> cells = shardCells(plan, {});
    omp_set_num_threads(2);
    for (auto _ : state) {
        runSweepCells(plan, cells, [](std::size_t, const std::string& rows) { benchmark::DoNotOptimize(rows.data()); }, nullptr);
    }
    state.SetComplexityN(count);
}
BENCHMARK(BM_SweepScaling)->RangeMultiplier(2)->Range(4, 64)->Complexity(benchmark::oN)->Unit(benchmark::kMillisecond)->UseRealTime();

// Writing a sweep's cells into its folder, against their number: each write places one small file whole
// (through a private temporary folder), and clears what killed writers left once for the folder rather
// than at every cell, so the fitted slope is the time per cell and the fit is linear (a look through
// cells/ at every write made 16 000 cells take 55 s).
void BM_SweepCellWrites(benchmark::State& state)
{
    Scenario base = presetScenario("gaussian-theorem");
    base.generations = 10;
    const auto count = static_cast<int>(state.range(0));
    // 500 seeds (a range holds at most 1000 values) by count / 500 shares of human data.
    const SweepPlan plan = makeSweepPlan(
        base, {parseSweepAxis("seed=1:500:500"), parseSweepAxis("human_fraction=0:0.5:" + std::to_string(count / 500))}, {});
    const std::string rows = "1,0,9,0.1,0.2,0.3\n";
    for (auto _ : state) {
        state.PauseTiming();
        const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                             ("collapselab-cell-writes-" + std::to_string(::getpid()) + "-" + std::to_string(count));
        std::filesystem::remove_all(folder);
        const SweepFolder sweep = SweepFolder::prepare(folder, plan);
        state.ResumeTiming();
        for (std::size_t cell = 0; cell < plan.cellCount(); ++cell) {
            sweep.writeCell(cell, rows);
        }
        state.PauseTiming();
        std::filesystem::remove_all(folder);
        state.ResumeTiming();
    }
    state.SetComplexityN(count);
}
BENCHMARK(BM_SweepCellWrites)->Arg(1000)->Arg(4000)->Arg(16000)->Complexity(benchmark::oN)->Unit(benchmark::kMillisecond)->UseRealTime();

// One generation of text-jackrabbits (four chains of 1000 sequences of 64 words) on 2 threads, written by
// the preset's beam search or by sampling: the time the window waits for each generation.
void BM_TextGeneration(benchmark::State& state, Decoding decoding)
{
    Scenario scenario = presetScenario("text-jackrabbits");
    scenario.as<TextSettings>().decoding = decoding;
    scenario.generations = 1;
    omp_set_num_threads(2);
    for (auto _ : state) {
        benchmark::DoNotOptimize(runToEnd(scenario));
    }
}
BENCHMARK_CAPTURE(BM_TextGeneration, beam, Decoding::Beam)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_TextGeneration, sample, Decoding::Sample)->Unit(benchmark::kMillisecond)->UseRealTime();

// VAE training throughput (784-400-20, batch 128, Adam) on the threads OpenMP is given, in images per
// second. BM_EigenProductBound below gives the bound it is measured against.
void BM_VaeTraining(benchmark::State& state)
{
    constexpr Eigen::Index kImages = 5120;
    RandomStream random(1, 0, 0, Purpose::Initialisation);
    Eigen::MatrixXf images(784, kImages);
    for (Eigen::Index i = 0; i < images.size(); ++i) {
        images.data()[i] = static_cast<float>(random.uniform());
    }
    VaeParameters parameters({784, 400, 20});
    parameters.initialise(random);
    for (auto _ : state) {
        trainVae(parameters, images, {1, 128, 1e-3}, random);
    }
    state.counters["images_per_s"] =
        benchmark::Counter(static_cast<double>(kImages), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_VaeTraining)->Unit(benchmark::kMillisecond)->UseRealTime();

// The bound Eigen's float matrix product sets on this machine: the largest layer's product, 784x400 by
// 400x128, run on every thread OpenMP is given at once (each on matrices of its own, so the cores share
// memory bandwidth and clock as in training). The training step's arithmetic divided by that combined
// rate is the throughput no implementation of this network with Eigen could beat.
void BM_EigenProductBound(benchmark::State& state)
{
    const int threads = omp_get_max_threads();
    std::vector<Eigen::MatrixXf> weights(threads, Eigen::MatrixXf::Random(784, 400));
    std::vector<Eigen::MatrixXf> activations(threads, Eigen::MatrixXf::Random(400, 128));
    std::vector<Eigen::MatrixXf> results(threads, Eigen::MatrixXf(784, 128));
    for (auto _ : state) {
#pragma omp parallel num_threads(threads)
        {
            const int thread = omp_get_thread_num();
            results[thread].noalias() = weights[thread] * activations[thread];
            benchmark::DoNotOptimize(results[thread].data());
        }
    }
    // The training step's arithmetic per image: forward 2(784·400 + 2·400·20 + 20·400 + 400·784) flops,
    // backward twice that.
    constexpr double flopsPerImage = 3.0 * 2.0 * (784.0 * 400 + 2 * 400 * 20 + 20 * 400 + 400 * 784);
    constexpr double productFlops = 2.0 * 784 * 400 * 128;
    state.counters["threads"] = threads;
    state.counters["gflops"] =
        benchmark::Counter(threads * productFlops * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
    state.counters["images_per_s_bound"] =
        benchmark::Counter(threads * productFlops / flopsPerImage, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EigenProductBound)->Unit(benchmark::kMicrosecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
