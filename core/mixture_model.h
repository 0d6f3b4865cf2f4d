#pragma once

#include "core/experiment.h"
#include "core/gaussian_mixture.h"

namespace collapse {

// A fitted model that is a Gaussian mixture: the gaussian model (one component, 1-D) and gmm.
class MixtureModel : public FittedModel {
public:
    explicit MixtureModel(GaussianMixture mixture) : mixture_(std::move(mixture)) {}
    const GaussianMixture& mixture() const { return mixture_; }
    Samples sample(Eigen::Index count, double samplingBias, RandomStream& random) const override
    {
        return mixture_.sample(count, samplingBias, random);
    }

private:
    GaussianMixture mixture_;
};

} // namespace collapse
