#pragma once

// The gaussian model: a 1-D normal fitted by sample mean and variance to data from p_0 = N(0, 1), the
// setting of Shumailov et al.'s Theorem 3.1 (core/README.md, "gaussian").

#include "core/experiment.h"
#include "core/gaussian_mixture.h"
#include "core/metric.h"
#include "core/mixture_model.h"
#include "core/models/gaussian/gaussian_settings.h"

#include <mutex>
#include <optional>
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

// A fitted normal N(μ, σ²). Sampling is the chain's innermost loop, so it is done from the two numbers
// alone; the mixture the views draw is built on first use.
class NormalModel final : public MixtureModel {
public:
    // A variance of zero (every sample equal) is kept as the mixture's narrowest width, as
    // GaussianMixture repairs a covariance.
    NormalModel(double mean, double variance);
    double mean() const { return mean_; }
    double standardDeviation() const { return standardDeviation_; }
    void sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const override;
    const GaussianMixture& mixture() const override;

private:
    double mean_;
    double variance_;
    double standardDeviation_;
    mutable std::once_flag mixtureBuilt_;
    mutable std::optional<GaussianMixture> mixture_;
};

class GaussianExperiment : public Experiment {
public:
    explicit GaussianExperiment(const Scenario& scenario);
    // p_0 = N(0, 1).
    static GaussianMixture original();

    void drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;
    void scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates, Selection selection,
                      std::span<double> scores) const override;

private:
    Estimator estimator_;
};

} // namespace collapse
