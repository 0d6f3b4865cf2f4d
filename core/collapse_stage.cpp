#include "core/collapse_stage.h"

#include "core/model_registry.h"

namespace collapse {

namespace {

constexpr double kThinningTails = 0.75;
constexpr double kCollapsedTails = 0.5;
// Mitigations only show once the unmitigated chain would have collapsed visibly.
constexpr int kGenerationsBeforeJudgingMitigation = 50;

bool mitigated(const Scenario& scenario)
{
    return scenario.humanFraction > 0.0 || scenario.policy == Policy::Accumulate;
}

} // namespace

CollapseStage classifyCollapse(const Scenario& scenario, const StageEvidence& evidence)
{
    if (evidence.generation == 0) {
        return CollapseStage::RealData;
    }
    const double tails = evidence.tails;
    const MetricRoles& roles = scenario.model().roles;
    const bool fits = roles.fit != nullptr;
    if (evidence.spread < roles.collapsedSpread) {
        return CollapseStage::LateCollapse;
    }
    if (tails < kCollapsedTails || (fits && evidence.fitLoss >= roles.severeFitLoss)) {
        return CollapseStage::EarlyCollapse;
    }
    if (tails < kThinningTails || (fits && evidence.fitLoss >= roles.noticeableFitLoss)) {
        return CollapseStage::TailsThinning;
    }
    if (mitigated(scenario) && evidence.generation >= kGenerationsBeforeJudgingMitigation) {
        return CollapseStage::HeldByData;
    }
    return CollapseStage::Faithful;
}

int collapseProgress(CollapseStage stage)
{
    switch (stage) {
    case CollapseStage::RealData:
    case CollapseStage::Faithful:
    case CollapseStage::HeldByData:
        return 0;
    case CollapseStage::TailsThinning:
        return 1;
    case CollapseStage::EarlyCollapse:
        return 2;
    case CollapseStage::LateCollapse:
        return 3;
    }
    return 0;
}

} // namespace collapse
