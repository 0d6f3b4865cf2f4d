// What each side's stage shows, as View ▸ One Chain, Then and Now and Many Chains set it (Ctrl+Shift+T and
// M toggle the last two):
// then and now puts generation 0 beside the generation on stage; many chains draws nine chains, the chain
// on stage in the middle, each the chain a run with it on stage shows, and the stage comes back to the
// generation it showed. The status of every stage reads the chain it draws.

#include "core/models/gaussian/gaussian_model.h"
#include "core/models/gaussian/gaussian_settings.h"
#include "core/model_registry.h"
#include "tests/common/quick_scenarios.h"
#include "tests/common/window_fixture.h"
#include "ui/run_history.h"
#include "ui/stage_area.h"

#include <QTest>

using namespace collapse;
using namespace collapse::ui;
using collapse::testing::WindowFixture;

namespace {

constexpr int kRunTimeoutMs = 60000;

StageArea* stageArea(const WindowFixture& fixture)
{
    return fixture.window.findChild<StageArea*>();
}

std::vector<int> shownGenerations(const std::vector<StageView*>& stages)
{
    std::vector<int> generations;
    for (const StageView* stage : stages) {
        generations.push_back(stage->shownGeneration());
    }
    return generations;
}

// View ▸ Then and Now or Many Chains by its key, Ctrl+Shift+T or M, on the window made active as a
// lecturer's is (the offscreen platform can leave it inactive after a run's views are made).
void pressCtrlShift(WindowFixture& fixture, Qt::Key key)
{
    fixture.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&fixture.window));
    QTest::keyClick(&fixture.window, key, Qt::ControlModifier | Qt::ShiftModifier);
}

} // namespace

class StageAreaTest : public QObject {
    Q_OBJECT

private slots:
    void thenAndNowKeepsGenerationZeroBeside();
    void thenAndNowOfAComparisonFitsAProjector();
    void manyChainsDrawsNineAroundTheChainOnStage();
    void fewerChainsThanNineAreAllDrawn();
    void eachStageReadsTheChainItDraws();
};

void StageAreaTest::thenAndNowKeepsGenerationZeroBeside()
{
    WindowFixture fixture(collapse::testing::smallGaussian(30, 12, 60));
    QVERIFY(fixture.waitForCompletedRun(kRunTimeoutMs));
    fixture.window.goToGeneration(20);
    pressCtrlShift(fixture, Qt::Key_T);
    QCOMPARE(fixture.window.stageLayout(), StageArea::Layout::ThenAndNow);
    const std::vector<StageView*> stages = stageArea(fixture)->stagesOf(0);
    QCOMPARE(stages.size(), std::size_t(2));
    // Then on the left, now on the right, the side's own stage.
    QCOMPARE(stages[1], fixture.stage());
    QCOMPARE(shownGenerations(stages), (std::vector<int>{0, 20}));
    fixture.window.goToGeneration(7);
    QCOMPARE(shownGenerations(stages), (std::vector<int>{0, 7}));
    // Side by side.
    QTRY_VERIFY(stages[0]->x() + stages[0]->width() <= stages[1]->x());
    // The same key again: one chain.
    pressCtrlShift(fixture, Qt::Key_T);
    QCOMPARE(fixture.window.stageLayout(), StageArea::Layout::OneChain);
    QCOMPARE(stageArea(fixture)->stagesOf(0).size(), std::size_t(1));
}

void StageAreaTest::thenAndNowOfAComparisonFitsAProjector()
{
    // Two sides, four stages in a row, on a 1024-pixel screen: the window stays on the screen, the panel
    // folds away and each stage keeps room for its picture.
    WindowFixture fixture;
    fixture.session.openPreset("accumulate-vs-replace", {{"--generations 5", "generations", 5}});
    fixture.window.resize(1024, 740);
    fixture.window.show();
    fixture.window.setStageLayout(StageArea::Layout::ThenAndNow);
    QVERIFY(fixture.waitForCompletedRun(kRunTimeoutMs));
    QTRY_VERIFY(!fixture.window.isPanelShown());
    QTRY_COMPARE(fixture.window.width(), 1024);
    for (int side = 0; side < 2; ++side) {
        const std::vector<StageView*> stages = stageArea(fixture)->stagesOf(side);
        QCOMPARE(stages.size(), std::size_t(2));
        for (const StageView* stage : stages) {
            QVERIFY2(stage->width() >= 240, qPrintable(QString::number(stage->width())));
        }
    }
}

void StageAreaTest::manyChainsDrawsNineAroundTheChainOnStage()
{
    const Scenario scenario = collapse::testing::smallGaussian(30, 12, 60);
    WindowFixture fixture(scenario);
    QVERIFY(fixture.waitForCompletedRun(kRunTimeoutMs));
    fixture.session.showChain(5);
    QTRY_VERIFY_WITH_TIMEOUT(fixture.session.runs().isComplete(), kRunTimeoutMs);
    fixture.window.goToGeneration(25);
    pressCtrlShift(fixture, Qt::Key_M);
    QCOMPARE(fixture.window.stageLayout(), StageArea::Layout::ManyChains);
    QVERIFY(fixture.session.runs().manyChains());
    QTRY_VERIFY_WITH_TIMEOUT(fixture.session.runs().isComplete(), kRunTimeoutMs);
    // The stage comes back to the generation it showed, with every chain there.
    QTRY_COMPARE_WITH_TIMEOUT(fixture.session.playback().shown(), 25, kRunTimeoutMs);
    const std::vector<StageView*> stages = stageArea(fixture)->stagesOf(0);
    QCOMPARE(stages.size(), std::size_t(kManyChainsShown));
    QCOMPARE(stages[4], fixture.stage());
    QCOMPARE(shownGenerations(stages), std::vector<int>(kManyChainsShown, 25));
    // Three by three: the middle one has four neighbours.
    QTRY_VERIFY(stages[3]->x() < stages[4]->x() && stages[4]->x() < stages[5]->x());
    QVERIFY(stages[1]->y() < stages[4]->y() && stages[4]->y() < stages[7]->y());

    // The first eight chains but the one on stage, each the chain a run with it on stage shows.
    const RunHistory& history = fixture.session.history();
    const std::vector<RunHistory>& more = history.moreChains();
    QCOMPARE(more.size(), std::size_t(kManyChainsShown - 1));
    const std::vector<int> expected{0, 1, 2, 3, 4, 6, 7, 8};
    const MetricDescriptor& mean = gaussian_metrics::mean;
    for (std::size_t k = 0; k < more.size(); ++k) {
        QCOMPARE(more[k].chainAlone(), expected[k]);
        QCOMPARE(more[k].size(), scenario.generations);
        for (int generation : {0, 13, 29}) {
            QCOMPARE(more[k].shownValue(generation, mean), history.value(generation, expected[k], mean));
        }
    }
    const RunHistory alone = [&] {
        RunHistory run;
        computeHistory(run, scenario, 7);
        return run;
    }();
    QVERIFY(more[6].at(29)->samples == alone.at(29)->samples.leftCols(more[6].at(29)->samples.cols()));

    // Back to one chain: one stage, and the runs no longer carry the others.
    pressCtrlShift(fixture, Qt::Key_M);
    QVERIFY(!fixture.session.runs().manyChains());
    QTRY_VERIFY_WITH_TIMEOUT(fixture.session.runs().isComplete(), kRunTimeoutMs);
    QCOMPARE(stageArea(fixture)->stagesOf(0).size(), std::size_t(1));
    QVERIFY(fixture.session.history().moreChains().empty());
}

void StageAreaTest::fewerChainsThanNineAreAllDrawn()
{
    WindowFixture fixture(collapse::testing::smallGaussian(10, 4, 60));
    fixture.window.setStageLayout(StageArea::Layout::ManyChains);
    QVERIFY(fixture.waitForCompletedRun(kRunTimeoutMs));
    const std::vector<StageView*> stages = stageArea(fixture)->stagesOf(0);
    QCOMPARE(stages.size(), std::size_t(4));
    QCOMPARE(stages[2], fixture.stage());
    // Two by two.
    QTRY_COMPARE(stages[0]->y(), stages[1]->y());
    QVERIFY(stages[2]->y() > stages[0]->y());
    QCOMPARE(stages[0]->x(), stages[2]->x());
}

void StageAreaTest::eachStageReadsTheChainItDraws()
{
    // The stage's status (here the mass in the original's tails) is that of the chain on stage, not of
    // the first chain.
    WindowFixture fixture(collapse::testing::smallGaussian(30, 12, 60));
    QVERIFY(fixture.waitForCompletedRun(kRunTimeoutMs));
    fixture.session.showChain(9);
    QTRY_VERIFY_WITH_TIMEOUT(fixture.session.runs().isComplete(), kRunTimeoutMs);
    const RunHistory& history = fixture.session.history();
    const MetricDescriptor& tails = *history.scenario().model().roles.headline;
    for (int generation : {0, 15, 29}) {
        QCOMPARE(history.at(generation)->shownReplicate, 9);
        QCOMPARE(history.shownValue(generation, tails), history.value(generation, 9, tails));
        QVERIFY(history.shownValue(generation, tails) != history.value(generation, 0, tails));
    }
}

QTEST_MAIN(StageAreaTest)
#include "test_stage_area.moc"
