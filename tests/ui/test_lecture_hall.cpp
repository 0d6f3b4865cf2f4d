// The window in a lecture: every preset loads (comparisons side by side, with their title and two
// sentences); scenario files round-trip exactly and bad ones are refused with their message while the
// window keeps its state; compare mode runs both sides on one clock; every shortcut triggers its
// action; undo and redo restore parameters; presenter mode and the themes switch cleanly.

#include "core/model_registry.h"
#include "core/models/gaussian/gaussian_model.h"
#include "core/models/text/text_settings.h"
#include "core/scenario_sources.h"
#include "tests/common/files.h"
#include "tests/common/quick_scenarios.h"
#include "tests/common/window_fixture.h"
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
using collapse::testing::WindowFixture;

namespace {

constexpr int kRunTimeoutMs = 120000;

Scenario quickGaussian(Policy policy = Policy::Replace)
{
    return collapse::testing::smallGaussian(30, 30, 40, policy);
}

std::unique_ptr<WindowFixture> openWindow(const Scenario& scenario)
{
    return std::make_unique<WindowFixture>(scenario);
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
            window->window.openPreset(preset.name);
            if (preset.sweep) {
                // A sweep preset opens the sweep window, running its grid (tests/ui/test_sweep_window.cpp).
                QVERIFY(window->window.sweepWindow() != nullptr && window->window.sweepWindow()->isVisible());
                QVERIFY(window->window.sweepWindow()->isRunning());
                window->window.sweepWindow()->cancelSweep();
                continue;
            }
            QCOMPARE(window->session.sideCount(), static_cast<int>(preset.entries.size()));
            for (int side = 0; side < window->session.sideCount(); ++side) {
                QCOMPARE(window->session.scenario(side), scenarioFromJson(preset.entries[side].object));
                QCOMPARE(window->session.runs().side(side).label.toStdString(), preset.entries[side].label);
            }
            QVERIFY(window->presetNote()->isVisible());
            QVERIFY(window->presetNote()->text().contains(QString::fromStdString(preset.title).toHtmlEscaped()));
            QCOMPARE(window->panel()->scenario(), window->session.scenario());
            // A model that takes seconds a generation (it declares quick settings, or is the text model's
            // transformer) is not waited for.
            const Scenario& shown = window->session.scenario();
            const bool neuralText = shown.holds<TextSettings>() && shown.as<TextSettings>().languageModel == LanguageModelKind::Transformer;
            if (shown.model().quickSettings.empty() && !neuralText) {
                QTRY_VERIFY_WITH_TIMEOUT(window->session.playback().shown() >= 0, kRunTimeoutMs);
            }
        }
        // A parameter change makes the scenario the user's own: the preset's note goes.
        window->window.openPreset("gmm-paper");
        window->panel()->capacitySlider()->setValue(3);
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
        window->session.saveFile(first.toStdString());
        window->window.openPreset("cats");
        window->session.openFile(first.toStdString());
        QCOMPARE(window->session.sideCount(), 1);
        QCOMPARE(window->session.scenario(), edited);
        QCOMPARE(window->panel()->scenario(), edited);
        const QString second = folder.filePath("second.json");
        window->session.saveFile(second.toStdString());
        QCOMPARE(fileContents(second), fileContents(first));

        // A comparison is saved as one and opens side by side again.
        window->window.openPreset("human-data-10");
        const QString comparison = folder.filePath("comparison.json");
        window->session.saveFile(comparison.toStdString());
        window->session.open(quickGaussian());
        window->session.openFile(comparison.toStdString());
        QCOMPARE(window->session.sideCount(), 2);
        QCOMPARE(window->session.runs().side(1).label, QStringLiteral("human-10"));
        QCOMPARE(window->session.scenario(1).humanFraction, 0.1);
        const QString again = folder.filePath("again.json");
        window->session.saveFile(again.toStdString());
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
        // What a failure says, or nothing when there was none.
        const auto failure = [](const auto& attempt) {
            try {
                attempt();
            } catch (const std::runtime_error& error) {
                return QString::fromUtf8(error.what());
            }
            return QString();
        };
        const QString refused = failure([&] { window->session.openFile(path.toStdString()); });
        QVERIFY2(refused.contains(message), qPrintable(refused));
        QCOMPARE(window->session.sideCount(), 1);
        QCOMPARE(window->session.scenario(), kept);
        QCOMPARE(window->panel()->scenario(), kept);
        const QString unwritten =
            failure([&] { window->session.saveFile(folder.filePath("no/such/folder/scenario.json").toStdString()); });
        QVERIFY2(unwritten.contains("no/such/folder"), qPrintable(unwritten));
    }

    void compareModeRunsBothSidesOnOneClock()
    {
        auto window = openWindow(quickGaussian());
        window->session.open({{"replace", quickGaussian(Policy::Replace)}, {"accumulate", quickGaussian(Policy::Accumulate)}});
        QCOMPARE(window->session.sideCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(window->session.runs().isComplete(), kRunTimeoutMs);
        QCOMPARE(window->session.history(0).size(), 30);
        QCOMPARE(window->session.history(1).size(), 30);
        window->window.goToGeneration(20);
        QCOMPARE(window->stage(0)->shownGeneration(), 20);
        QCOMPARE(window->stage(1)->shownGeneration(), 20);
        QVERIFY(window->narration()->text().contains("replace") && window->narration()->text().contains("accumulate"));
        // The sides differ: accumulating keeps the spread, replacing loses it.
        const auto spread = [&](int side) { return window->session.history(side).band(gaussian_metrics::standardDeviation).median[29]; };
        QVERIFY2(spread(1) > spread(0), qPrintable(QString("%1 vs %2").arg(spread(1)).arg(spread(0))));

        // A slider moves both sides; each keeps its own policy.
        window->panel()->sampleSizeSlider()->setValue(ParameterPanel::sliderPositionForSamples(200));
        QCOMPARE(window->session.scenario(0).samples, 200);
        QCOMPARE(window->session.scenario(1).samples, 200);
        QCOMPARE(window->session.scenario(1).policy, Policy::Accumulate);
        QTRY_VERIFY_WITH_TIMEOUT(window->session.history(1).scenario().samples == 200, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window->session.runs().isComplete(), kRunTimeoutMs);

        QTemporaryDir folder;
        window->session.runs().saveRunData(folder.path());
        QVERIFY(QFile::exists(folder.filePath("replace/metrics.csv")));
        QVERIFY(QFile::exists(folder.filePath("accumulate/summary.csv")));

        // Closing a side is a step on the undo stack; undo brings it back with its label.
        QVERIFY(QTest::qWaitForWindowActive(&window->window));
        QTest::keySequence(&window->window, QKeySequence(QStringLiteral("Ctrl+Shift+C")));
        QCOMPARE(window->session.sideCount(), 1);
        window->session.undoStack().undo();
        QCOMPARE(window->session.sideCount(), 2);
        QCOMPARE(window->session.runs().side(0).label, QStringLiteral("replace"));
        QCOMPARE(window->session.runs().side(1).label, QStringLiteral("accumulate"));
        QCOMPARE(window->session.scenario(1).policy, Policy::Accumulate);
    }

    void undoRestoresParameters()
    {
        const Scenario initial = quickGaussian();
        auto window = openWindow(initial);
        QSlider* human = window->panel()->humanFractionSlider();
        human->setValue(20);
        human->setValue(30);  // the same drag: one step
        QCOMPARE(window->session.scenario().humanFraction, 0.3);
        QCOMPARE(window->session.undoStack().count(), 1);
        QTest::qWait(ParameterChange::kMergeMs + 100);
        window->panel()->sampleSizeSlider()->setValue(ParameterPanel::sliderPositionForSamples(500));
        QCOMPARE(window->session.undoStack().count(), 2);

        window->session.undoStack().undo();
        QCOMPARE(window->session.scenario().samples, initial.samples);
        QCOMPARE(window->session.scenario().humanFraction, 0.3);
        window->session.undoStack().undo();
        QCOMPARE(window->session.scenario(), initial);
        QCOMPARE(window->panel()->scenario(), initial);
        QCOMPARE(human->value(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(window->session.history().scenario() == initial, 5000);
        window->session.undoStack().redo();
        QCOMPARE(window->session.scenario().humanFraction, 0.3);
        QCOMPARE(human->value(), 30);
    }

    void everyShortcutTriggersItsAction()
    {
        auto window = openWindow(quickGaussian());
        QVERIFY(QTest::qWaitForWindowActive(&window->window));
        QTRY_VERIFY_WITH_TIMEOUT(window->session.runs().isComplete(), kRunTimeoutMs);
        // Something to undo, so that Undo and then Redo are enabled.
        window->panel()->humanFractionSlider()->setValue(10);
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
        for (QAction* menu : window->window.menuBar()->actions()) {
            for (QAction* action : menu->menu()->actions()) {
                if (!action->shortcut().isEmpty() && action->shortcut() != QKeySequence::Quit) {
                    actions.append(action);
                }
            }
        }
        QVERIFY(actions.size() >= 30);
        for (QAction* action : actions) {
            QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);
            window->window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window->window));
            window->narration()->setFocusPolicy(Qt::StrongFocus);
            window->narration()->setFocus();
            if (!action->isEnabled()) {
                // Only "show the first side only" waits for a comparison.
                window->session.open({{"replace", quickGaussian()}, {"accumulate", quickGaussian(Policy::Accumulate)}});
                QVERIFY2(action->isEnabled(), qPrintable(action->text()));
            }
            QSignalSpy triggered(action, &QAction::triggered);
            QTest::keySequence(&window->window, action->shortcut());
            QVERIFY2(triggered.count() == 1 || triggered.wait(2000),
                     qPrintable(action->text() + " (" + action->shortcut().toString() + ")"));
            checked.append(action->shortcut().toString());
        }
        QCOMPARE(checked.removeDuplicates(), 0);  // no key is used twice
        QVERIFY(!window->window.isPresenterMode());
    }

    void presenterModeAndThemesSwitchCleanly()
    {
        auto window = openWindow(quickGaussian());
        QTRY_VERIFY_WITH_TIMEOUT(window->session.playback().shown() >= 0, kRunTimeoutMs);
        window->window.setPresenterMode(true);
        QVERIFY(window->window.isPresenterMode());
        QVERIFY(!window->panel()->isVisible());
        QVERIFY(!window->window.menuBar()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!window->transport()->isVisible(), MainWindow::kControlsHideMs + 3000);
        QTest::mouseMove(window->stage());
        QVERIFY(window->transport()->isVisible());
        for (const Theme theme : {Theme::Dark, Theme::Projector, Theme::Light}) {
            window->window.setTheme(theme);
            QCOMPARE(currentTheme(), theme);
            QVERIFY(window->stage()->shownGeneration() >= 0);
            const QImage picture = window->stage()->grab().toImage();
            QCOMPARE(QColor(picture.pixel(2, picture.height() / 2)), colours::background);
            // The transport's symbols take the theme's text colour.
            const QImage symbol = window->transport()->stepForwardButton()->icon().pixmap(64, 64).toImage();
            QCOMPARE(QColor(symbol.pixel(30, 32)).rgb(), colours::text.rgb());
        }
        window->window.setPresenterMode(false);
        QVERIFY(window->panel()->isVisible());
        QCOMPARE(sizes::typeScale, 1.0);
    }
};

QTEST_MAIN(LectureHallTest)
#include "test_lecture_hall.moc"
