#pragma once

#include "core/reproduction.h"

#include <vector>

namespace collapse {

// The language model's part of `collapselab-cli reproduce`: the paper's Fig. 1b and c, a trigram model
// trained ten times over on its own beam-search writing, with no real text and with 10%.
std::vector<ReproductionExperiment> textReproduction(const ReproductionRequest& request);

} // namespace collapse
