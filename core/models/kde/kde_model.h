#pragma once

// The kde model: a Gaussian kernel density estimate, each generation the kernels of bandwidth h placed
// on the previous generation's samples (core/README.md, "kde"). Resampling a KDE draws a training point
// and adds N(0, h² I), so each coordinate's variance follows E[v_{g+1}] = (1 − 1/M) v_g + h², whose fixed
// point M h² lies below the original's when h < σ/√M (the points coalesce) and above it otherwise (the
// estimate blurs).

#include "core/experiment.h"
#include "core/gaussian_mixture.h"
#include "core/metric.h"
#include "core/mixture_model.h"
#include "core/models/kde/kde_settings.h"
#include "core/point_sets.h"
#include "core/sample_metrics.h"

#include <functional>
#include <mutex>
#include <optional>

namespace collapse {

namespace kde_metrics {

inline constexpr MetricDescriptor spread{
    "total_std", COLLAPSE_TRANSLATABLE("Metrics", "Spread (RMS standard deviation)"),
    "Root-mean-square standard deviation per coordinate of the estimate itself, √(s² + h²), s² the training "
    "points' variance per coordinate; the normal's is 1.",
    0.0};

inline constexpr MetricDescriptor nllReal{
    "nll_real", COLLAPSE_TRANSLATABLE("Metrics", "Test loss (−log-likelihood of real data)"),
    "Mean negative log-likelihood, under the estimate, of 1000 held-out points of the original: Kazdan et al.'s "
    "test loss."};
inline constexpr MetricDescriptor nllChange{
    "nll_change", COLLAPSE_TRANSLATABLE("Metrics", "Test loss since generation 0"),
    "nll_real less generation 0's in the same chain: below 0 where the data added since has helped the estimate. "
    "Under augment generation 0 is fitted to the real data alone, so this is what the synthetic data is worth."};
inline constexpr MetricDescriptor syntheticHelped{
    "synthetic_helped", COLLAPSE_TRANSLATABLE("Metrics", "Share of chains helped"),
    "1 where nll_change is below 0, else 0: its mean over the chains is the share the data added since generation 0 "
    "has helped.",
    0.0, 1.0};

} // namespace kde_metrics

// The bandwidth of a kde scenario's capacity: capacity / 100.
double kdeBandwidth(int capacity);

// ln p(x) for each column of `points` into `out`, p the estimate with kernels N(xᵢ, h² I) on the columns of
// `centres`: each a log-sum-exp over the kernels, so that a point far from all of them still counts.
void logDensities(const Eigen::Ref<const Samples>& points, const Samples& centres, double bandwidth, std::span<double> out);
// The mean of −ln p(x) over the columns of `points`.
double meanNegativeLogLikelihood(const Eigen::Ref<const Samples>& points, const Samples& centres, double bandwidth);

// A fitted kernel density estimate: equal kernels N(xᵢ, h² I) on the M training points. Sampling draws a
// point and adds its kernel's noise; the mixture the stages draw is built on first use.
class KdeModel final : public MixtureModel {
public:
    KdeModel(Samples points, double bandwidth);
    const Samples& points() const { return points_; }
    double bandwidth() const { return bandwidth_; }
    // The sampling bias λ scales the kernels' variance: λ = 0 resamples the training points as they are.
    void sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const override;
    const GaussianMixture& mixture() const override;
    // The test loss on the experiment's held-out points, worked out by `compute` on first use: generation
    // 0's is read again by every later generation's nll_change.
    double testLoss(const std::function<double()>& compute) const;

private:
    Samples points_;
    double bandwidth_;
    mutable std::once_flag mixtureBuilt_;
    mutable std::optional<GaussianMixture> mixture_;
    mutable std::once_flag testLossFound_;
    mutable double testLoss_ = 0.0;
};

class KdeExperiment : public Experiment {
public:
    explicit KdeExperiment(const Scenario& scenario);

    void drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;

    // Selection's scores: ln p(x) under the estimate, or closeness to the biased target placed by the
    // mean and covariance of the original's fixed sample.
    void scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates, Selection selection,
                      std::span<double> scores) const override;

    // The fixed sample of the original the metrics compare with (1 or 2 rows).
    const Samples& reference() const { return reference_; }

private:
    double bandwidth_;
    bool line_;                      // the 1-D normal, not points in the plane
    std::optional<PointSet> pointSet_;
    Eigen::Matrix2Xd filePoints_;    // a CSV dataset's points
    Samples reference_;
    Eigen::VectorXd referenceRadii_; // its k-NN radii, for precision
    std::optional<SortedProjections> referenceProjections_; // and its projections, for the sliced distance
    std::optional<MahalanobisRegion> central_;
    Eigen::VectorXd referenceMean_;
    Eigen::MatrixXd referenceCovariance_;
};

// The fixed sample of the original a kde scenario is measured against and the stages draw: for the normal
// 2000 points of N(0, 1) (1 x n), else the point set's (core/point_sets.h).
Samples kdeReference(const KdeSettings& settings, std::uint64_t seed);
// Whether the scenario learns the 1-D normal rather than points in the plane.
bool kdeOnLine(const KdeSettings& settings);

} // namespace collapse
