#pragma once

#include "core/metric.h"

#include <Eigen/Core>

#include <vector>

namespace collapse {

// What a model's samples are measured by, against a fixed sample of the original, where the model has no
// density to measure (diffusion) or its density is of little use against a point set (kde); one point (or
// feature vector) per column.

namespace sample_metrics {

inline constexpr MetricDescriptor precision{
    "precision", COLLAPSE_TRANSLATABLE("Metrics", "Precision (samples that look real)"),
    "Share of generated samples inside the real data's k-NN manifold (Kynkäänniemi et al. 2019, k = 3).", 0.0, 1.0};
inline constexpr MetricDescriptor recall{
    "recall", COLLAPSE_TRANSLATABLE("Metrics", "Recall (original still covered)"),
    "Share of real samples inside the generated samples' k-NN manifold (Kynkäänniemi et al. 2019, k = 3).", 0.0, 1.0};
inline constexpr MetricDescriptor slicedWasserstein{
    "sliced_wasserstein", COLLAPSE_TRANSLATABLE("Metrics", "Distance to the original (sliced W₂)"),
    "Sliced Wasserstein-2 distance between the generated points and a fixed sample of the original, over 64 "
    "directions (points only; on a line, the W₂ distance itself).",
    0.0};
inline constexpr MetricDescriptor modesKept{
    "modes_kept", COLLAPSE_TRANSLATABLE("Metrics", "Modes kept (of 8)"),
    "Modes of the ring that still hold a quarter of their share of the generated points (ring only).", 0.0, 8.0};

} // namespace sample_metrics

// Improved precision and recall (Kynkäänniemi et al., "Improved precision and recall metric for assessing
// generative models", NeurIPS 2019): each set's manifold is the union of balls around its points, each
// reaching its k-th nearest neighbour in the set. Precision is the share of generated points inside the
// real manifold (are the samples realistic?), recall the share of real points inside the generated one
// (is all of the original still made?).
// The k of the manifolds, as Kynkäänniemi et al. (2019) chose it.
inline constexpr int kManifoldNeighbours = 3;
struct PrecisionRecall {
    double precision = 0.0;
    double recall = 0.0;
};
PrecisionRecall precisionAndRecall(const Eigen::Ref<const Eigen::MatrixXd>& real, const Eigen::Ref<const Eigen::MatrixXd>& generated,
                                   int k = kManifoldNeighbours);
// The same with the real points' radii (kthNeighbourRadii(real, k)) worked out once, for a model measured
// against one fixed sample every generation.
PrecisionRecall precisionAndRecall(const Eigen::Ref<const Eigen::MatrixXd>& real, const Eigen::VectorXd& realRadii,
                                   const Eigen::Ref<const Eigen::MatrixXd>& generated, int k = kManifoldNeighbours);
// Each point's squared distance to its k-th nearest neighbour in its own set.
Eigen::VectorXd kthNeighbourRadii(const Eigen::Ref<const Eigen::MatrixXd>& points, int k);

// The sliced Wasserstein-2 distance (Rabin et al. 2011) between two point sets in the plane: the root
// mean square, over `directions` evenly spaced directions, of the 1-D W₂ distance between the sets'
// projections (the smaller set's sorted projections paired with the larger set's at the same quantiles).
// Points on a line (one row) have one projection, themselves: the 1-D W₂ distance.
double slicedWasserstein(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b,
                         int directions = 64);

// A point set's sorted projections onto the directions of the sliced distance, for a fixed sample that
// is measured against every generation.
class SortedProjections {
public:
    explicit SortedProjections(const Eigen::Ref<const Eigen::MatrixXd>& points, int directions = 64);
    std::size_t directions() const { return sorted_.size(); }
    std::size_t size() const { return sorted_.front().size(); }
    const std::vector<double>& along(std::size_t direction) const { return sorted_[direction]; }

private:
    std::vector<std::vector<double>> sorted_;
};
// The same distance between two sets' projections, taken with the same number of directions.
double slicedWasserstein(const SortedProjections& a, const SortedProjections& b);

// The Fréchet distance between Gaussians fitted to two sets of feature vectors (Dowson & Landau 1982),
// ||μ_a − μ_b||² + tr(Σ_a + Σ_b − 2 (Σ_a^½ Σ_b Σ_a^½)^½): the formula of Heusel et al.'s FID, here in
// whatever feature space the caller gives.
double frechetDistance(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b);

// The points' covariance (columns are points) with a ridge that keeps it invertible: a flat direction
// (a constant pixel, points on a line) does not make it singular.
Eigen::MatrixXd regularisedCovariance(const Eigen::Ref<const Eigen::MatrixXd>& points);

// A region holding a share of the original: the points whose squared Mahalanobis distance to the
// reference's mean, under its covariance, is at most that of the reference's `coverage` quantile.
class MahalanobisRegion {
public:
    MahalanobisRegion(const Eigen::Ref<const Eigen::MatrixXd>& reference, double coverage);
    // The share of the columns of `points` outside the region.
    double outsideShare(const Eigen::Ref<const Eigen::MatrixXd>& points) const;
    // Whether each column of `points` lies outside the region.
    Eigen::Array<bool, Eigen::Dynamic, 1> outside(const Eigen::Ref<const Eigen::MatrixXd>& points) const;
    // In the plane: the region's boundary, an ellipse through `count` points.
    Eigen::Matrix2Xd boundary(int count) const;

private:
    Eigen::VectorXd mean_;
    Eigen::MatrixXd whitening_; // L⁻¹ of the covariance's Cholesky factor L
    double radiusSquared_ = 0.0;
};

// The root-mean-square standard deviation per dimension, sqrt(tr Σ / d).
double totalStd(const Eigen::Ref<const Eigen::MatrixXd>& points);

// Mean Euclidean distance between the pairs of the first `most` columns.
double meanPairwiseDistance(const Eigen::Ref<const Eigen::MatrixXd>& points, Eigen::Index most);

} // namespace collapse
