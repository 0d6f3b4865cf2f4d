// The sweep window as a lecturer or researcher uses it: a sweep fills the phase diagram cell by cell with
// the command line's numbers, cancels and restarts, refuses a bad form by name, opens a clicked cell as a
// run in the main window, saves and opens sweep files, and opens the sweep presets.

#include "core/model_registry.h"
#include "core/models/gaussian/gaussian_settings.h"
#include "core/sweep_folder.h"
#include "tests/common/quick_scenarios.h"
#include "tests/common/window_fixture.h"
#include "ui/main_window.h"
#include "ui/sweep_window.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace collapse;
using namespace collapse::ui;
using collapse::testing::WindowFixture;

namespace {

constexpr int kSweepTimeoutMs = 120000;

Scenario quickGaussian()
{
    return collapse::testing::smallGaussian(15, 20, defaultScenario<GaussianSettings>().samples);
}

SweepPlan quickPlan()
{
    return makeSweepPlan(quickGaussian(), {parseSweepAxis("samples=10:1000:3:log"), parseSweepAxis("human_fraction=0,0.2")}, {});
}

} // namespace

class SweepWindowTest : public QObject {
    Q_OBJECT

private slots:
    void diagramFillsWithTheCommandLinesNumbers();
    void cancelThenRunAgain();
    void badFormIsNamedAndNothingRuns();
    void clickedCellOpensAsARun();
    void sweepFilesSaveAndOpen();
    void sweepPresetsOpenInTheSweepWindow();
};

void SweepWindowTest::diagramFillsWithTheCommandLinesNumbers()
{
    SweepWindow window;
    window.resize(1024, 700);
    window.show();
    QSignalSpy completed(&window, &SweepWindow::sweepCompleted);
    const SweepPlan plan = quickPlan();
    window.showSweep(plan, "std_median", 0.5);
    QVERIFY(window.isRunning());
    QVERIFY(completed.wait(kSweepTimeoutMs));
    QCOMPARE(window.finishedCells(), plan.cellCount());
    QVERIFY(!window.isRunning());
    const SweepGrid& grid = window.diagram()->grid();
    QCOMPARE(grid.column, std::string("std_median"));
    std::vector<std::string> rows;
    for (std::size_t cell = 0; cell < plan.cellCount(); ++cell) {
        rows.push_back(*runSweepCell(plan, cell, nullptr));
    }
    const SweepGrid expected = sweepGrid(plan, rows, "std_median", -1);
    QCOMPARE(grid.values.rows(), 3);
    QCOMPARE(grid.values.cols(), 2);
    for (Eigen::Index i = 0; i < 3; ++i) {
        for (Eigen::Index j = 0; j < 2; ++j) {
            QCOMPARE(grid.values(i, j), expected.values(i, j));
        }
    }
    // Another statistic redraws from what was computed, without running again.
    auto* statistic = window.findChild<QComboBox*>("statistic");
    statistic->setCurrentIndex(statistic->findData("_mean"));
    emit statistic->activated(statistic->currentIndex());
    QCOMPARE(window.diagram()->grid().column, std::string("std_mean"));
    QVERIFY(!window.isRunning());
}

void SweepWindowTest::cancelThenRunAgain()
{
    SweepWindow window;
    Scenario slow = quickGaussian();
    slow.generations = 400;
    slow.replicates = 200;
    const SweepPlan plan = makeSweepPlan(slow, {parseSweepAxis("samples=100:5000:8")}, {});
    window.showSweep(plan, "std", std::nullopt);
    QVERIFY(window.isRunning());
    window.cancelSweep();
    QVERIFY(!window.isRunning());
    QVERIFY(window.finishedCells() < plan.cellCount());

    QSignalSpy completed(&window, &SweepWindow::sweepCompleted);
    window.showSweep(quickPlan(), "std", std::nullopt);
    QVERIFY(completed.wait(kSweepTimeoutMs));
    QCOMPARE(completed.count(), 1);
    QCOMPARE(window.finishedCells(), std::size_t{6});
}

void SweepWindowTest::badFormIsNamedAndNothingRuns()
{
    SweepWindow window;
    window.useScenario(quickGaussian());
    auto* values = window.findChild<QLineEdit*>("acrossValues");
    values->setText("10:lots:3");
    QVERIFY(!window.runSweep());
    QVERIFY(!window.isRunning());
    QVERIFY2(window.problem().contains("LO and HI must be numbers"), qPrintable(window.problem()));
    values->setText("1,10");
    QVERIFY(!window.runSweep());
    QVERIFY2(window.problem().contains("\"samples\" must be an integer from 2"), qPrintable(window.problem()));
    QVERIFY(!window.plan() || window.finishedCells() == 0);
}

void SweepWindowTest::clickedCellOpensAsARun()
{
    WindowFixture main(quickGaussian(), QSize());
    SweepWindow* sweeps = main.window.openSweepWindow();
    sweeps->resize(1024, 700);
    QSignalSpy completed(sweeps, &SweepWindow::sweepCompleted);
    const SweepPlan plan = quickPlan();
    sweeps->showSweep(plan, "std", 0.5);
    QVERIFY(completed.wait(kSweepTimeoutMs));

    // The top right cell: samples 1000, human_fraction 0.2.
    PhaseDiagramView* view = sweeps->view();
    QPoint target;
    for (int x = view->width() - 1; x > 0 && target.isNull(); x -= 4) {
        for (int y = 0; y < view->height(); y += 4) {
            const auto cell = sweeps->diagram()->cellAt(QPointF(x, y), QRectF(view->rect()));
            if (cell && *cell == 5) {
                target = QPoint(x - 10, y + 10);
                break;
            }
        }
    }
    QVERIFY(!target.isNull());
    QTest::mouseClick(view, Qt::LeftButton, {}, target);
    QCOMPARE(main.session.scenario().samples, 1000);
    QCOMPARE(main.session.scenario().humanFraction, 0.2);
    QCOMPARE(main.session.scenario().generations, 15);
}

void SweepWindowTest::sweepFilesSaveAndOpen()
{
    QTemporaryDir dir;
    SweepWindow window;
    QSignalSpy completed(&window, &SweepWindow::sweepCompleted);
    window.showSweep(quickPlan(), "std", std::nullopt);
    QString error;
    QVERIFY(!window.exportData(dir.filePath("early.csv"), &error));
    QVERIFY2(error.contains("the sweep has not finished"), qPrintable(error));
    QVERIFY(completed.wait(kSweepTimeoutMs));
    QVERIFY2(window.saveSweepFile(dir.filePath("sweep.json"), &error), qPrintable(error));
    QVERIFY2(window.exportData(dir.filePath("sweep.csv"), &error), qPrintable(error));
    QVERIFY2(window.exportFigure(dir.filePath("phase.svg"), &error), qPrintable(error));
    QVERIFY(QFile(dir.filePath("phase.svg")).size() > 1000);

    // The saved pair is a sweep folder: it opens with its results, without running.
    SweepWindow reopened;
    QVERIFY2(reopened.openSweepFile(dir.filePath("sweep.json"), &error), qPrintable(error));
    QVERIFY(!reopened.isRunning());
    QCOMPARE(reopened.finishedCells(), std::size_t{6});
    QVERIFY(*reopened.plan() == quickPlan());

    // A damaged file changes nothing.
    QFile damaged(dir.filePath("damaged.json"));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{\"sweep\": {\"vary\": 3}");
    damaged.close();
    QVERIFY(!reopened.openSweepFile(dir.filePath("damaged.json"), &error));
    QVERIFY2(error.contains("damaged.json: not valid JSON"), qPrintable(error));
    QCOMPARE(reopened.finishedCells(), std::size_t{6});
}

void SweepWindowTest::sweepPresetsOpenInTheSweepWindow()
{
    WindowFixture main(quickGaussian(), QSize());
    for (const auto& [name, secondKey] : {std::pair{"phase-augment", "synthetic_ratio"},
                                          std::pair{"phase-human-data", "human_fraction"},
                                          std::pair{"phase-cats", "human_fraction"}}) {
        main.window.openPreset(name);
        SweepWindow* sweeps = main.window.sweepWindow();
        QVERIFY(sweeps != nullptr);
        QVERIFY(sweeps->isRunning());
        QCOMPARE(sweeps->plan()->axes.size(), std::size_t{2});
        QCOMPARE(sweeps->plan()->axes[0].key, std::string("samples"));
        QCOMPARE(sweeps->plan()->axes[1].key, std::string(secondKey));
        sweeps->cancelSweep();
    }
    QCOMPARE(main.window.sweepWindow()->plan()->base.model().name, std::string_view("cats"));
    QCOMPARE(main.window.sweepWindow()->plan()->at, std::vector<int>{100});
}

QTEST_MAIN(SweepWindowTest)
#include "test_sweep_window.moc"
