// The "what you are seeing" line speaks of the chain on stage: its words follow that chain's own metrics,
// not the median over all chains, and say how many chains have gone as far.

#include "core/collapse_state.h"
#include "core/model_registry.h"
#include "core/models/gmm/gmm_model.h"
#include "tests/common/quick_scenarios.h"
#include "ui/narration.h"
#include "ui/run_history.h"

#include <QTest>

using namespace collapse;
using namespace collapse::ui;
using collapse::testing::presetScenario;

namespace {

// How many chains have gone as far as `state` at `generation` (or, for a model still like the
// original, stay like it), counted here from each chain's own metrics.
int chainsAsFar(const RunHistory& history, int generation, CollapseState state)
{
    int count = 0;
    for (int replicate = 0; replicate < history.scenario().replicates; ++replicate) {
        const int other = collapseProgress(classifyCollapse(history.scenario(), chainEvidence(history, generation, replicate)));
        const int progress = collapseProgress(state);
        count += (progress == 0 ? other == 0 : other >= progress) ? 1 : 0;
    }
    return count;
}

} // namespace

class NarrationTest : public QObject {
    Q_OBJECT

private slots:
    void aChainThatLostItsMinorityIsNotCalledFaithful();
    void catsOfManyColoursAreNotCalledLateCollapse();
    void theWordsFollowTheChainOnStage();
    void whatHoldsTheModelIsNamed();
    void clustersNarrowedToSpikesAreLateCollapse_data();
    void clustersNarrowedToSpikesAreLateCollapse();
    void aWanderingRegressionSpeaksOfItsTestError();
    void blurringImagesAreNotCalledFaithful_data();
    void blurringImagesAreNotCalledFaithful();
};

void NarrationTest::aChainThatLostItsMinorityIsNotCalledFaithful()
{
    // gmm-minority, generation 100: chain 1 has lost its minority cluster and thrown a component far
    // off, while the median over chains still looks much like the original.
    Scenario scenario = presetScenario("gmm-minority");
    scenario.generations = 101;
    RunHistory history;
    computeHistory(history, scenario);
    const ChainEvidence own = chainEvidence(history, 100, 0);
    const CollapseState state = classifyCollapse(scenario, own);
    QVERIFY2(collapseProgress(state) >= collapseProgress(CollapseState::EarlyCollapse),
             qPrintable(QStringLiteral("fit loss %1").arg(own.fitLoss)));
    const QString text = narrateShownChain(history, 100);
    QVERIFY2(!text.contains("still looks like the original"), qPrintable(text));
    QVERIFY2(text.startsWith("Chain 1 of 8: Early model collapse") || text.startsWith("Chain 1 of 8: Late model collapse"),
             qPrintable(text));
    const int asFar = chainsAsFar(history, 100, state);
    QVERIFY2(text.contains(QStringLiteral("%1 of 8 chains have gone as far").arg(asFar)), qPrintable(text));
}

void NarrationTest::clustersNarrowedToSpikesAreLateCollapse_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("generation");
    QTest::addRow("sampling-bias at 20") << "sampling-bias" << 20;
    QTest::addRow("sampling-bias at 60") << "sampling-bias" << 60;
}

void NarrationTest::clustersNarrowedToSpikesAreLateCollapse()
{
    // Where every fitted cluster of the chain on stage is narrower than a third of generation 0's (what the
    // stage draws as dots or lines), the words say the variance is gone, not that the tails are thinning
    // or early collapse: the mixture's total spread, which the distance between clusters keeps up, does
    // not decide it.
    QFETCH(QString, preset);
    QFETCH(int, generation);
    Scenario scenario = presetScenario(preset.toStdString());
    scenario.generations = generation + 1;
    RunHistory history;
    computeHistory(history, scenario);
    const double widest = history.value(generation, 0, gmm_metrics::componentStdMax) / history.value(0, 0, gmm_metrics::componentStdMax);
    const double total = history.value(generation, 0, gmm_metrics::totalStd) / history.value(0, 0, gmm_metrics::totalStd);
    QVERIFY2(widest < 1.0 / 3.0 && total > 1.0 / 3.0,
             qPrintable(QStringLiteral("widest component %1, whole mixture %2 of generation 0's").arg(widest).arg(total)));
    const QString text = narrateShownChain(history, generation);
    QVERIFY2(text.contains("Late model collapse"), qPrintable(text));
}

void NarrationTest::aWanderingRegressionSpeaksOfItsTestError()
{
    // regression-replace-vs-accumulate's replacing side, generation 60: about 60 × 0.112 = 6.7 above
    // generation 0's test error, far past the severe loss of 2; a distance in the regression's own words.
    Scenario scenario = presetScenario("regression-replace-vs-accumulate", 0);
    scenario.generations = 61;
    scenario.replicates = 4;
    RunHistory history;
    computeHistory(history, scenario);
    const ChainEvidence own = chainEvidence(history, 60, 0);
    QCOMPARE(classifyCollapse(scenario, own), CollapseState::EarlyCollapse);
    const QString text = narrateShownChain(history, 60);
    QVERIFY2(text.contains(QStringLiteral("test error up by %1").arg(own.fitLoss, 0, 'f', 2)), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("W\u2082")), qPrintable(text));
}

void NarrationTest::catsOfManyColoursAreNotCalledLateCollapse()
{
    // cats, generation 10: blue is gone from chain 1 but its cats are still orange, yellow and green.
    Scenario scenario = presetScenario("cats");
    scenario.generations = 11;
    RunHistory history;
    computeHistory(history, scenario);
    const ChainEvidence own = chainEvidence(history, 10, 0);
    QVERIFY2(own.spread >= CatsSettings::descriptor().roles.collapsedSpread, qPrintable(QString::number(own.spread)));
    const QString text = narrateShownChain(history, 10);
    QVERIFY2(!text.contains("variance is gone"), qPrintable(text));
    QVERIFY2(text.startsWith(QStringLiteral("Chain 1 of %1:").arg(scenario.replicates)), qPrintable(text));
}

void NarrationTest::theWordsFollowTheChainOnStage()
{
    // The same run with another chain on stage: the same metrics, and words about that chain.
    Scenario scenario = presetScenario("gmm-minority");
    scenario.generations = 101;
    for (const int shown : {0, 3, 6}) {
        RunHistory history;
        computeHistory(history, scenario, shown);
        QCOMPARE(history.at(100)->shownReplicate, shown);
        const ChainEvidence own = chainEvidence(history, 100, shown);
        const CollapseState state = classifyCollapse(scenario, own);
        const QString text = narrateShownChain(history, 100);
        QVERIFY2(text.startsWith(QStringLiteral("Chain %1 of 8: ").arg(shown + 1) + narrate(state, own, scenario)),
                 qPrintable(text));
    }
}

void NarrationTest::whatHoldsTheModelIsNamed()
{
    Scenario accumulate = defaultScenario<GaussianSettings>();
    accumulate.policy = Policy::Accumulate;
    const ChainEvidence unchanged{200, 1.0, 1.0, 0.0};
    QVERIFY(!narrate(CollapseState::HeldByData, unchanged, accumulate).contains("Fresh real data"));
    QVERIFY(narrate(CollapseState::HeldByData, unchanged, accumulate).contains("Keeping all data"));
    Scenario fresh = defaultScenario<GaussianSettings>();
    fresh.humanFraction = 0.1;
    QVERIFY(narrate(CollapseState::HeldByData, unchanged, fresh).contains("Fresh real data"));
    QVERIFY(!narrate(CollapseState::HeldByData, unchanged, fresh).contains("Keeping all data"));
}

QTEST_GUILESS_MAIN(NarrationTest)
void NarrationTest::blurringImagesAreNotCalledFaithful_data()
{
    // vae-fashion's own figures: its generated images never leave the real ones' central region (the tail
    // share stays 0), while the ELBO of real images falls by 15 nats by generation 1 and 45 by generation 3.
    QTest::addColumn<double>("elboLost");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("words");
    QTest::addRow("generation 1") << 15.0 << static_cast<int>(CollapseState::TailsThinning) << "15 nats worse";
    QTest::addRow("generation 3") << 45.0 << static_cast<int>(CollapseState::EarlyCollapse) << "Early model collapse";
}

void NarrationTest::blurringImagesAreNotCalledFaithful()
{
    QFETCH(double, elboLost);
    QFETCH(int, state);
    QFETCH(QString, words);
    const Scenario scenario = presetScenario("vae-fashion");
    ChainEvidence evidence;
    evidence.generation = 3;
    evidence.tails = 1.0;
    evidence.spread = 0.66;
    evidence.fitLoss = elboLost;
    const CollapseState found = classifyCollapse(scenario, evidence);
    QCOMPARE(static_cast<int>(found), state);
    const QString text = narrate(found, evidence, scenario);
    QVERIFY2(text.contains(words) && text.contains(QStringLiteral("%1 nats").arg(elboLost)), qPrintable(text));
}

#include "test_narration.moc"
