// The metric charts as a user questions them: hovering names the values at a generation, a drag, the
// wheel or a key zooms every chart of the window together and a double-click, Esc or the View menu shows
// all generations again, the legend hides and shows what it names, and the context menu copies the data
// as CSV that reads back as the run's numbers.

#include "core/models/gaussian/gaussian_model.h"
#include "tests/common/quick_scenarios.h"
#include "tests/common/window_fixture.h"
#include "ui/metric_chart.h"
#include "ui/run_history.h"

#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <memory>

using namespace collapse;
using namespace collapse::ui;
using collapse::testing::WindowFixture;

namespace {

constexpr int kGenerations = 20;

Scenario quickGaussian()
{
    return collapse::testing::smallGaussian(kGenerations, 8, 40);
}

// A point in the chart's view at `generation`, halfway down the plot.
QPoint pointAt(const MetricChart& chart, double generation)
{
    const QRectF plot = chart.chart()->plotArea();
    return chart.mapFromScene(QPointF(chart.xOfGeneration(generation), plot.center().y()));
}

// Whether every chart of the window shows the same generations.
bool chartsAgree(const QVector<MetricChart*>& charts)
{
    for (const MetricChart* chart : charts) {
        if (chart->firstShown() != charts.front()->firstShown() || chart->lastShown() != charts.front()->lastShown() ||
            chart->isZoomed() != charts.front()->isZoomed()) {
            return false;
        }
    }
    return true;
}

// How many of the chart's series of `type` draw something.
int visibleSeries(const MetricChart& chart, QAbstractSeries::SeriesType type)
{
    int visible = 0;
    for (QAbstractSeries* series : chart.chart()->series()) {
        if (series->type() != type || !series->isVisible()) {
            continue;
        }
        const auto* line = type == QAbstractSeries::SeriesTypeArea ? static_cast<QAreaSeries*>(series)->upperSeries()
                                                                   : static_cast<QLineSeries*>(series);
        visible += line->count() > 0 ? 1 : 0;
    }
    return visible;
}

// A chart of `metric` on screen, showing `history` (and `comparison`, named by `sides`, when given).
std::unique_ptr<MetricChart> shownChart(const MetricDescriptor& metric, const RunHistory& history, QSize size,
                                        const RunHistory* comparison = nullptr,
                                        const QStringList& sides = QStringList())
{
    auto chart = std::make_unique<MetricChart>(metric);
    chart->resize(size);
    chart->resetRun(kGenerations, 1.0);
    if (comparison != nullptr) {
        chart->setSideLabels(sides.value(0), sides.value(1));
    }
    chart->updateData(history, comparison);
    chart->show();
    return chart;
}

} // namespace

class MetricChartTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        computeHistory(history_, quickGaussian());
        QCOMPARE(history_.size(), kGenerations);
    }

    void hoverNamesTheValuesAtAGeneration()
    {
        const auto shown = shownChart(gaussian_metrics::standardDeviation, history_, QSize(480, 320));
        MetricChart& chart = *shown;
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QVERIFY(chart.hoverText().isEmpty());

        const RunHistory::Band& band = history_.band(gaussian_metrics::standardDeviation);
        for (const int generation : {0, 7, kGenerations - 1}) {
            QTest::mouseMove(chart.viewport(), pointAt(chart, generation));
            QCOMPARE(chart.hoverText(), chart.valuesAt(generation));
            QVERIFY2(chart.hoverText().contains(MetricChart::valueText(band.median[generation])), qPrintable(chart.hoverText()));
            QVERIFY(chart.hoverText().contains(MetricChart::valueText(band.q90[generation])));
        }
        // Off the plot (over the title), nothing is named.
        QTest::mouseMove(chart.viewport(), QPoint(chart.width() / 2, 3));
        QVERIFY(chart.hoverText().isEmpty());
    }

    void zoomingOneChartZoomsThemAll()
    {
        WindowFixture window(quickGaussian());
        QVERIFY(window.waitForCompletedRun());
        QVERIFY(QTest::qWaitForWindowExposed(&window.window));
        const QVector<MetricChart*>& charts = window.charts();
        QVERIFY(charts.size() >= 2);
        MetricChart& chart = *charts.front();
        QVERIFY(!chart.isZoomed());
        QCOMPARE(chart.firstShown(), 0.0);

        // A drag from generation 4 to generation 12 shows just those, in every chart.
        QTest::mousePress(chart.viewport(), Qt::LeftButton, Qt::NoModifier, pointAt(chart, 4));
        QTest::mouseMove(chart.viewport(), pointAt(chart, 8));
        QTest::mouseRelease(chart.viewport(), Qt::LeftButton, Qt::NoModifier, pointAt(chart, 12));
        QVERIFY(chart.isZoomed());
        // The drag ends on whole pixels: within a pixel's generations of where it was asked.
        const double pixel = (chart.lastShown() - chart.firstShown()) / chart.chart()->plotArea().width();
        QVERIFY2(std::abs(chart.firstShown() - 4) < 2 * pixel + 1e-9, qPrintable(QString::number(chart.firstShown())));
        QVERIFY2(std::abs(chart.lastShown() - 12) < 2 * pixel + 1e-9, qPrintable(QString::number(chart.lastShown())));
        QVERIFY(chartsAgree(charts));

        // A double-click shows them all again.
        QTest::mouseDClick(chart.viewport(), Qt::LeftButton, Qt::NoModifier, pointAt(*charts.back(), 6));
        QVERIFY(!chart.isZoomed());
        QCOMPARE(chart.firstShown(), 0.0);
        QCOMPARE(chart.lastShown(), double(kGenerations - 1));
        QVERIFY(chartsAgree(charts));

        // One wheel step in shows kZoomStep of the generations, around the pointer.
        const QPoint at = pointAt(chart, 10);
        QWheelEvent wheel(at, chart.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(chart.viewport(), &wheel);
        QVERIFY(chart.isZoomed());
        QCOMPARE(chart.lastShown() - chart.firstShown(), MetricChart::kZoomStep * (kGenerations - 1));
        QVERIFY(chart.firstShown() < 10 && chart.lastShown() > 10);
        QVERIFY(chartsAgree(charts));

        // Esc, with the chart focused, shows all; + zooms in again; the View menu's command shows all.
        chart.setFocus();
        QTest::keyClick(&chart, Qt::Key_Escape);
        QVERIFY(!chart.isZoomed());
        QTest::keyClick(&chart, Qt::Key_Plus);
        QVERIFY(chart.isZoomed());
        QVERIFY(chartsAgree(charts));
        QTest::keyClick(&chart, Qt::Key_Minus);
        QTest::keyClick(&chart, Qt::Key_Minus);
        QVERIFY2(!chart.isZoomed() || chart.lastShown() - chart.firstShown() >= kGenerations - 1 - 1e-9,
                 "zooming out past the run shows it all");
        QTest::keyClick(&chart, Qt::Key_Plus);
        QVERIFY(chart.isZoomed());
        QAction* showAll = nullptr;
        for (QAction* action : window.window.findChildren<QAction*>()) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_0)) {
                showAll = action;
            }
        }
        QVERIFY2(showAll != nullptr, "no command for all generations under Ctrl+0");
        showAll->trigger();
        QVERIFY(!chart.isZoomed());
        QVERIFY(chartsAgree(charts));
    }

    void zoomKeepsToTheRun()
    {
        MetricChart chart(gaussian_metrics::mean);
        chart.resetRun(kGenerations, 0.0);
        chart.updateData(history_);
        chart.showGenerations(-50.0, 3.0);
        QCOMPARE(chart.firstShown(), 0.0);
        QVERIFY(chart.lastShown() >= 2.0);
        chart.showGenerations(5.0, 5.0);
        QVERIFY2(chart.lastShown() - chart.firstShown() >= 2.0 - 1e-9, "a range under two generations");
        chart.showGenerations(0.0, 1e9);
        QCOMPARE(chart.lastShown(), double(kGenerations - 1));
    }

    void theLegendHidesWhatItNames()
    {
        const auto shown = shownChart(gaussian_metrics::standardDeviation, history_, QSize(520, 340));
        MetricChart& chart = *shown;
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QVector<MetricChart::LegendHit> hits = chart.legendHits();
        QCOMPARE(hits.size(), 3);
        const int medians = visibleSeries(chart, QAbstractSeries::SeriesTypeLine);
        const int bands = visibleSeries(chart, QAbstractSeries::SeriesTypeArea);
        QVERIFY(medians >= 2 && bands >= 1);

        for (const MetricChart::LegendHit& hit : hits) {
            QCOMPARE(hit.parts.size(), 1);
            const MetricChart::Part part = hit.parts.front();
            QVERIFY(chart.isShown(part));
            const QPoint centre = chart.mapFromScene(hit.area.center());
            QTest::mouseClick(chart.viewport(), Qt::LeftButton, Qt::NoModifier, centre);
            QVERIFY(!chart.isShown(part));
            if (part == MetricChart::Part::FirstBand) {
                QCOMPARE(visibleSeries(chart, QAbstractSeries::SeriesTypeArea), 0);
            } else {
                QVERIFY(visibleSeries(chart, QAbstractSeries::SeriesTypeLine) < medians);
            }
            QVERIFY2(!chart.isZoomed(), "a click on the legend is not a drag");
            QTest::mouseClick(chart.viewport(), Qt::LeftButton, Qt::NoModifier, centre);
            QVERIFY(chart.isShown(part));
            QCOMPARE(visibleSeries(chart, QAbstractSeries::SeriesTypeLine), medians);
            QCOMPARE(visibleSeries(chart, QAbstractSeries::SeriesTypeArea), bands);
        }
    }

    void aComparisonsLegendNamesItsSides()
    {
        RunHistory accumulated;
        computeHistory(accumulated, collapse::testing::smallGaussian(kGenerations, 8, 40, Policy::Accumulate));
        const auto shown = shownChart(gaussian_metrics::standardDeviation, history_, QSize(520, 340), &accumulated,
                                      {QStringLiteral("replace"), QStringLiteral("accumulate")});
        MetricChart& chart = *shown;
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QVector<MetricChart::LegendHit> hits = chart.legendHits();
        QCOMPARE(hits.size(), 2);
        QTest::mouseClick(chart.viewport(), Qt::LeftButton, Qt::NoModifier, chart.mapFromScene(hits[1].area.center()));
        QVERIFY(!chart.isShown(MetricChart::Part::SecondMedian));
        QVERIFY(!chart.isShown(MetricChart::Part::SecondBand));
        QVERIFY(chart.isShown(MetricChart::Part::FirstMedian));

        QTest::mouseMove(chart.viewport(), pointAt(chart, 5));
        QVERIFY2(chart.hoverText().contains(QStringLiteral("replace: ")) &&
                     chart.hoverText().contains(QStringLiteral("accumulate: ")),
                 qPrintable(chart.hoverText()));
        QVERIFY(chart.dataCsv().startsWith(QStringLiteral("generation,replace std_median,replace std_q10,replace std_q90,"
                                                          "accumulate std_median,accumulate std_q10,accumulate std_q90\n")));
    }

    void theContextMenuCopiesTheRunsNumbers()
    {
        const auto shown = shownChart(gaussian_metrics::standardDeviation, history_, QSize(480, 320));
        MetricChart& chart = *shown;
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QGuiApplication::clipboard()->clear();

        bool copied = false;
        QTimer::singleShot(0, this, [&copied] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QVERIFY(menu != nullptr);
            for (QAction* action : menu->actions()) {
                if (action->text() == QStringLiteral("Copy Data as CSV")) {
                    action->trigger();
                    copied = true;
                }
            }
            menu->close();
        });
        const QPoint at = pointAt(chart, 3);
        QContextMenuEvent request(QContextMenuEvent::Mouse, at, chart.viewport()->mapToGlobal(at));
        QApplication::sendEvent(chart.viewport(), &request);
        QVERIFY2(copied, "no 'Copy Data as CSV' in the menu");

        const QStringList rows = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), kGenerations + 1);
        QCOMPARE(rows.front(), QStringLiteral("generation,std_median,std_q10,std_q90"));
        const RunHistory::Band& band = history_.band(gaussian_metrics::standardDeviation);
        for (int g = 0; g < kGenerations; ++g) {
            const QStringList fields = rows[g + 1].split(QLatin1Char(','));
            QCOMPARE(fields.size(), 4);
            QCOMPARE(fields[0].toInt(), g);
            // Shortest round-trip numbers: the very doubles the run holds.
            QCOMPARE(fields[1].toDouble(), band.median[g]);
            QCOMPARE(fields[2].toDouble(), band.q10[g]);
            QCOMPARE(fields[3].toDouble(), band.q90[g]);
        }
    }

private:
    RunHistory history_;
};

QTEST_MAIN(MetricChartTest)
#include "test_metric_chart.moc"
