#include "ui/narration.h"

#include "core/model_registry.h"
#include "ui/run_history.h"

#include <QObject>

#include <cmath>

namespace collapse::ui {

StageEvidence evidenceAt(const RunHistory& history, int generation)
{
    StageEvidence evidence;
    evidence.generation = generation;
    // A model whose generation 0 already puts nothing in the tails (a VAE's smooth samples) has no
    // tails to lose: only its spread tells.
    const MetricRoles& roles = history.scenario().model().roles;
    const RunHistory::Band& tails = history.band(*roles.rarity);
    if (generation < tails.median.size() && tails.median[0] > 0.0) {
        evidence.tails = tails.median[generation] / tails.median[0];
    }
    // The spread relative to generation 0's, the model fitted to real data.
    const RunHistory::Band& spread = history.band(*roles.spread);
    if (generation < spread.median.size() && spread.median[0] > 0.0) {
        evidence.spread = spread.median[generation] / spread.median[0];
    }
    return evidence;
}

QString narrate(CollapseStage stage)
{
    switch (stage) {
    case CollapseStage::RealData:
        return QObject::tr("Generation 0 learns from real data: the model is as close to the original as it "
                           "will ever be.");
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
