#pragma once

#include "core/reproduction.h"

#include <vector>

namespace collapse {

// Dohmatob et al.'s and Gerstgrasser et al.'s closed forms for linear regression on its own labels,
// replace against accumulate (core/README.md, "regression").
std::vector<ReproductionExperiment> regressionReproduction(const ReproductionRequest& request);

} // namespace collapse
