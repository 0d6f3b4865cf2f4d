#include "narration.h"

#include "mixture_experiments.h"
#include "run_history.h"

#include <cmath>

namespace collapse::ui {

StageEvidence evidenceAt(const RunHistory& history, int generation)
{
    StageEvidence evidence;
    evidence.generation = generation;
    const RunHistory::Band& tails = history.band("tail_mass");
    if (generation < tails.median.size()) {
        evidence.tailMass = tails.median[generation];
    }
    const Scenario& scenario = history.scenario();
    const RunHistory::Band& spread = history.band(QString::fromStdString(spreadMetric(scenario.model)));
    if (generation < spread.median.size()) {
        const GaussianMixture original = originalMixture(scenario);
        const double originalSpread = std::sqrt(original.overallCovariance().trace() / original.dimension());
        evidence.spread = spread.median[generation] / originalSpread;
    }
    return evidence;
}

QString narrate(CollapseStage stage)
{
    switch (stage) {
    case CollapseStage::RealData:
        return QObject::tr("Generation 0 learns from real data: the model matches the original, with 5% of "
                           "its mass in the tails.");
    case CollapseStage::Faithful:
        return QObject::tr("Each generation learns only from the one before, yet so far the model still looks "
                           "like the original.");
    case CollapseStage::TailsThinning:
        return QObject::tr("The tails are thinning: rare events are drawn less often, so the next model sees "
                           "fewer of them.");
    case CollapseStage::EarlyCollapse:
        return QObject::tr("Early model collapse: the tails are vanishing. Rare events are the first to be "
                           "forgotten.");
    case CollapseStage::LateCollapse:
        return QObject::tr("Late model collapse: the variance is gone. What is left bears little resemblance "
                           "to the original.");
    case CollapseStage::HeldByData:
        return QObject::tr("Real data holds the model near the original: many generations on, there is no "
                           "collapse.");
    }
    return {};
}

} // namespace collapse::ui
