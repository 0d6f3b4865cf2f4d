#include "core/collapse_state.h"

#include "core/model_registry.h"

namespace collapse {

namespace {

constexpr double kThinningTails = 0.75;
constexpr double kCollapsedTails = 0.5;
// Mitigations only show once the unmitigated chain would have collapsed visibly.
constexpr int kGenerationsBeforeJudgingMitigation = 50;

bool mitigated(const Scenario& scenario)
{
    return scenario.humanFraction > 0.0 || scenario.policy == Policy::Accumulate || scenario.policy == Policy::Augment;
}

} // namespace

CollapseState classifyCollapse(const Scenario& scenario, const ChainEvidence& evidence)
{
    if (evidence.generation == 0) {
        return CollapseState::RealData;
    }
    const double tails = evidence.tails;
    const MetricRoles& roles = scenario.model().roles;
    const bool fits = roles.fit != nullptr;
    if (evidence.spread < roles.collapsedSpread) {
        return CollapseState::LateCollapse;
    }
    if (tails < kCollapsedTails || (fits && evidence.fitLoss >= roles.severeFitLoss)) {
        return CollapseState::EarlyCollapse;
    }
    if (tails < kThinningTails || (fits && evidence.fitLoss >= roles.noticeableFitLoss)) {
        return CollapseState::TailsThinning;
    }
    if (mitigated(scenario) && evidence.generation >= kGenerationsBeforeJudgingMitigation) {
        return CollapseState::HeldByData;
    }
    return CollapseState::Faithful;
}

int collapseProgress(CollapseState state)
{
    switch (state) {
    case CollapseState::RealData:
    case CollapseState::Faithful:
    case CollapseState::HeldByData:
        return 0;
    case CollapseState::TailsThinning:
        return 1;
    case CollapseState::EarlyCollapse:
        return 2;
    case CollapseState::LateCollapse:
        return 3;
    }
    return 0;
}

} // namespace collapse
