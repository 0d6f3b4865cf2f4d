// Exporting an animation of gmm-paper (200 generations, 1080p) against simulating the run and drawing
// its frames: the encoders' share of the time. Both measure the whole path, simulation included, so
// their ratio is export / (simulate + render). Frames per second are reported as counters. Each
// iteration takes seconds; run with --benchmark_repetitions=5 for medians:
//   collapselab-ui-benchmarks --benchmark_filter='Simulate|mp4' --benchmark_repetitions=5

#include "core/scenario_sources.h"
#include "ui/animation_export.h"
#include "ui/figure_renderer.h"
#include "ui/run_history.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

using namespace collapse;
using namespace collapse::ui;

constexpr int kGenerations = 200;

Scenario gmmPaper()
{
    Scenario scenario = scenarioFromJson(presetNamed("gmm-paper").entries.front().object);
    scenario.generations = kGenerations;
    return scenario;
}

void BM_SimulateAndRenderFrames(benchmark::State& state)
{
    const QSize size(1920, 1080);
    for (auto _ : state) {
        RunHistory history;
        computeHistory(history, gmmPaper());
        FigureRenderer renderer({{QString(), &history}}, ExportView::Both);
        for (int generation = 0; generation < renderer.generationCount(); ++generation) {
            benchmark::DoNotOptimize(renderFrame(renderer, generation, size).constBits());
        }
    }
    state.counters["frames_per_s"] =
        benchmark::Counter(double(kGenerations) * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SimulateAndRenderFrames)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_ExportAnimation(benchmark::State& state, const char* suffix, QSize size)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("gmm-paper.") + QLatin1String(suffix));
    for (auto _ : state) {
        RunHistory history;
        computeHistory(history, gmmPaper());
        FigureRenderer renderer({{QString(), &history}}, ExportView::Both);
        AnimationOptions options;
        options.size = size;
        if (!writeAnimation(renderer, path, options)) {
            state.SkipWithError("the export was cancelled");
            return;
        }
    }
    state.counters["frames_per_s"] =
        benchmark::Counter(double(kGenerations) * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_ExportAnimation, mp4_1080p, "mp4", QSize(1920, 1080))
    ->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK_CAPTURE(BM_ExportAnimation, webm_1080p, "webm", QSize(1920, 1080))
    ->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK_CAPTURE(BM_ExportAnimation, gif_720p, "gif", QSize(1280, 720))
    ->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace
