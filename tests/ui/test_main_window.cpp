// The window as a user drives it, offscreen: sliders restart the run and change the charts, the
// transport's buttons and keys do what they say, scrubbing shows stored generations, and a storm of
// slider changes ends with no crash and no thread left behind.

#include "core/engine.h"
#include "core/output_files.h"
#include "core/results.h"
#include "core/scenario_sources.h"
#include "tests/common/quick_scenarios.h"
#include "tests/common/window_fixture.h"
#include "ui/main_window.h"
#include "ui/metric_chart.h"
#include "ui/parameter_panel.h"
#include "ui/plot_painting.h"
#include "ui/simulation_worker.h"
#include "ui/stages/cats/cat_stage.h"
#include "ui/stages/vae/image_stage.h"
#include "ui/transport_bar.h"

#include <QComboBox>
#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace collapse;
using namespace collapse::ui;
using collapse::testing::WindowFixture;

namespace {

constexpr int kRunTimeoutMs = 60000;

Scenario quickGaussian()
{
    return collapse::testing::smallGaussian(40, 40, 50);
}

Scenario quickGmm()
{
    Scenario scenario = defaultScenario<GmmSettings>();
    scenario.generations = 15;
    scenario.replicates = 4;
    scenario.samples = 300;
    scenario.as<GmmSettings>().trueComponents = 3;
    scenario.as<GmmSettings>().minorityShare = 1.0 / 3.0;
    scenario.capacity = 2;
    return scenario;
}

bool waitForCompletedRun(const WindowFixture& window)
{
    return window.waitForCompletedRun(kRunTimeoutMs);
}

std::unique_ptr<WindowFixture> openWindow(const Scenario& scenario)
{
    return std::make_unique<WindowFixture>(scenario);
}

// Every chart shows every generation received.
bool chartsCaughtUp(const WindowFixture& window)
{
    for (const MetricChart* chart : window.charts()) {
        if (chart->pointCount() != window.session.history().size()) {
            return false;
        }
    }
    return !window.charts().isEmpty();
}

// The median of every charted metric at every generation, to tell two runs' charts apart.
std::vector<double> chartMedians(const WindowFixture& window)
{
    std::vector<double> medians;
    for (const MetricChart* chart : window.charts()) {
        for (int g = 0; g < chart->pointCount(); ++g) {
            medians.push_back(chart->medianAt(g));
        }
    }
    return medians;
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void slidersRestartTheRunAndChangeTheCharts_data();
    void slidersRestartTheRunAndChangeTheCharts();
    void transportButtonsDoWhatTheySay();
    void transportKeysDoWhatTheySay();
    void scrubbingShowsTheStoredGeneration();
    void narrationNamesTheStage();
    void narrationIsNeverCutOnASmallScreen();
    void aComparisonOnANarrowWindowFoldsThePanel();
    void modelPickerSwapsTheStage();
    void imageStageFollowsTheVae();
    void catStageColoursTheCats();
    void rapidSliderChangesEndCleanly();
    void dataExportWritesTheCommandLinesFiles();
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void MainWindowTest::slidersRestartTheRunAndChangeTheCharts_data()
{
    QTest::addColumn<QString>("slider");
    QTest::addColumn<QString>("model");
    QTest::addRow("sample size") << "samples" << "gaussian";
    QTest::addRow("human data") << "human" << "gaussian";
    QTest::addRow("capacity") << "capacity" << "gmm";
}

void MainWindowTest::slidersRestartTheRunAndChangeTheCharts()
{
    QFETCH(QString, slider);
    QFETCH(QString, model);
    const Scenario initial = model == "gmm" ? quickGmm() : quickGaussian();
    auto window = openWindow(initial);
    QVERIFY(waitForCompletedRun(*window));
    QCOMPARE(window->session.history().size(), initial.generations);
    QTRY_VERIFY(chartsCaughtUp(*window));
    const std::vector<double> before = chartMedians(*window);

    QSignalSpy restarted(&window->window, &MainWindow::runRestarted);
    ParameterPanel* panel = window->panel();
    if (slider == "samples") {
        panel->sampleSizeSlider()->setValue(ParameterPanel::sliderPositionForSamples(800));
        QCOMPARE(window->session.scenario().samples, 800);
    } else if (slider == "human") {
        panel->humanFractionSlider()->setValue(30);
        QCOMPARE(window->session.scenario().humanFraction, 0.3);
    } else {
        panel->capacitySlider()->setValue(4);
        QCOMPARE(window->session.scenario().capacity, 4);
    }
    QVERIFY(restarted.wait(5000));
    QCOMPARE(window->session.history().scenario(), window->session.scenario());
    QVERIFY(waitForCompletedRun(*window));
    QTRY_VERIFY(chartsCaughtUp(*window));
    QCOMPARE(chartMedians(*window).size(), before.size());
    QVERIFY(chartMedians(*window) != before);
}

void MainWindowTest::transportButtonsDoWhatTheySay()
{
    auto window = openWindow(quickGaussian());
    QVERIFY(waitForCompletedRun(*window));
    TransportBar* transport = window->transport();
    transport->resetButton()->click();
    QCOMPARE(window->session.playback().shown(), 0);
    QCOMPARE(window->stage()->shownGeneration(), 0);
    transport->stepForwardButton()->click();
    transport->stepForwardButton()->click();
    QCOMPARE(window->session.playback().shown(), 2);
    QVERIFY(!window->session.playback().isPlaying());
    transport->stepBackButton()->click();
    QCOMPARE(window->session.playback().shown(), 1);
    transport->playButton()->click();
    QVERIFY(window->session.playback().isPlaying());
    QTRY_VERIFY(window->session.playback().shown() > 3);
    transport->playButton()->click();
    QVERIFY(!window->session.playback().isPlaying());
    const int paused = window->session.playback().shown();
    QTest::qWait(300);
    QCOMPARE(window->session.playback().shown(), paused);
    // Stepping stops at both ends of what has been computed.
    transport->resetButton()->click();
    transport->stepBackButton()->click();
    QCOMPARE(window->session.playback().shown(), 0);
}

void MainWindowTest::transportKeysDoWhatTheySay()
{
    auto window = openWindow(quickGaussian());
    QVERIFY(QTest::qWaitForWindowActive(&window->window));
    QVERIFY(waitForCompletedRun(*window));
    window->transport()->setFocus();
    QTest::keyClick(&window->window, Qt::Key_Home);
    QCOMPARE(window->session.playback().shown(), 0);
    QTest::keyClick(&window->window, Qt::Key_Right);
    QTest::keyClick(&window->window, Qt::Key_Right);
    QTest::keyClick(&window->window, Qt::Key_Right);
    QCOMPARE(window->session.playback().shown(), 3);
    QTest::keyClick(&window->window, Qt::Key_Left);
    QCOMPARE(window->session.playback().shown(), 2);
    QTest::keyClick(&window->window, Qt::Key_Space);
    QVERIFY(window->session.playback().isPlaying());
    QTest::keyClick(&window->window, Qt::Key_Space);
    QVERIFY(!window->session.playback().isPlaying());
    // A focused parameter slider keeps its arrow keys: the generation does not move.
    const int shown = window->session.playback().shown();
    QSlider* samples = window->panel()->sampleSizeSlider();
    samples->setFocus();
    const int position = samples->value();
    QTest::keyClick(samples, Qt::Key_Right);
    QCOMPARE(samples->value(), position + samples->singleStep());
    QCOMPARE(window->session.playback().shown(), shown);
}

void MainWindowTest::scrubbingShowsTheStoredGeneration()
{
    auto window = openWindow(quickGaussian());
    QVERIFY(waitForCompletedRun(*window));
    window->transport()->timeline()->setValue(17);
    QCOMPARE(window->session.playback().shown(), 17);
    QCOMPARE(window->stage()->shownGeneration(), 17);
    QVERIFY(!window->session.playback().isPlaying());
    window->transport()->timeline()->setValue(3);
    QCOMPARE(window->stage()->shownGeneration(), 3);
    QCOMPARE(window->session.history().at(3)->generation, 3);
}

void MainWindowTest::narrationNamesTheStage()
{
    // M = 2 (a slider extreme) collapses within a few generations: the narration must say so.
    Scenario scenario = quickGaussian();
    scenario.samples = 2;
    auto window = openWindow(scenario);
    QVERIFY(waitForCompletedRun(*window));
    window->window.goToGeneration(0);
    QVERIFY(window->narration()->text().contains("real data"));
    window->window.goToGeneration(scenario.generations - 1);
    QVERIFY2(window->narration()->text().contains("Late model collapse"), qPrintable(window->narration()->text()));
}

void MainWindowTest::narrationIsNeverCutOnASmallScreen()
{
    // The default preset in a 1024 x 768 window (with a tenth of its chains, the first of which is the
    // same chain): the stage column is narrow, and the longest accounts (a chain that wandered, with its
    // numbers) do not fit there in full. They are told briefly instead of being cut.
    ScenarioRequest request;
    request.preset = "gaussian-theorem";
    Scenario scenario = resolveScenarios(request).front().scenario;
    scenario.replicates /= 10;
    auto window = std::make_unique<WindowFixture>(scenario, QSize(1024, 768));
    QVERIFY(waitForCompletedRun(*window));
    const int cutBefore = elidedTextCount();
    for (int generation = 0; generation < window->session.history().size(); generation += 20) {
        window->window.goToGeneration(generation);
        QVERIFY(!window->narration()->text().isEmpty());
    }
    window->window.goToGeneration(window->session.history().size() - 1);
    QVERIFY2(elidedTextCount() == cutBefore,
             qPrintable(QStringLiteral("cut short: ") + elidedTexts().mid(cutBefore).join(QStringLiteral(" | "))));
}

void MainWindowTest::aComparisonOnANarrowWindowFoldsThePanel()
{
    // human-data-10 on a 1024-pixel projector: the panel folds away so that both stages and the charts
    // keep readable room beside each other; F9 brings it back, and one side alone has it again.
    WindowFixture window;
    window.session.openPreset("human-data-10", {{"--generations 5", "generations", 5}});
    window.window.resize(1024, 740);
    window.window.show();
    QTRY_VERIFY(!window.window.isPanelShown());
    const QList<QAction*> actions = window.window.actions();
    QAction* const panel = *std::find_if(actions.begin(), actions.end(), [](const QAction* action) {
        return action->shortcut() == QKeySequence(Qt::Key_F9);
    });
    QVERIFY(!panel->isChecked());
    QTRY_VERIFY(window.stage(0)->width() >= 270 && window.stage(1)->width() >= 270);
    panel->trigger();
    QVERIFY(window.window.isPanelShown());
    QVERIFY(panel->isChecked());
    // A new comparison folds it again; one side alone keeps it.
    window.session.openPreset("accumulate-vs-replace", {{"--generations 5", "generations", 5}});
    QTRY_VERIFY(!window.window.isPanelShown());
    window.session.openPreset("cats", {{"--generations 5", "generations", 5}});
    QTRY_VERIFY(window.window.isPanelShown());
    // A wide window keeps the panel beside a comparison.
    window.window.resize(1800, 900);
    window.session.openPreset("human-data-10", {{"--generations 5", "generations", 5}});
    QTRY_VERIFY(window.window.isPanelShown());
}

void MainWindowTest::modelPickerSwapsTheStage()
{
    auto window = openWindow(quickGaussian());
    QVERIFY(waitForCompletedRun(*window));
    QComboBox* picker = window->panel()->modelPicker();
    picker->setCurrentIndex(picker->findData(QStringLiteral("gmm")));
    QVERIFY(window->session.scenario().holds<GmmSettings>());
    QTRY_VERIFY_WITH_TIMEOUT(window->session.history().scenario().holds<GmmSettings>(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window->stage()->shownGeneration() >= 0, kRunTimeoutMs);
    QCOMPARE(QString::fromUtf8(window->charts().front()->metric().name.data()), QString("total_std"));
}

void MainWindowTest::imageStageFollowsTheVae()
{
    Scenario scenario = defaultScenario<VaeSettings>();
    scenario.samples = 300;
    scenario.as<VaeSettings>().hidden = 32;
    scenario.capacity = 4;
    scenario.as<VaeSettings>().epochs = 1;
    scenario.generations = 3;
    auto window = openWindow(scenario);
    QVERIFY(waitForCompletedRun(*window));
    QVERIFY(dynamic_cast<ImageStage*>(window->stage()) != nullptr);
    window->window.goToGeneration(2);
    QCOMPARE(window->stage()->shownGeneration(), 2);
    QCOMPARE(QString::fromUtf8(window->charts().front()->metric().name.data()), QString("latent_std"));
    QTRY_VERIFY(chartsCaughtUp(*window));
    // The stage draws: its picture is not blank.
    const QImage picture = window->stage()->grab().toImage();
    QVERIFY(picture.pixelColor(picture.width() / 4, picture.height() / 2) != QColor(Qt::white) ||
            picture.pixelColor(picture.width() / 3, picture.height() / 3) != QColor(Qt::white));
}

void MainWindowTest::catStageColoursTheCats()
{
    Scenario scenario = defaultScenario<CatsSettings>();
    scenario.generations = 10;
    scenario.replicates = 20;
    auto window = openWindow(scenario);
    QVERIFY(waitForCompletedRun(*window));
    QVERIFY(dynamic_cast<CatStage*>(window->stage()) != nullptr);
    window->window.goToGeneration(0);
    QCOMPARE(QString::fromUtf8(window->charts().front()->metric().name.data()), QString("minority_fraction"));
    // Generation 0's cats are mostly yellow: the stage's picture holds yellow pixels (hue near 55°).
    const QImage picture = window->stage()->grab().toImage();
    int yellow = 0;
    for (int y = 0; y < picture.height(); y += 4) {
        for (int x = 0; x < picture.width(); x += 4) {
            const QColor colour = picture.pixelColor(x, y);
            yellow += colour.saturationF() > 0.5f && std::abs(colour.hueF() * 360.0f - 55.0f) < 12.0f ? 1 : 0;
        }
    }
    QVERIFY2(yellow > 100, qPrintable(QString::number(yellow)));
}

void MainWindowTest::rapidSliderChangesEndCleanly()
{
    Scenario scenario = quickGaussian();
    scenario.generations = 2000;
    scenario.replicates = 200;
    auto window = openWindow(scenario);
    QSlider* samples = window->panel()->sampleSizeSlider();
    QSlider* human = window->panel()->humanFractionSlider();
    for (int i = 0; i < 200; ++i) {
        samples->setValue(i % 2 == 0 ? 100 + i : 700 - i);
        human->setValue(i % 50);
        if (i % 10 == 0) {
            // Let some restarts through, so that runs are cancelled mid-way, not only debounced.
            QTest::qWait(RunController::kRestartDelayMs + 20);
        }
    }
    // The last change restarts the run once the debounce has passed, and that run streams in.
    QTRY_VERIFY_WITH_TIMEOUT(window->session.history().scenario() == window->session.scenario(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window->session.history().size() > 5, kRunTimeoutMs);
    QPointer<SimulationWorker> worker = window->session.runs().side(0).worker;
    QVERIFY(worker->isRunning());
    window.reset();
    QVERIFY(worker.isNull());
}

void MainWindowTest::dataExportWritesTheCommandLinesFiles()
{
    const Scenario scenario = quickGmm();
    auto window = openWindow(scenario);
    QVERIFY(waitForCompletedRun(*window));
    QTemporaryDir folder;
    window->session.runs().saveRunData(folder.filePath("window"));

    // The same scenario run headless, written as collapselab-cli run writes it.
    Engine engine(scenario);
    RunResults results{engine.metricColumns(), {}};
    engine.run([&results](GenerationSnapshot&& snapshot) { results.generations.push_back(std::move(snapshot.metrics)); });
    OutputFiles files;
    addRunFiles(files, folder.filePath("headless").toStdString(), results, scenario);
    files.commit();
    for (const QString name : {"metrics.csv", "summary.csv", "scenario.json"}) {
        QFile fromWindow(folder.filePath("window/" + name));
        QFile headless(folder.filePath("headless/" + name));
        QVERIFY(fromWindow.open(QIODevice::ReadOnly) && headless.open(QIODevice::ReadOnly));
        const QByteArray written = fromWindow.readAll();
        QVERIFY(written.size() > 100);
        QCOMPARE(written, headless.readAll());
    }
}

QTEST_MAIN(MainWindowTest)
#include "test_main_window.moc"
