#pragma once

#include <Eigen/Core>

namespace collapse {

// What a diffusion model's samples are measured by, against a fixed sample of the original; one point (or
// feature vector) per column.

// Improved precision and recall (Kynkäänniemi et al., "Improved precision and recall metric for assessing
// generative models", NeurIPS 2019): each set's manifold is the union of balls around its points, each
// reaching its k-th nearest neighbour in the set. Precision is the share of generated points inside the
// real manifold (are the samples realistic?), recall the share of real points inside the generated one
// (is all of the original still made?).
struct PrecisionRecall {
    double precision = 0.0;
    double recall = 0.0;
};
PrecisionRecall precisionAndRecall(const Eigen::Ref<const Eigen::MatrixXd>& real, const Eigen::Ref<const Eigen::MatrixXd>& generated,
                                   int k = 3);

// The sliced Wasserstein-2 distance (Rabin et al. 2011) between two point sets in the plane: the root
// mean square, over `directions` evenly spaced directions, of the 1-D W₂ distance between the sets'
// projections (sorted projections paired, both sets cut to the smaller size).
double slicedWasserstein(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b,
                         int directions = 64);

// The Fréchet distance between Gaussians fitted to two sets of feature vectors (Dowson & Landau 1982),
// ||μ_a − μ_b||² + tr(Σ_a + Σ_b − 2 (Σ_a^½ Σ_b Σ_a^½)^½): the formula of Heusel et al.'s FID, here in
// whatever feature space the caller gives.
double frechetDistance(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b);

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
