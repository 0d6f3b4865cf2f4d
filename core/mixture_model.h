#pragma once

#include "core/experiment.h"
#include "core/gaussian_mixture.h"

#include <span>

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

// Selection::Biased's scores (Experiment::scoreSamples): closeness to the biased target, the negative
// squared Mahalanobis distance, in the original's covariance, to the original's mean moved one standard
// deviation up each of its first ⌈d/2⌉ coordinates (after Qiao et al. 2026, whose target moves half the
// coordinates of the true mean).
void scoreByBiasedTarget(const Eigen::VectorXd& originalMean, const Eigen::MatrixXd& originalCovariance,
                         const Eigen::Ref<const Samples>& candidates, std::span<double> scores);

// Selection's scores for a mixture model's samples: ln p(x) under `model`, or scoreByBiasedTarget's.
void scoreMixtureSamples(const MixtureModel& model, const Eigen::VectorXd& originalMean,
                         const Eigen::MatrixXd& originalCovariance, const Eigen::Ref<const Samples>& candidates,
                         Selection selection, std::span<double> scores);

} // namespace collapse
