// The window's speed on the default scenario (gaussian-theorem), offscreen:
// - time from constructing the window to the first generation on stage;
// - frames drawn per second while playing (at normal speed, 15 generations a second, and at fast, 60)
//   while the run is still computing, and the longest the UI thread was unresponsive, found with a probe
//   timer that asks to fire every 5 ms and records how late it was;
// - the rendering ceiling: frames per second when generations are shown back to back, unthrottled.

#include "core/scenario_sources.h"
#include "ui/chart_panel.h"
#include "ui/main_window.h"
#include "ui/session.h"
#include "ui/metric_chart.h"
#include "ui/transport_bar.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <benchmark/benchmark.h>

#include <algorithm>

namespace {

using namespace collapse;
using namespace collapse::ui;

Scenario defaultScenario()
{
    return scenarioFromJson(presetNamed("gaussian-theorem").entries.front().object);
}

void BM_TimeToFirstFrame(benchmark::State& state)
{
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        Session session;
        MainWindow window(session);
        session.open(defaultScenario());
        window.resize(1920, 1080);
        window.show();
        bool shown = false;
        QObject::connect(&window, &MainWindow::frameShown, &window, [&] { shown = true; });
        if (!QTest::qWaitFor([&] { return shown; }, 10000)) {
            state.SkipWithError("no frame within 10 s");
            return;
        }
        QApplication::processEvents();  // the paint of that frame
        state.SetIterationTime(static_cast<double>(clock.nsecsElapsed()) * 1e-9);
    }
}
BENCHMARK(BM_TimeToFirstFrame)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(5);

// The default scenario run for ten times its generations, each fitted to ten times its samples, so
// that the worker is still computing all through the measurement (the preset itself finishes in a
// fraction of a second) while every generation costs the window what the preset's do: a snapshot
// carries the fitted models and metrics, whose size does not depend on the sample size.
Scenario busyScenario()
{
    Scenario scenario = defaultScenario();
    scenario.generations *= 10;
    scenario.samples *= 10;
    return scenario;
}

void BM_PlaybackWhileComputing(benchmark::State& state)
{
    constexpr int kProbeMs = 5;
    for (auto _ : state) {
        Session session;
        MainWindow window(session);
        session.open(busyScenario());
        window.resize(1920, 1080);
        window.show();
        window.findChild<TransportBar*>()->setSpeed(static_cast<TransportBar::Speed>(state.range(0)));
        int frames = 0;
        QObject::connect(&window, &MainWindow::frameShown, &window, [&] { ++frames; });
        QElapsedTimer probeClock;
        qint64 longestGap = 0;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        QObject::connect(&probe, &QTimer::timeout, &window, [&] {
            longestGap = std::max(longestGap, probeClock.restart());
        });
        if (!QTest::qWaitFor([&] { return frames > 0; }, 10000)) {
            state.SkipWithError("no frame within 10 s");
            return;
        }
        probeClock.start();
        probe.start(kProbeMs);
        QElapsedTimer clock;
        clock.start();
        const int framesBefore = frames;
        QTest::qWait(3000);
        const double seconds = static_cast<double>(clock.nsecsElapsed()) * 1e-9;
        state.SetIterationTime(seconds);
        state.counters["frames_per_s"] = (frames - framesBefore) / seconds;
        state.counters["longest_ui_stall_ms"] = static_cast<double>(longestGap - kProbeMs);
        state.counters["run_still_computing"] = session.runs().isComplete() ? 0.0 : 1.0;
    }
}
BENCHMARK(BM_PlaybackWhileComputing)
    ->ArgName("speed")
    ->Arg(static_cast<int>(TransportBar::Speed::Normal))
    ->Arg(static_cast<int>(TransportBar::Speed::Fast))
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(5);

// Opens the window at 1920x1080 on the default scenario and waits for the whole run; false (and the
// benchmark marked failed) when it does not finish within a minute.
bool openFinishedWindow(Session& session, MainWindow& window, benchmark::State& state)
{
    session.open(defaultScenario());
    window.resize(1920, 1080);
    window.show();
    if (!QTest::qWaitFor([&] { return session.runs().isComplete(); }, 60000)) {
        state.SkipWithError("the run did not finish within 60 s");
        return false;
    }
    return true;
}

void BM_RenderCeiling(benchmark::State& state)
{
    Session session;
    MainWindow window(session);
    if (!openFinishedWindow(session, window, state)) {
        return;
    }
    window.goToGeneration(0);
    for (auto _ : state) {
        // As playback does: the next generation on stage, the chart markers moved, all painted.
        window.findChild<TransportBar*>()->stepForwardButton()->click();
        if (session.playback().shown() == session.history().size() - 1) {
            window.findChild<TransportBar*>()->resetButton()->click();
        }
        window.repaint();
    }
    state.counters["frames_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RenderCeiling)->Unit(benchmark::kMillisecond);

// Redrawing one metric chart after new data arrived (median and band over all generations).
void BM_ChartRefresh(benchmark::State& state)
{
    Session session;
    MainWindow window(session);
    if (!openFinishedWindow(session, window, state)) {
        return;
    }
    MetricChart* chart = window.findChild<ChartPanel*>()->charts().front();
    for (auto _ : state) {
        chart->updateData(session.history());
        chart->repaint();
    }
}
BENCHMARK(BM_ChartRefresh)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
