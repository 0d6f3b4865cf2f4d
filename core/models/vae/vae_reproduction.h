#pragma once

#include "core/reproduction.h"

#include <vector>

namespace collapse {

// The VAE's part of `collapselab-cli reproduce`: the paper's Fig. 3, a VAE trained for 5 generations on
// its own images, the latent codes' spread judged against the paper's; at the paper's scale on all of
// Fashion-MNIST where `request.fullImages` holds it.
std::vector<ReproductionExperiment> vaeReproduction(const ReproductionRequest& request);

} // namespace collapse
