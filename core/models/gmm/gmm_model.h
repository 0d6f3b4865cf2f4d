#pragma once

// The gmm model: a 1-D or 2-D Gaussian mixture fitted by EM to data from a mixture of unit-variance
// clusters (core/README.md, "gmm"); with N(0, I), M = 1000 and K = 2 it is the paper's experiment.

#include "core/central_region.h"
#include "core/experiment.h"
#include "core/gaussian_mixture.h"
#include "core/metric.h"
#include "core/models/gmm/gmm_settings.h"

namespace collapse {

namespace gmm_metrics {

inline constexpr MetricDescriptor loglikReal{
    "loglik_real", COLLAPSE_TRANSLATABLE("Metrics", "Log-likelihood of real data"),
    "Mean log-likelihood, under the model, of a fixed held-out sample of 2000 points of the original."};
inline constexpr MetricDescriptor l2ToOriginal{
    "l2_to_original", COLLAPSE_TRANSLATABLE("Metrics", "L² distance to the original"),
    "The integral of the squared difference of model and original densities, in closed form.", 0.0};
inline constexpr MetricDescriptor totalStd{
    "total_std", COLLAPSE_TRANSLATABLE("Metrics", "Spread (standard deviation)"),
    "Root-mean-square standard deviation per dimension of the whole mixture, so N(0, I) reads 1.", 0.0};
inline constexpr MetricDescriptor minWeight{"min_weight", COLLAPSE_TRANSLATABLE("Metrics", "Smallest component weight"),
                                            "Weight of the mixture's lightest component.", 0.0, 1.0};
inline constexpr MetricDescriptor effectiveComponents{
    "effective_components", COLLAPSE_TRANSLATABLE("Metrics", "Effective components"),
    "exp of the entropy of the component weights: K for equal weights, 1 when one component holds all.", 1.0};
// Each component's root-mean-square standard deviation per dimension, sqrt(trace Σ_k / d): the numbers
// Shumailov et al. print for their two fitted components after 2000 generations (0.0100 and 0.0111).
inline constexpr MetricDescriptor componentStdMin{
    "component_std_min", COLLAPSE_TRANSLATABLE("Metrics", "Narrowest component's spread"),
    "Root-mean-square standard deviation per dimension of the narrowest fitted component.", 0.0};
inline constexpr MetricDescriptor componentStdMax{
    "component_std_max", COLLAPSE_TRANSLATABLE("Metrics", "Widest component's spread"),
    "Root-mean-square standard deviation per dimension of the widest fitted component.", 0.0};

} // namespace gmm_metrics

// The original distribution p_0 of a gmm scenario: `true_components` unit-variance clusters, centred at
// the origin when there is one, else on a circle (2-D) or a segment (1-D) of radius `separation`; the
// last cluster weighs `minority_share` and the others share the rest.
GaussianMixture originalMixture(const GmmSettings& settings);

class GmmExperiment : public Experiment {
public:
    explicit GmmExperiment(const Scenario& scenario);
    void drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;
    void scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates, Selection selection,
                      std::span<double> scores) const override;

    const GaussianMixture& original() const { return original_; }

private:
    int capacity_;
    GmmSettings settings_;
    GaussianMixture original_;
    CentralRegion centralRegion_;
    Samples heldOut_;
};

// The held-out sample size of p_0 on which loglik_real is measured.
inline constexpr Eigen::Index kHeldOutSize = 2000;

} // namespace collapse
