// What a lecturer and a student noticed in the pictures, each kept from coming back: the counter at the
// end of a run, a metric that does not exist drawn as a gap, histogram bins that fit the sample size,
// charts that line up, a presenter layout that does not jump, readable colours in every theme, presets
// in teaching order and a paper figure that explains itself.

#include "core/models/cats/cats_model.h"
#include "core/models/gaussian/gaussian_model.h"
#include "core/results.h"
#include "core/scenario_sources.h"
#include "tests/common/quick_scenarios.h"
#include "ui/figure_renderer.h"
#include "tests/common/window_fixture.h"
#include "ui/main_window.h"
#include "ui/metric_chart.h"
#include "ui/run_history.h"
#include "ui/settings.h"
#include "ui/stages/shared/density_stage.h"
#include "ui/theme.h"
#include "ui/transport_bar.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QPainter>
#include <QStandardPaths>
#include <QTest>
#include <QSlider>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace collapse;
using namespace collapse::ui;
using collapse::testing::WindowFixture;

namespace {

constexpr int kRunTimeoutMs = 120000;

Scenario presetScenario(const std::string& name, int generations)
{
    Scenario scenario = collapse::testing::presetScenario(name);
    scenario.generations = generations;
    return scenario;
}

std::unique_ptr<WindowFixture> openWindow(const Scenario& scenario)
{
    return std::make_unique<WindowFixture>(scenario, QSize());
}

} // namespace

class LectureReviewTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { applyTheme(Theme::Light); }

    void aFinishedRunReadsFinished();
    void aMissingValueIsAGap();
    void theTimelineHasRoomOnAProjector();
    void transportSymbolsFollowTheSavedTheme();
    void histogramBinsFitTheSampleSize();
    void stackedChartsShareTheirPlot();
    void presenterModeDoesNotJump();
    void textIsReadableInEveryTheme_data();
    void textIsReadableInEveryTheme();
    void presetsComeInTeachingOrder();
    void aPaperFigureCarriesLegendAndCaption();
};

void LectureReviewTest::aFinishedRunReadsFinished()
{
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.generations = 10;
    scenario.replicates = 10;
    auto window = openWindow(scenario);
    QTRY_VERIFY_WITH_TIMEOUT(window->session.runs().isComplete(), kRunTimeoutMs);
    window->window.goToGeneration(9);
    // Generations are numbered 0 to 9: the last reads "9 / 9", not "9 / 10".
    QLabel* position = nullptr;
    for (QLabel* label : window->transport()->findChildren<QLabel*>()) {
        if (label->text().startsWith("Generation")) {
            position = label;
        }
    }
    QVERIFY(position != nullptr);
    QCOMPARE(position->text(), QStringLiteral("Generation 9 / 9"));
}

void LectureReviewTest::aMissingValueIsAGap()
{
    // The cats lose their blue minority within a few generations: then most chains have no blue cats
    // and no "hue of the blue cats" at all.
    const Scenario scenario = presetScenario("cats", 40);
    RunHistory history;
    computeHistory(history, scenario);
    MetricChart chart(cats_metrics::minorityHue);
    chart.resetRun(scenario.generations, kMinorityHue);
    chart.updateData(history);
    int gaps = 0;
    for (int g = 0; g < history.size(); ++g) {
        int present = 0;
        for (int r = 0; r < scenario.replicates; ++r) {
            present += std::isnan(history.value(g, r, cats_metrics::minorityHue)) ? 0 : 1;
        }
        const bool typical = 2 * present >= scenario.replicates;
        QCOMPARE(std::isnan(chart.medianAt(g)), !typical);
        gaps += typical ? 0 : 1;
    }
    QVERIFY2(gaps > 0, "the run should lose its blue cats in most chains");
    QVERIFY(std::isfinite(chart.medianAt(0)));
}

void LectureReviewTest::histogramBinsFitTheSampleSize()
{
    // gaussian-theorem's generation 0: 100 samples of N(0, 1). Freedman–Diaconis bins, 2 IQR n^(-1/3),
    // are wide enough that no bar rises far above the density it estimates.
    const Scenario scenario = presetScenario("gaussian-theorem", 1);
    RunHistory history;
    computeHistory(history, scenario);
    DensityStage stage([](const Scenario&) { return GaussianExperiment::original(); });
    stage.resize(960, 540);
    stage.setScenario(scenario);
    stage.showGeneration(history, 0);
    const Samples& samples = history.at(0)->samples;
    std::vector<double> sorted(samples.data(), samples.data() + samples.cols());
    std::sort(sorted.begin(), sorted.end());
    const double n = static_cast<double>(sorted.size());
    const double expectedWidth = 2.0 * (quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25)) / std::cbrt(n);
    QCOMPARE(stage.binWidth(), expectedWidth);
    // A bar's height is a binomial share over the bin width: its standard error at the peak is
    // sqrt(p (1 - p) / n) / h with p = peak × h.
    const double peak = stage.modelPeak();
    const double share = peak * expectedWidth;
    const double standardError = std::sqrt(share * (1.0 - share) / n) / expectedWidth;
    QVERIFY2(stage.tallestBar() <= peak + 4.0 * standardError,
             qPrintable(QStringLiteral("tallest bar %1, peak %2, standard error %3").arg(stage.tallestBar()).arg(peak).arg(standardError)));
}

void LectureReviewTest::stackedChartsShareTheirPlot()
{
    Scenario scenario = presetScenario("gmm-minority", 20);
    auto window = openWindow(scenario);
    window->window.resize(1600, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(window->session.runs().isComplete(), kRunTimeoutMs);
    window->window.goToGeneration(10);
    QApplication::processEvents();
    const QVector<MetricChart*>& charts = window->charts();
    QVERIFY(charts.size() >= 2);
    // In one column: generation g at the same x in every chart.
    const double left = charts.front()->mapToGlobal(charts.front()->plotArea(charts.front()->size()).topLeft().toPoint()).x();
    const double right = charts.front()->mapToGlobal(charts.front()->plotArea(charts.front()->size()).topRight().toPoint()).x();
    for (const MetricChart* chart : charts) {
        if (chart->x() != charts.front()->x()) {
            continue;
        }
        const QRectF plot = chart->plotArea(chart->size());
        QCOMPARE(chart->mapToGlobal(plot.topLeft().toPoint()).x(), left);
        QCOMPARE(chart->mapToGlobal(plot.topRight().toPoint()).x(), right);
    }
}

void LectureReviewTest::presenterModeDoesNotJump()
{
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.generations = 30;
    scenario.replicates = 10;
    auto window = openWindow(scenario);
    QTRY_VERIFY_WITH_TIMEOUT(window->session.runs().isComplete(), kRunTimeoutMs);
    window->window.setPresenterMode(true);
    QApplication::processEvents();
    QVERIFY(window->transport()->isVisible());
    const QRect stage = window->stage()->geometry();
    const QRect chart = window->charts().front()->geometry();
    // The transport hides after a while without the mouse: the picture stays where it was.
    QTRY_VERIFY_WITH_TIMEOUT(!window->transport()->isVisible(), 2 * MainWindow::kControlsHideMs);
    QApplication::processEvents();
    QCOMPARE(window->stage()->geometry(), stage);
    QCOMPARE(window->charts().front()->geometry(), chart);
    QTest::mouseMove(window->stage(), QPoint(20, 20));
    QTRY_VERIFY(window->transport()->isVisible());
    QCOMPARE(window->stage()->geometry(), stage);
    window->window.setPresenterMode(false);
}

void LectureReviewTest::textIsReadableInEveryTheme_data()
{
    QTest::addColumn<int>("theme");
    QTest::addRow("light") << int(Theme::Light);
    QTest::addRow("dark") << int(Theme::Dark);
    QTest::addRow("projector") << int(Theme::Projector);
}

void LectureReviewTest::textIsReadableInEveryTheme()
{
    // WCAG 2.1 AA: 4.5:1 for text on its background.
    QFETCH(int, theme);
    applyTheme(static_cast<Theme>(theme));
    const QColor window = QApplication::palette().color(QPalette::Window);
    const struct {
        const char* what;
        QColor text, background;
    } pairs[] = {
        {"text on the stage", colours::text, colours::background},
        {"tick labels", colours::axis, colours::background},
        {"narration", colours::text, colours::panel},
        {"tail status", colours::tailsText, colours::background},
        {"blue cats' status", colours::minorityText, colours::background},
        {"slider values", colours::modelText, window},
        {"panel labels", QApplication::palette().color(QPalette::WindowText), window},
    };
    for (const auto& pair : pairs) {
        const double ratio = contrastRatio(pair.text, pair.background);
        QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1: %2:1").arg(pair.what).arg(ratio, 0, 'f', 2)));
    }
    // A control that does not apply looks different from one that does.
    QVERIFY(QApplication::palette().color(QPalette::Disabled, QPalette::WindowText) !=
            QApplication::palette().color(QPalette::Active, QPalette::WindowText));
}

void LectureReviewTest::theTimelineHasRoomOnAProjector()
{
    // 1024 pixels wide: the chain and the position lose their words ("1 of 10", "9 / 9"), and the
    // timeline keeps room to scrub (it had 84 pixels).
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.generations = 10;
    scenario.replicates = 10;
    WindowFixture window(scenario, QSize(1024, 740));
    QTRY_VERIFY_WITH_TIMEOUT(window.session.runs().isComplete(), kRunTimeoutMs);
    window.window.goToGeneration(9);
    QTRY_VERIFY2(window.transport()->timeline()->width() >= 250, qPrintable(QString::number(window.transport()->timeline()->width())));
    QStringList labels;
    for (const QLabel* label : window.transport()->findChildren<QLabel*>()) {
        labels << label->text();
    }
    QVERIFY2(labels.contains(QStringLiteral("9 / 9")), qPrintable(labels.join(QStringLiteral(", "))));
}

void LectureReviewTest::transportSymbolsFollowTheSavedTheme()
{
    // The dark theme a session saved: every symbol of the transport is drawn in its text colour, not the
    // light theme's black on dark grey.
    Settings::setTheme(static_cast<int>(Theme::Dark));
    auto window = openWindow(presetScenario("cats", 5));
    QCOMPARE(currentTheme(), Theme::Dark);
    int symbols = 0;
    for (const QToolButton* button : window->transport()->findChildren<QToolButton*>()) {
        if (button->icon().isNull()) {
            continue;
        }
        const QImage image = button->icon().pixmap(64, 64).toImage();
        QColor ink;
        for (int y = 0; y < image.height() && !ink.isValid(); ++y) {
            for (int x = 0; x < image.width() && !ink.isValid(); ++x) {
                if (qAlpha(image.pixel(x, y)) == 255) {
                    ink = image.pixelColor(x, y);
                }
            }
        }
        QCOMPARE(ink.rgb(), colours::text.rgb());
        ++symbols;
    }
    QCOMPARE(symbols, 4);
    Settings::setTheme(static_cast<int>(Theme::Light));
}

void LectureReviewTest::presetsComeInTeachingOrder()
{
    QStringList names;
    for (const Preset& preset : builtinPresets()) {
        names << QString::fromStdString(preset.name);
    }
    // From the theorem to the mixtures, the cats, the mitigations and the images.
    const QStringList lecture = {"gaussian-theorem", "gmm-paper",   "gmm-minority",          "cats",
                                 "sampling-bias",    "human-data-10", "accumulate-vs-replace", "vae-fashion"};
    QCOMPARE(names.mid(0, lecture.size()), lecture);
    auto window = openWindow(presetScenario("cats", 5));
    QMenu* presets = nullptr;
    for (QAction* menu : window->window.menuBar()->actions()) {
        if (menu->text().remove('&') == QStringLiteral("Presets")) {
            presets = menu->menu();
        }
    }
    QVERIFY(presets != nullptr);
    QCOMPARE(presets->actions().front()->shortcut(), QKeySequence(QStringLiteral("Ctrl+1")));
    presets->actions().front()->trigger();
    QCOMPARE(window->session.scenario().generations, presetScenario("gaussian-theorem", 500).generations);
    QVERIFY(window->session.scenario().holds<GaussianSettings>());
}

void LectureReviewTest::aPaperFigureCarriesLegendAndCaption()
{
    const Scenario scenario = presetScenario("gmm-paper", 12);
    RunHistory history;
    computeHistory(history, scenario);
    FigureRenderer renderer({{QString(), &history}}, ExportView::Both);
    const QString caption = renderer.caption();
    QVERIFY2(caption.contains("Gaussian mixture"), qPrintable(caption));
    QVERIFY2(caption.contains("samples 1000") && caption.contains("em_tol 1e-05") && caption.contains("seed 1"),
             qPrintable(caption));
    QVERIFY2(caption.contains("10–90% band"), qPrintable(caption));
    // A figure of the stage alone says nothing of charts it does not have.
    const QString stageCaption = FigureRenderer({{QString(), &history}}, ExportView::Stage).caption();
    QVERIFY2(stageCaption.contains("Panels: chain 1 of") && !stageCaption.contains("Charts"), qPrintable(stageCaption));
    const QSize size = renderer.smallMultiplesSize(4, FigureRenderer::kPanelSize).toSize();
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.renderSmallMultiples(painter, QRectF(QPointF(0, 0), QSizeF(size)), {0, 3, 6, 11});
    painter.end();
    // The legend's row at the top and the caption's at the bottom are drawn, not blank.
    const auto inked = [&image](int top, int bottom) {
        int count = 0;
        for (int y = top; y < bottom; y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                count += image.pixelColor(x, y).lightness() < 128 ? 1 : 0;
            }
        }
        return count;
    };
    QVERIFY(inked(0, 30) > 50);
    QVERIFY(inked(image.height() - 60, image.height()) > 50);
}

QTEST_MAIN(LectureReviewTest)
#include "test_lecture_review.moc"
