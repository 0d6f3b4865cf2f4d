#pragma once

#include "core/reproduction.h"

#include <vector>

namespace collapse {

// The gaussian's part of `collapselab-cli reproduce`: Theorem 3.1 and the paper's notebook, the 1-D
// Gaussian refitted to its own samples for four sample sizes and both variance estimators, judged
// against the closed forms (core/README.md, "Reproducing the paper"); and Qiao et al.'s selection bias,
// the dispersion ratio after 200 generations with and without biased selection.
std::vector<ReproductionExperiment> gaussianReproduction(const ReproductionRequest& request);

} // namespace collapse
