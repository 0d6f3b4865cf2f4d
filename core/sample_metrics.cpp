#include "core/sample_metrics.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace collapse {

namespace {

// Rows are computed in blocks of this many points, so that a block's distances stay in cache.
constexpr Eigen::Index kDistanceBlock = 256;

// Squared distances from each column of `from` (a row each) to each column of `to` (a column each):
// ||a||² + ||b||² − 2 aᵀb. The result lies in a buffer of the calling thread, kept from call to call
// rather than mapped and unmapped every time, and valid until its next call.
const Eigen::MatrixXd& squaredDistances(const Eigen::Ref<const Eigen::MatrixXd>& from, const Eigen::Ref<const Eigen::MatrixXd>& to)
{
    thread_local Eigen::MatrixXd distances;
    distances.resize(from.cols(), to.cols());
    distances.noalias() = -2.0 * from.transpose() * to;
    distances.colwise() += from.colwise().squaredNorm().transpose();
    distances.rowwise() += to.colwise().squaredNorm();
    distances = distances.cwiseMax(0.0);
    return distances;
}

} // namespace

Eigen::VectorXd kthNeighbourRadii(const Eigen::Ref<const Eigen::MatrixXd>& points, int k)
{
    const Eigen::Index n = points.cols();
    Eigen::VectorXd radii(n);
    // The point itself is its own nearest, at distance 0: the k-th neighbour is the (k + 1)-th smallest.
    const auto kept = static_cast<std::size_t>(std::clamp<Eigen::Index>(k, 0, std::max<Eigen::Index>(n - 1, 0)) + 1);
    const Eigen::Index blocks = (n + kDistanceBlock - 1) / kDistanceBlock;
    // One block is done on this thread: a small set costs less than waking a team.
#pragma omp parallel for schedule(static) if (blocks > 1)
    for (Eigen::Index block = 0; block < blocks; ++block) {
        const Eigen::Index begin = block * kDistanceBlock;
        const Eigen::Index width = std::min(kDistanceBlock, n - begin);
        // A column a point: its distances to all, read in order.
        const Eigen::MatrixXd& distances = squaredDistances(points, points.middleCols(begin, width));
        std::vector<double> smallest(kept);
        for (Eigen::Index i = 0; i < width; ++i) {
            // The kept smallest so far, ascending: one pass, each distance compared with the largest kept.
            std::fill(smallest.begin(), smallest.end(), std::numeric_limits<double>::infinity());
            for (Eigen::Index j = 0; j < n; ++j) {
                const double distance = distances(j, i);
                if (distance < smallest.back()) {
                    auto at = smallest.end() - 1;
                    for (; at != smallest.begin() && *(at - 1) > distance; --at) {
                        *at = *(at - 1);
                    }
                    *at = distance;
                }
            }
            // A NaN distance (a model's sample gone to NaN) is no neighbour; a point without k of them has
            // no ball, NaN, which holds nothing, rather than an infinite one that would hold everything.
            radii[begin + i] = std::isinf(smallest.back()) ? std::numeric_limits<double>::quiet_NaN() : smallest.back();
        }
    }
    return radii;
}

namespace {

// The share of the columns of `queries` within the ball of at least one column of `centres`.
double shareInsideBalls(const Eigen::Ref<const Eigen::MatrixXd>& queries, const Eigen::Ref<const Eigen::MatrixXd>& centres,
                        const Eigen::VectorXd& radii)
{
    const Eigen::Index n = queries.cols();
    const Eigen::Index blocks = (n + kDistanceBlock - 1) / kDistanceBlock;
    std::vector<Eigen::Index> inside(static_cast<std::size_t>(blocks), 0);
#pragma omp parallel for schedule(static) if (blocks > 1)
    for (Eigen::Index block = 0; block < blocks; ++block) {
        const Eigen::Index begin = block * kDistanceBlock;
        const Eigen::Index width = std::min(kDistanceBlock, n - begin);
        // A column a query: its distances to every centre, read in order.
        const Eigen::MatrixXd& distances = squaredDistances(centres, queries.middleCols(begin, width));
        for (Eigen::Index i = 0; i < width; ++i) {
            inside[static_cast<std::size_t>(block)] += ((distances.col(i).array() <= radii.array()).any()) ? 1 : 0;
        }
    }
    Eigen::Index total = 0;
    for (const Eigen::Index count : inside) {
        total += count;
    }
    return static_cast<double>(total) / static_cast<double>(n);
}

Eigen::MatrixXd covarianceOf(const Eigen::Ref<const Eigen::MatrixXd>& points, const Eigen::VectorXd& mean)
{
    const Eigen::MatrixXd centred = points.colwise() - mean;
    return centred * centred.transpose() / static_cast<double>(std::max<Eigen::Index>(1, points.cols() - 1));
}

// The square root of a symmetric positive semi-definite matrix, negative eigenvalues of rounding set to 0.
Eigen::MatrixXd symmetricSquareRoot(const Eigen::MatrixXd& matrix)
{
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(matrix);
    return solver.eigenvectors() * solver.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal() *
           solver.eigenvectors().transpose();
}

} // namespace

PrecisionRecall precisionAndRecall(const Eigen::Ref<const Eigen::MatrixXd>& real, const Eigen::Ref<const Eigen::MatrixXd>& generated,
                                   int k)
{
    return precisionAndRecall(real, kthNeighbourRadii(real, k), generated, k);
}

PrecisionRecall precisionAndRecall(const Eigen::Ref<const Eigen::MatrixXd>& real, const Eigen::VectorXd& realRadii,
                                   const Eigen::Ref<const Eigen::MatrixXd>& generated, int k)
{
    PrecisionRecall result;
    result.precision = shareInsideBalls(generated, real, realRadii);
    result.recall = shareInsideBalls(real, generated, kthNeighbourRadii(generated, k));
    return result;
}

SortedProjections::SortedProjections(const Eigen::Ref<const Eigen::MatrixXd>& points, int directions)
{
    // On the line every direction projects alike: one is the 1-D distance itself.
    const int used = points.rows() == 1 ? 1 : directions;
    sorted_.resize(static_cast<std::size_t>(used));
    for (int d = 0; d < used; ++d) {
        const double angle = std::numbers::pi * d / used;
        const Eigen::Vector2d direction(std::cos(angle), std::sin(angle));
        std::vector<double>& projections = sorted_[static_cast<std::size_t>(d)];
        projections.resize(static_cast<std::size_t>(points.cols()));
        for (Eigen::Index i = 0; i < points.cols(); ++i) {
            projections[static_cast<std::size_t>(i)] = used == 1 ? points(0, i) : direction.dot(points.col(i));
        }
        std::sort(projections.begin(), projections.end());
    }
}

double slicedWasserstein(const SortedProjections& a, const SortedProjections& b)
{
    // The smaller set's sorted projections are paired with the larger set's at the same quantiles, so
    // that the larger set is used whole (sets of equal size pair in order).
    const bool aSmaller = a.size() <= b.size();
    const SortedProjections& small = aSmaller ? a : b;
    const SortedProjections& large = aSmaller ? b : a;
    const std::size_t n = small.size();
    const std::size_t m = large.size();
    double sum = 0.0;
    for (std::size_t d = 0; d < small.directions(); ++d) {
        const std::vector<double>& smallProjections = small.along(d);
        const std::vector<double>& largeProjections = large.along(d);
        for (std::size_t i = 0; i < n; ++i) {
            // The larger set's point at the quantile (i + 1/2)/n.
            const double gap = smallProjections[i] - largeProjections[(2 * i + 1) * m / (2 * n)];
            sum += gap * gap;
        }
    }
    return std::sqrt(sum / static_cast<double>(small.directions() * n));
}

double slicedWasserstein(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b, int directions)
{
    return slicedWasserstein(SortedProjections(a, directions), SortedProjections(b, directions));
}

double frechetDistance(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b)
{
    const Eigen::VectorXd meanA = a.rowwise().mean();
    const Eigen::VectorXd meanB = b.rowwise().mean();
    const Eigen::MatrixXd covarianceA = covarianceOf(a, meanA);
    const Eigen::MatrixXd covarianceB = covarianceOf(b, meanB);
    const Eigen::MatrixXd rootA = symmetricSquareRoot(covarianceA);
    const Eigen::MatrixXd product = rootA * covarianceB * rootA;
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(0.5 * (product + product.transpose()), Eigen::EigenvaluesOnly);
    const double crossTrace = solver.eigenvalues().cwiseMax(0.0).cwiseSqrt().sum();
    return std::max(0.0, (meanA - meanB).squaredNorm() + covarianceA.trace() + covarianceB.trace() - 2.0 * crossTrace);
}

Eigen::MatrixXd regularisedCovariance(const Eigen::Ref<const Eigen::MatrixXd>& points)
{
    Eigen::MatrixXd covariance = covarianceOf(points, points.rowwise().mean());
    // A ridge of a millionth of the mean variance keeps a flat direction (a constant pixel, a feature
    // that never fires, points on a line) from making the covariance singular.
    covariance.diagonal().array() += 1e-6 * covariance.trace() / static_cast<double>(covariance.rows()) + 1e-12;
    return covariance;
}

MahalanobisRegion::MahalanobisRegion(const Eigen::Ref<const Eigen::MatrixXd>& reference, double coverage)
    : mean_(reference.rowwise().mean())
{
    const Eigen::MatrixXd covariance = regularisedCovariance(reference);
    const Eigen::LLT<Eigen::MatrixXd> factor(covariance);
    whitening_ = factor.matrixL().solve(Eigen::MatrixXd::Identity(covariance.rows(), covariance.cols()));
    const Eigen::VectorXd distances = (whitening_ * (reference.colwise() - mean_)).colwise().squaredNorm().transpose();
    std::vector<double> sorted(distances.data(), distances.data() + distances.size());
    std::sort(sorted.begin(), sorted.end());
    const auto at = static_cast<std::size_t>(std::ceil(coverage * static_cast<double>(sorted.size()))) - 1;
    radiusSquared_ = sorted[std::min(at, sorted.size() - 1)];
}

Eigen::Array<bool, Eigen::Dynamic, 1> MahalanobisRegion::outside(const Eigen::Ref<const Eigen::MatrixXd>& points) const
{
    const Eigen::VectorXd distances = (whitening_ * (points.colwise() - mean_)).colwise().squaredNorm().transpose();
    return distances.array() > radiusSquared_;
}

double MahalanobisRegion::outsideShare(const Eigen::Ref<const Eigen::MatrixXd>& points) const
{
    return static_cast<double>(outside(points).count()) / static_cast<double>(points.cols());
}

Eigen::Matrix2Xd MahalanobisRegion::boundary(int count) const
{
    // The whitened circle of radius r mapped back: x = μ + L r (cos θ, sin θ), L the Cholesky factor.
    const Eigen::Matrix2d factor = whitening_.topLeftCorner<2, 2>().inverse();
    Eigen::Matrix2Xd points(2, count);
    for (int i = 0; i < count; ++i) {
        const double angle = 2.0 * std::numbers::pi * i / (count - 1);
        points.col(i) = mean_.head<2>() + factor * (std::sqrt(radiusSquared_) * Eigen::Vector2d(std::cos(angle), std::sin(angle)));
    }
    return points;
}

double totalStd(const Eigen::Ref<const Eigen::MatrixXd>& points)
{
    const Eigen::VectorXd mean = points.rowwise().mean();
    const double trace = (points.colwise() - mean).squaredNorm() / static_cast<double>(std::max<Eigen::Index>(1, points.cols() - 1));
    return std::sqrt(trace / static_cast<double>(points.rows()));
}

double meanPairwiseDistance(const Eigen::Ref<const Eigen::MatrixXd>& points, Eigen::Index most)
{
    const Eigen::Index n = std::min(most, points.cols());
    double sum = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = i + 1; j < n; ++j) {
            sum += (points.col(i) - points.col(j)).norm();
        }
    }
    return n < 2 ? 0.0 : sum / (0.5 * static_cast<double>(n * (n - 1)));
}

} // namespace collapse
