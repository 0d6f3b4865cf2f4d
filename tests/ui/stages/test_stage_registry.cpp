// Every registered model has a picture: a stage that draws its runs, charts of metrics the model
// measures, words for its capacity. Asking a run for a metric its model does not have is caught.

#include "core/model_registry.h"
#include "core/models/cats/cats_model.h"
#include "tests/common/quick_scenarios.h"
#include "ui/run_history.h"
#include "ui/stages/stage_registry.h"
#include "ui/theme.h"

#include <QImage>
#include <QPainter>
#include <QTest>

#include <set>
#include <stdexcept>

using namespace collapse;
using namespace collapse::ui;
using namespace collapse::testing;

class StageRegistryTest : public QObject {
    Q_OBJECT

private slots:
    void everyModelHasOneStage();
    void everyStageDrawsItsModel_data();
    void everyStageDrawsItsModel();
    void anUnknownMetricIsAnError();
};

void StageRegistryTest::everyModelHasOneStage()
{
    std::set<std::string_view> staged;
    for (const StageEntry* entry : registeredStages()) {
        QVERIFY2(findModel(entry->model) != nullptr, entry->model.data());
        QVERIFY2(staged.insert(entry->model).second, entry->model.data());
    }
    for (const ModelDescriptor* model : registeredModels()) {
        QVERIFY2(staged.count(model->name) == 1, model->name.data());
    }
}

void StageRegistryTest::everyStageDrawsItsModel_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < registeredModels().size(); ++i) {
        QTest::addRow("%s", registeredModels()[i]->name.data()) << static_cast<int>(i);
    }
}

void StageRegistryTest::everyStageDrawsItsModel()
{
    QFETCH(int, index);
    const ModelDescriptor& model = *registeredModels()[static_cast<std::size_t>(index)];
    const Scenario scenario = quickScenario(model);
    const StageEntry& entry = stageEntryFor(scenario);
    QCOMPARE(entry.model, model.name);
    QVERIFY(!entry.capacityText(scenario).isEmpty());
    QVERIFY(!entry.kind(scenario).isEmpty());
    const QVector<ChartedMetric> charts = entry.charts(scenario);
    QVERIFY(!charts.isEmpty());
    for (const ChartedMetric& chart : charts) {
        QVERIFY2(model.findMetric(chart.metric->name) == chart.metric, chart.metric->name.data());
    }

    RunHistory history;
    computeHistory(history, scenario);
    for (const ChartedMetric& chart : charts) {
        QCOMPARE(history.band(*chart.metric).median.size(), scenario.generations);
    }
    const std::unique_ptr<StageView> stage = entry.make(scenario);
    stage->resize(960, 540);
    stage->setScenario(scenario);
    stage->showGeneration(history, scenario.generations - 1);
    QCOMPARE(stage->shownGeneration(), scenario.generations - 1);
    QImage picture(960, 540, QImage::Format_ARGB32);
    picture.fill(Qt::white);
    QPainter painter(&picture);
    stage->render(painter, QRectF(0, 0, 960, 540));
    painter.end();
    int drawn = 0;
    for (int y = 0; y < picture.height(); y += 5) {
        for (int x = 0; x < picture.width(); x += 5) {
            drawn += picture.pixel(x, y) != picture.pixel(0, 0) ? 1 : 0;
        }
    }
    QVERIFY2(drawn > 200, qPrintable(QString::number(drawn)));
}

void StageRegistryTest::anUnknownMetricIsAnError()
{
    RunHistory history;
    computeHistory(history, quickScenario(*findModel("gaussian")));
    QVERIFY_THROWS_EXCEPTION(std::logic_error, history.band(cats_metrics::minorityHue));
    QVERIFY_THROWS_EXCEPTION(std::logic_error, history.value(0, 0, cats_metrics::minorityHue));
}

QTEST_MAIN(StageRegistryTest)
#include "test_stage_registry.moc"
