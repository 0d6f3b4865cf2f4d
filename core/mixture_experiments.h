#pragma once

#include "central_region.h"
#include "experiment.h"
#include "gaussian_mixture.h"

namespace collapse {

// A fitted model that is a Gaussian mixture: the gaussian model (one component, 1-D) and gmm.
class MixtureModel : public FittedModel {
public:
    explicit MixtureModel(GaussianMixture mixture) : mixture_(std::move(mixture)) {}
    const GaussianMixture& mixture() const { return mixture_; }
    Samples sample(Eigen::Index count, double samplingBias, RandomStream& random) const override;

private:
    GaussianMixture mixture_;
};

// The gaussian model: a 1-D normal fitted by sample mean and variance to data from p_0 = N(0, 1), the
// setting of Shumailov et al.'s Theorem 3.1.
class GaussianExperiment : public Experiment {
public:
    explicit GaussianExperiment(const Scenario& scenario);
    const std::vector<std::string>& metricNames() const override;
    Samples drawOriginal(Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;

private:
    Estimator estimator_;
};

// The gmm model: a 1-D or 2-D Gaussian mixture fitted by EM to data from a mixture of unit-variance
// clusters.
class GmmExperiment : public Experiment {
public:
    explicit GmmExperiment(const Scenario& scenario);
    const std::vector<std::string>& metricNames() const override;
    Samples drawOriginal(Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;

    const GaussianMixture& original() const { return original_; }

private:
    Scenario scenario_;
    GaussianMixture original_;
    CentralRegion centralRegion_;
    Samples heldOut_;
};

// The original distribution p_0 of a gaussian or gmm scenario. gaussian: N(0, 1). gmm:
// `true_components` unit-variance clusters, centred at the origin when there is one, else on a circle
// (2-D) or a segment (1-D) of radius `separation`; the last cluster weighs `minority_share` and the
// others share the rest.
GaussianMixture originalMixture(const Scenario& scenario);

// The held-out sample size of p_0 on which loglik_real is measured.
inline constexpr Eigen::Index kHeldOutSize = 2000;

} // namespace collapse
