#pragma once

#include "core/collapse_stage.h"

#include <QString>

namespace collapse::ui {

class RunHistory;

// The evidence for the "what you are seeing" line at a generation: medians across replicates, the
// spread relative to generation 0's (the model fitted to real data).
StageEvidence evidenceAt(const RunHistory& history, int generation);

// One or two plain sentences for a stage of collapse.
QString narrate(CollapseStage stage);

} // namespace collapse::ui
