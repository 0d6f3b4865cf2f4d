#pragma once

#include "core/reproduction.h"

#include <vector>

namespace collapse {

// The diffusion model's part of `collapselab-cli reproduce`: Martínez et al.'s "one category of images"
// retrained on its own output, whose images degraded within two generations ("Towards understanding the
// interaction of generative AI and the Internet", 2023). They print no number, so the rows judge the
// direction of the change per chain.
std::vector<ReproductionExperiment> diffusionReproduction(const ReproductionRequest& request);

} // namespace collapse
