#pragma once

#include "core/collapse_state.h"

#include <QString>

namespace collapse::ui {

class RunHistory;

// The evidence for the "what you are seeing" line about one chain at a generation: its own rarity and
// spread metrics relative to its generation 0 (the model fitted to real data).
ChainEvidence chainEvidence(const RunHistory& history, int generation, int replicate);

// One or two plain sentences for a state of collapse reached on `evidence`. What holds a model near the
// original depends on the scenario: fresh real data, keeping all data, or both.
QString narrate(CollapseState state, const ChainEvidence& evidence, const Scenario& scenario);
// The same in a few words, for one side of a comparison ("still looks like the original").
QString narrateBriefly(CollapseState state, const ChainEvidence& evidence, const Scenario& scenario);

// The line under a stage: the chain it shows, where that chain stands, and — once chains can differ —
// how many of all the chains have gone as far by this generation ("7 chains in 10 have by now").
QString narrateShownChain(const RunHistory& history, int generation);
// The same in a few words, for one side of a comparison.
QString narrateShownChainBriefly(const RunHistory& history, int generation);

} // namespace collapse::ui
