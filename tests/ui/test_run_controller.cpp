// The runs behind the window, tested without a window: restarts after a pause, results of cancelled runs
// and removed sides dropped, completion told once every side is done.

#include "core/models/gaussian/gaussian_settings.h"
#include "core/models/gmm/gmm_settings.h"
#include "tests/common/quick_scenarios.h"
#include "ui/run_controller.h"
#include "ui/simulation_worker.h"

#include <QSignalSpy>
#include <QTest>

using namespace collapse;
using namespace collapse::ui;

namespace {

constexpr int kRunTimeoutMs = 60000;

Scenario quickGaussian(int samples = 50)
{
    return collapse::testing::smallGaussian(30, 20, samples);
}

// Every generation in the history belongs to one run: numbered 0, 1, 2, ... with that run's replicates.
bool historyIsOneRun(const RunHistory& history)
{
    for (int g = 0; g < history.size(); ++g) {
        if (history.at(g)->generation != g || history.at(g)->metrics.rows() != history.scenario().replicates) {
            return false;
        }
    }
    return true;
}

} // namespace

class RunControllerTest : public QObject {
    Q_OBJECT

private slots:
    void runsEverySideToTheEnd();
    void editsRestartOnceAfterAPause();
    void cancelledResultsAreDropped();
    void aRemovedSideSaysNothingMore();
    void aRunBeyondMemoryIsNotStarted();
};

void RunControllerTest::runsEverySideToTheEnd()
{
    RunController runs;
    QSignalSpy completed(&runs, &RunController::completed);
    Scenario accumulate = quickGaussian();
    accumulate.policy = Policy::Accumulate;
    runs.setSides({{"replace", quickGaussian()}, {"accumulate", accumulate}});
    QVERIFY(completed.wait(kRunTimeoutMs));
    QCOMPARE(completed.count(), 1);
    QVERIFY(runs.isComplete());
    QCOMPARE(runs.sideCount(), 2);
    QCOMPARE(runs.availableGenerations(), 30);
    QCOMPARE(runs.side(1).label, QString("accumulate"));
    QCOMPARE(runs.side(1).history.scenario().policy, Policy::Accumulate);
    QVERIFY(historyIsOneRun(runs.side(0).history));
}

void RunControllerTest::editsRestartOnceAfterAPause()
{
    RunController runs;
    runs.setSides({{"", quickGaussian()}});
    QSignalSpy restarted(&runs, &RunController::restarted);
    // Three edits in a burst (no event loop between them, so the test cannot be outpaced by a busy
    // machine): nothing restarts until the pause after the last.
    for (const int samples : {60, 70, 80}) {
        runs.changeScenarios({{"", quickGaussian(samples)}});
    }
    QCOMPARE(restarted.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(restarted.count(), 1, 5000);
    QTest::qWait(2 * RunController::kRestartDelayMs);
    QCOMPARE(restarted.count(), 1);
    QCOMPARE(runs.side(0).history.scenario().samples, 80);
}

void RunControllerTest::cancelledResultsAreDropped()
{
    RunController runs;
    Scenario slow = quickGaussian();
    slow.generations = 20000;
    slow.replicates = 2000;
    runs.setSides({{"", slow}});
    QTRY_VERIFY_WITH_TIMEOUT(runs.availableGenerations() >= 3, kRunTimeoutMs);
    QSignalSpy completed(&runs, &RunController::completed);
    Scenario quick = defaultScenario<GmmSettings>();
    quick.generations = 12;
    quick.samples = 200;
    runs.setSides({{"", quick}});
    QVERIFY(completed.wait(kRunTimeoutMs));
    QCOMPARE(runs.side(0).history.scenario(), quick);
    QCOMPARE(runs.availableGenerations(), 12);
    QVERIFY(historyIsOneRun(runs.side(0).history));
}

void RunControllerTest::aRemovedSideSaysNothingMore()
{
    RunController runs;
    Scenario slow = quickGaussian();
    slow.generations = 20000;
    slow.replicates = 2000;
    runs.setSides({{"a", slow}, {"b", slow}});
    QTRY_VERIFY_WITH_TIMEOUT(runs.availableGenerations() >= 2, kRunTimeoutMs);
    QSignalSpy arrived(&runs, &RunController::generationArrived);
    QSignalSpy completed(&runs, &RunController::completed);
    runs.setSides({{"", quickGaussian()}});
    QVERIFY(completed.wait(kRunTimeoutMs));
    QCOMPARE(runs.sideCount(), 1);
    for (const QList<QVariant>& signal : arrived) {
        QCOMPARE(signal.at(0).toInt(), 0);
    }
    QCOMPARE(runs.availableGenerations(), 30);
    // The removed side's thread was not waited for; it ends at its next look at the cancel flag and is
    // deleted then, leaving no thread behind.
    QTRY_COMPARE_WITH_TIMEOUT(runs.findChildren<SimulationWorker*>().size(), qsizetype(1), kRunTimeoutMs);
}

void RunControllerTest::aRunBeyondMemoryIsNotStarted()
{
    RunController runs;
    QSignalSpy failed(&runs, &RunController::failed);
    Scenario huge = quickGaussian();
    huge.samples = 10'000'000;
    huge.replicates = 100'000;
    runs.setSides({{"", huge}});
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kRunTimeoutMs);
    const QString message = failed.front().front().toString();
    QVERIFY2(message.contains("this run would need about") && message.contains(R"("samples" (10000000) or "replicates" (100000))"),
             qPrintable(message));
    QVERIFY(runs.isComplete());
    QCOMPARE(runs.availableGenerations(), 0);
    // Its values are kept: the scenario is the one asked for.
    QCOMPARE(runs.side(0).scenario.samples, 10'000'000);
}

QTEST_GUILESS_MAIN(RunControllerTest)
#include "test_run_controller.moc"
