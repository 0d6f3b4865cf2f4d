#pragma once

#include "core/experiment.h"
#include "core/gaussian_mixture.h"

namespace collapse {

// A fitted model that is a Gaussian mixture, which is how the density and scatter stages draw it: the
// gaussian model's normal and the gmm model's mixtures.
class MixtureModel : public FittedModel {
public:
    virtual const GaussianMixture& mixture() const = 0;
};

// A mixture fitted as such (the gmm model's EM result).
class FittedMixture final : public MixtureModel {
public:
    explicit FittedMixture(GaussianMixture mixture) : mixture_(std::move(mixture)) {}
    const GaussianMixture& mixture() const override { return mixture_; }
    void sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const override
    {
        mixture_.sampleInto(out, count, samplingBias, random);
    }

private:
    GaussianMixture mixture_;
};

} // namespace collapse
