#pragma once

#include "core/reproduction.h"

#include <vector>

namespace collapse {

// The gmm's part of `collapselab-cli reproduce`: the paper's Fig. 2, a two-component mixture fitted by
// EM to 1000 samples of a 2-D N(0, I) and then to its own, for 2050 generations; and Qiao et al.'s
// selection bias on a mixture of two clusters (core/selection_reproduction.h).
std::vector<ReproductionExperiment> gmmReproduction(const ReproductionRequest& request);

} // namespace collapse
