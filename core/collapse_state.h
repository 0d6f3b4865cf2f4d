#pragma once

#include "core/scenario.h"

#include <string>
#include <vector>

namespace collapse {

// Where a run stands, judged from the median chain's metrics, for the window's "what you are seeing"
// line. Shumailov et al. (Nature 2024) call the loss of the tails early model collapse and the loss of
// the variance late model collapse.
enum class CollapseState {
    RealData,      // generation 0: a model fitted to original data
    Faithful,      // tails and spread still near the original's
    TailsThinning, // the tails have lost a quarter of their mass
    EarlyCollapse, // the tails have lost more than half their mass
    LateCollapse,  // the spread is below a third of generation 0's
    HeldByData,    // many generations in, fresh or accumulated data keeps the model near the original
};

// One chain's metrics relative to its generation 0 (the model fitted to real data).
struct ChainEvidence {
    int generation = 0;
    double tails = 1.0;   // mass beyond the original's central 95%, as a share of generation 0's: 1 unchanged
    double spread = 1.0;  // the model's spread, as a share of generation 0's
    double fitLoss = 0.0; // how much worse the model explains real data than generation 0 (MetricRoles::fit)
};

CollapseState classifyCollapse(const Scenario& scenario, const ChainEvidence& evidence);

// How far along collapse a state is: 0 for a model still like the original (or held there, or fitted to
// real data), up to 3 for late collapse. A chain "has gone as far" as another when its progress is at
// least the other's.
int collapseProgress(CollapseState state);

} // namespace collapse
