#pragma once

#include "core/reproduction.h"

#include <vector>

namespace collapse {

// The gaussian's part of `collapselab-cli reproduce`: Theorem 3.1 and the paper's notebook, the 1-D
// Gaussian refitted to its own samples for four sample sizes and both variance estimators, judged
// against the closed forms (core/README.md, "Reproducing the paper").
std::vector<ReproductionExperiment> gaussianReproduction(const ReproductionRequest& request);

} // namespace collapse
