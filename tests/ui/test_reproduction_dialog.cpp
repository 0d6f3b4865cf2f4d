// Help ▸ Reproduce the Paper… as a lecturer meets it: the dialog runs the plan with a moving progress bar,
// writes the report and says where; Cancel stops it and writes nothing; a run that cannot start is named.
// The plan is the quick scale made smaller still, so that the test takes seconds.

#include "core/models/diffusion/diffusion_settings.h"
#include "core/models/vae/vae_settings.h"
#include "core/reproduction.h"
#include "tests/common/window_fixture.h"
#include "ui/main_window.h"
#include "ui/reproduction_dialog.h"
#include "ui/window_menus.h"

#include <QAction>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace collapse;
using namespace collapse::ui;
using collapse::testing::WindowFixture;

namespace {

constexpr int kTimeoutMs = 240000;

// Every experiment of the quick scale but the neural one, a few generations of small samples each. A
// generation of the transformer takes twenty seconds under the sanitizers; its code meets them in
// test_neural_text and its rows of the report are checked in test_cli_reproduce.
ReproductionPlan tinyPlan()
{
    ReproductionPlan plan = reproductionPlan(ReproductionScale::Quick);
    std::erase_if(plan.experiments, [](const ReproductionExperiment& experiment) { return experiment.id == "text-neural"; });
    for (auto& experiment : plan.experiments) {
        for (auto& run : experiment.runs) {
            Scenario& scenario = run.scenario;
            scenario.generations = 3;
            scenario.replicates = std::min(scenario.replicates, 4);
            scenario.samples = std::min(scenario.samples, 200);
            if (scenario.holds<VaeSettings>()) {
                scenario.as<VaeSettings>().epochs = 1;
            }
            if (scenario.holds<DiffusionSettings>()) {
                scenario.as<DiffusionSettings>().epochs = 1;
                scenario.capacity = 16;
            }
        }
    }
    return plan;
}

// Clicks the dialog's one button (Cancel while running, Close after).
void clickButton(ReproductionDialog& dialog)
{
    const auto buttons = dialog.findChildren<QPushButton*>();
    QCOMPARE(buttons.size(), 1);
    buttons.front()->click();
}

} // namespace

class ReproductionDialogTest : public QObject {
    Q_OBJECT

private slots:
    void runsAndWritesTheReport();
    void cancelWritesNothing();
    void aRunThatCannotStartIsNamed();
    void helpMenuOffersIt();
};

void ReproductionDialogTest::runsAndWritesTheReport()
{
    QTemporaryDir dir;
    const std::filesystem::path folder = dir.filePath("report").toStdString();
    ReproductionDialog dialog(tinyPlan(), folder);
    QSignalSpy written(&dialog, &ReproductionDialog::reportWritten);
    dialog.show();
    dialog.start();
    QVERIFY(dialog.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith("Run "), kTimeoutMs);
    // What the dialog looks like, running and done, beside the test program.
    dialog.grab().save("reproduction-dialog-running.png");
    QVERIFY(written.wait(kTimeoutMs));
    dialog.grab().save("reproduction-dialog-done.png");
    QVERIFY(!dialog.isRunning());
    QCOMPARE(written.front().front().toString(), QString::fromStdString((folder / "report.pdf").string()));
    QCOMPARE(dialog.progressPercent(), 100);
    QVERIFY2(dialog.statusText().contains("report.pdf"), qPrintable(dialog.statusText()));
    for (const char* file : {"report.pdf", "report.md", "figures/gmm.png", "scenarios/gmm.json", "data/gmm/metrics.csv",
                             "data/text-10-percent-real/summary.csv"}) {
        QVERIFY2(QFile::exists(QString::fromStdString((folder / file).string())), file);
    }
    QFile report(QString::fromStdString((folder / "report.md").string()));
    QVERIFY(report.open(QIODevice::ReadOnly));
    QVERIFY(report.readAll().contains(QByteArray::number(tinyPlan().runCount()) + " runs in"));
}

void ReproductionDialogTest::cancelWritesNothing()
{
    QTemporaryDir dir;
    const std::filesystem::path folder = dir.filePath("report").toStdString();
    ReproductionPlan plan = tinyPlan();
    // The first run takes minutes whatever its model, so that it is caught in the middle: a fast model at
    // 100 000 generations of a few hundred samples can end between two looks at the status.
    Scenario& first = plan.experiments.front().runs.front().scenario;
    first.generations = 100000;
    first.samples = 100000;
    ReproductionDialog dialog(plan, folder);
    QSignalSpy written(&dialog, &ReproductionDialog::reportWritten);
    dialog.show();
    dialog.start();
    const QRegularExpression inTheFirstRun(QStringLiteral("^Run 1 of %1, .*: generation (\\d+) of").arg(plan.runCount()));
    const auto generationOfTheFirstRun = [&] {
        const QRegularExpressionMatch match = inTheFirstRun.match(dialog.statusText());
        return match.hasMatch() ? match.captured(1).toInt() : 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(generationOfTheFirstRun() >= 2, kTimeoutMs);
    clickButton(dialog);
    QVERIFY(!dialog.isRunning());
    QVERIFY(dialog.statusText().startsWith("Cancelled"));
    QCOMPARE(dialog.progressPercent(), 0);
    // Nothing arrives late, nothing is written.
    QTest::qWait(300);
    QCOMPARE(written.size(), 0);
    QVERIFY(!std::filesystem::exists(folder));
    // Close now closes.
    clickButton(dialog);
    QVERIFY(!dialog.isVisible());
}

void ReproductionDialogTest::aRunThatCannotStartIsNamed()
{
    QTemporaryDir dir;
    const std::filesystem::path folder = dir.filePath("report").toStdString();
    ReproductionPlan plan = tinyPlan();
    for (auto& experiment : plan.experiments) {
        for (auto& run : experiment.runs) {
            if (run.scenario.holds<VaeSettings>()) {
                run.scenario.as<VaeSettings>().dataset = dir.filePath("missing-images-idx3-ubyte.gz").toStdString();
            }
        }
    }
    ReproductionDialog dialog(plan, folder);
    QSignalSpy written(&dialog, &ReproductionDialog::reportWritten);
    dialog.show();
    dialog.start();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), kTimeoutMs);
    QVERIFY2(dialog.statusText().startsWith("Nothing was written") && dialog.statusText().contains("missing-images"),
             qPrintable(dialog.statusText()));
    QCOMPARE(written.size(), 0);
    QVERIFY(!std::filesystem::exists(folder));
}

void ReproductionDialogTest::helpMenuOffersIt()
{
    Scenario small = defaultScenario("gaussian");
    small.generations = 5;
    small.replicates = 5;
    WindowFixture window(small);
    QAction* found = nullptr;
    for (QAction* menu : window.window.menuBar()->actions()) {
        for (QAction* action : menu->menu()->actions()) {
            if (action->text() == WindowMenus::tr("&Reproduce the Paper…")) {
                found = action;
            }
        }
    }
    QVERIFY(found != nullptr);
    // A folder that cannot be written is refused before anything runs.
    QTemporaryDir dir;
    QFile file(dir.filePath("a-file"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QTimer::singleShot(0, [] {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            if (widget->inherits("QMessageBox")) {
                widget->close();
            }
        }
    });
    QCOMPARE(ReproductionDialog::reproduceQuickly(&window.window, file.fileName()), nullptr);
}

QTEST_MAIN(ReproductionDialogTest)
#include "test_reproduction_dialog.moc"
