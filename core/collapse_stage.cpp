#include "core/collapse_stage.h"

namespace collapse {

namespace {

constexpr double kThinningTails = 0.75;
constexpr double kCollapsedTails = 0.5;
constexpr double kCollapsedSpread = 1.0 / 3.0;
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
    if (evidence.spread < kCollapsedSpread) {
        return CollapseStage::LateCollapse;
    }
    if (tails < kCollapsedTails) {
        return CollapseStage::EarlyCollapse;
    }
    if (tails < kThinningTails) {
        return CollapseStage::TailsThinning;
    }
    if (mitigated(scenario) && evidence.generation >= kGenerationsBeforeJudgingMitigation) {
        return CollapseStage::HeldByData;
    }
    return CollapseStage::Faithful;
}

} // namespace collapse
