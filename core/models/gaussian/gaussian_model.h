#pragma once

// The gaussian model: a 1-D normal fitted by sample mean and variance to data from p_0 = N(0, 1), the
// setting of Shumailov et al.'s Theorem 3.1 (core/README.md, "gaussian").

#include "core/experiment.h"
#include "core/gaussian_mixture.h"
#include "core/metric.h"
#include "core/models/gaussian/gaussian_settings.h"

#include <vector>

namespace collapse {

namespace gaussian_metrics {

inline constexpr MetricDescriptor mean{"mean", COLLAPSE_TRANSLATABLE("Metrics", "Mean μ"),
                                       "Mean μ of the fitted normal; the original's is 0."};
inline constexpr MetricDescriptor standardDeviation{"std", COLLAPSE_TRANSLATABLE("Metrics", "Standard deviation σ"),
                                      "Standard deviation σ of the fitted normal; the original's is 1.", 0.0};
inline constexpr MetricDescriptor w2{"w2", COLLAPSE_TRANSLATABLE("Metrics", "Distance to the original (W₂)"),
                                     "Wasserstein-2 distance from the fitted normal to N(0, 1), in closed form.", 0.0};

} // namespace gaussian_metrics

class GaussianExperiment : public Experiment {
public:
    explicit GaussianExperiment(const Scenario& scenario);
    // p_0 = N(0, 1).
    static GaussianMixture original();

    Samples drawOriginal(Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;

private:
    Estimator estimator_;
};

} // namespace collapse
