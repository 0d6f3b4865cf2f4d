// The window in a lecture: every preset loads (comparisons side by side, with their title and two
// sentences); scenario files round-trip exactly and bad ones are refused with their message while the
// window keeps its state; compare mode runs both sides on one clock; every shortcut triggers its
// action; undo and redo restore parameters; presenter mode and the themes switch cleanly.

#include "core/models/gaussian/gaussian_model.h"
#include "core/scenario_sources.h"
#include "tests/common/files.h"
#include "ui/main_window.h"
#include "ui/metric_chart.h"
#include "ui/parameter_change.h"
#include "ui/parameter_panel.h"
#include "ui/sweep_window.h"
#include "ui/transport_bar.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace collapse;
using namespace collapse::ui;
using collapse::testing::fileContents;

namespace {

constexpr int kRunTimeoutMs = 120000;

Scenario quickGaussian(Policy policy = Policy::Replace)
{
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.generations = 30;
    scenario.replicates = 30;
    scenario.samples = 40;
    scenario.policy = policy;
    return scenario;
}

std::unique_ptr<MainWindow> openWindow(const Scenario& scenario)
{
    auto window = std::make_unique<MainWindow>(scenario);
    window->resize(1600, 900);
    window->show();
    return window;
}

void writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
}

} // namespace

class LectureHallTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyPresetLoads()
    {
        auto window = openWindow(quickGaussian());
        for (const Preset& preset : builtinPresets()) {
            window->loadPreset(preset.name);
            if (preset.sweep) {
                // A sweep preset opens the sweep window, running its grid (tests/ui/test_sweep_window.cpp).
                QVERIFY(window->sweepWindow() != nullptr && window->sweepWindow()->isVisible());
                QVERIFY(window->sweepWindow()->isRunning());
                window->sweepWindow()->cancelSweep();
                continue;
            }
            QCOMPARE(window->sideCount(), static_cast<int>(preset.entries.size()));
            for (int side = 0; side < window->sideCount(); ++side) {
                QCOMPARE(window->scenario(side), scenarioFromJson(preset.entries[side].object));
                QCOMPARE(window->sideLabel(side).toStdString(), preset.entries[side].label);
            }
            QVERIFY(window->presetNote()->isVisible());
            QVERIFY(window->presetNote()->text().contains(QString::fromStdString(preset.title).toHtmlEscaped()));
            QCOMPARE(window->parameterPanel()->scenario(), window->scenario());
            if (!window->scenario().holds<VaeSettings>()) {
                QTRY_VERIFY_WITH_TIMEOUT(window->shownGeneration() >= 0, kRunTimeoutMs);
            }
        }
        // A parameter change makes the scenario the user's own: the preset's note goes.
        window->loadPreset("gmm-paper");
        window->parameterPanel()->capacitySlider()->setValue(3);
        QVERIFY(!window->presetNote()->isVisible());
    }

    void scenarioFilesRoundTripExactly()
    {
        QTemporaryDir folder;
        Scenario edited = quickGaussian();
        edited.samples = 77;
        edited.humanFraction = 0.25;
        edited.seed = 123456789012345ULL;
        auto window = openWindow(edited);
        const QString first = folder.filePath("first.json");
        QVERIFY(window->saveScenarioFile(first));
        window->loadPreset("cats");
        QVERIFY(window->openScenarioFile(first));
        QCOMPARE(window->sideCount(), 1);
        QCOMPARE(window->scenario(), edited);
        QCOMPARE(window->parameterPanel()->scenario(), edited);
        const QString second = folder.filePath("second.json");
        QVERIFY(window->saveScenarioFile(second));
        QCOMPARE(fileContents(second), fileContents(first));

        // A comparison is saved as one and opens side by side again.
        window->loadPreset("human-data-10");
        const QString comparison = folder.filePath("comparison.json");
        QVERIFY(window->saveScenarioFile(comparison));
        window->loadScenario(quickGaussian());
        QVERIFY(window->openScenarioFile(comparison));
        QCOMPARE(window->sideCount(), 2);
        QCOMPARE(window->sideLabel(1), QStringLiteral("human-10"));
        QCOMPARE(window->scenario(1).humanFraction, 0.1);
        const QString again = folder.filePath("again.json");
        QVERIFY(window->saveScenarioFile(again));
        QCOMPARE(fileContents(again), fileContents(comparison));
    }

    void badScenarioFilesKeepTheState_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QByteArray() << "no such file";
        QTest::newRow("not JSON") << QByteArray("{\"model\": ") << "not valid JSON";
        QTest::newRow("unknown key") << QByteArray(R"({"model": "gmm", "colour": 1})") << "unknown key \"colour\"";
        QTest::newRow("wrong type") << QByteArray(R"({"samples": "many"})") << "\"samples\" must be an integer";
        QTest::newRow("out of range") << QByteArray(R"({"human_fraction": 2})") << "\"human_fraction\" must be a number in [0, 1]";
        // A valid scenario whose text file cannot be read (the test writes CORPUS as a binary file).
        QTest::newRow("unreadable corpus") << QByteArray(R"({"model": "text", "dataset": "CORPUS"})") << "is a binary file, not text";
    }

    void badScenarioFilesKeepTheState()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, message);
        QTemporaryDir folder;
        const QString path = folder.filePath("scenario.json");
        if (!contents.isNull()) {
            const QString corpus = folder.filePath("corpus.txt");
            writeFile(corpus, QByteArray("words\0", 6));
            writeFile(path, QByteArray(contents).replace("CORPUS", corpus.toUtf8()));
        }
        const Scenario kept = quickGaussian(Policy::Accumulate);
        auto window = openWindow(kept);
        QString error;
        QVERIFY(!window->openScenarioFile(path, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(window->sideCount(), 1);
        QCOMPARE(window->scenario(), kept);
        QCOMPARE(window->parameterPanel()->scenario(), kept);
        QVERIFY(!window->saveScenarioFile(folder.filePath("no/such/folder/scenario.json"), &error));
        QVERIFY2(error.contains("no/such/folder"), qPrintable(error));
    }

    void compareModeRunsBothSidesOnOneClock()
    {
        auto window = openWindow(quickGaussian());
        window->loadScenarios({{"replace", quickGaussian(Policy::Replace)}, {"accumulate", quickGaussian(Policy::Accumulate)}});
        QCOMPARE(window->sideCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(window->isRunComplete(), kRunTimeoutMs);
        QCOMPARE(window->history(0).size(), 30);
        QCOMPARE(window->history(1).size(), 30);
        window->goToGeneration(20);
        QCOMPARE(window->stage(0)->shownGeneration(), 20);
        QCOMPARE(window->stage(1)->shownGeneration(), 20);
        QVERIFY(window->narration()->text().contains("replace") && window->narration()->text().contains("accumulate"));
        // The sides differ: accumulating keeps the spread, replacing loses it.
        const auto spread = [&](int side) { return window->history(side).band(gaussian_metrics::standardDeviation).median[29]; };
        QVERIFY2(spread(1) > spread(0), qPrintable(QString("%1 vs %2").arg(spread(1)).arg(spread(0))));

        // A slider moves both sides; each keeps its own policy.
        window->parameterPanel()->sampleSizeSlider()->setValue(ParameterPanel::sliderPositionForSamples(200));
        QCOMPARE(window->scenario(0).samples, 200);
        QCOMPARE(window->scenario(1).samples, 200);
        QCOMPARE(window->scenario(1).policy, Policy::Accumulate);
        QTRY_VERIFY_WITH_TIMEOUT(window->history(1).scenario().samples == 200, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window->isRunComplete(), kRunTimeoutMs);

        QTemporaryDir folder;
        window->saveRunData(folder.path());
        QVERIFY(QFile::exists(folder.filePath("replace/metrics.csv")));
        QVERIFY(QFile::exists(folder.filePath("accumulate/summary.csv")));

        // Closing a side is a step on the undo stack; undo brings it back with its label.
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+Shift+C")));
        QCOMPARE(window->sideCount(), 1);
        window->undoStack()->undo();
        QCOMPARE(window->sideCount(), 2);
        QCOMPARE(window->sideLabel(0), QStringLiteral("replace"));
        QCOMPARE(window->sideLabel(1), QStringLiteral("accumulate"));
        QCOMPARE(window->scenario(1).policy, Policy::Accumulate);
    }

    void undoRestoresParameters()
    {
        const Scenario initial = quickGaussian();
        auto window = openWindow(initial);
        QSlider* human = window->parameterPanel()->humanFractionSlider();
        human->setValue(20);
        human->setValue(30);  // the same drag: one step
        QCOMPARE(window->scenario().humanFraction, 0.3);
        QCOMPARE(window->undoStack()->count(), 1);
        QTest::qWait(ParameterChange::kMergeMs + 100);
        window->parameterPanel()->sampleSizeSlider()->setValue(ParameterPanel::sliderPositionForSamples(500));
        QCOMPARE(window->undoStack()->count(), 2);

        window->undoStack()->undo();
        QCOMPARE(window->scenario().samples, initial.samples);
        QCOMPARE(window->scenario().humanFraction, 0.3);
        window->undoStack()->undo();
        QCOMPARE(window->scenario(), initial);
        QCOMPARE(window->parameterPanel()->scenario(), initial);
        QCOMPARE(human->value(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(window->history().scenario() == initial, 5000);
        window->undoStack()->redo();
        QCOMPARE(window->scenario().humanFraction, 0.3);
        QCOMPARE(human->value(), 30);
    }

    void everyShortcutTriggersItsAction()
    {
        auto window = openWindow(quickGaussian());
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(window->isRunComplete(), kRunTimeoutMs);
        // Something to undo, so that Undo and then Redo are enabled.
        window->parameterPanel()->humanFractionSlider()->setValue(10);
        // Dialogs opened by actions are closed as soon as they show.
        QTimer closer;
        connect(&closer, &QTimer::timeout, [] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                modal->close();
            }
        });
        closer.start(50);

        QStringList checked;
        QList<QAction*> actions;
        for (QAction* menu : window->menuBar()->actions()) {
            for (QAction* action : menu->menu()->actions()) {
                if (!action->shortcut().isEmpty() && action->shortcut() != QKeySequence::Quit) {
                    actions.append(action);
                }
            }
        }
        QVERIFY(actions.size() >= 30);
        for (QAction* action : actions) {
            QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);
            window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(window.get()));
            window->narration()->setFocusPolicy(Qt::StrongFocus);
            window->narration()->setFocus();
            if (!action->isEnabled()) {
                // Only "show the first side only" waits for a comparison.
                window->loadScenarios({{"replace", quickGaussian()}, {"accumulate", quickGaussian(Policy::Accumulate)}});
                QVERIFY2(action->isEnabled(), qPrintable(action->text()));
            }
            QSignalSpy triggered(action, &QAction::triggered);
            QTest::keySequence(window.get(), action->shortcut());
            QVERIFY2(triggered.count() == 1 || triggered.wait(2000),
                     qPrintable(action->text() + " (" + action->shortcut().toString() + ")"));
            checked.append(action->shortcut().toString());
        }
        QCOMPARE(checked.removeDuplicates(), 0);  // no key is used twice
        QVERIFY(!window->isPresenterMode());
    }

    void presenterModeAndThemesSwitchCleanly()
    {
        auto window = openWindow(quickGaussian());
        QTRY_VERIFY_WITH_TIMEOUT(window->shownGeneration() >= 0, kRunTimeoutMs);
        window->setPresenterMode(true);
        QVERIFY(window->isPresenterMode());
        QVERIFY(!window->parameterPanel()->isVisible());
        QVERIFY(!window->menuBar()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!window->transport()->isVisible(), MainWindow::kControlsHideMs + 3000);
        QTest::mouseMove(window->stage());
        QVERIFY(window->transport()->isVisible());
        for (const Theme theme : {Theme::Dark, Theme::Projector, Theme::Light}) {
            window->setTheme(theme);
            QCOMPARE(currentTheme(), theme);
            QVERIFY(window->stage()->shownGeneration() >= 0);
            const QImage picture = window->stage()->grab().toImage();
            QCOMPARE(QColor(picture.pixel(2, picture.height() / 2)), colours::background);
            // The transport's symbols take the theme's text colour.
            const QImage symbol = window->transport()->stepForwardButton()->icon().pixmap(64, 64).toImage();
            QCOMPARE(QColor(symbol.pixel(30, 32)).rgb(), colours::text.rgb());
        }
        window->setPresenterMode(false);
        QVERIFY(window->parameterPanel()->isVisible());
        QCOMPARE(sizes::typeScale, 1.0);
    }
};

QTEST_MAIN(LectureHallTest)
#include "test_lecture_hall.moc"
