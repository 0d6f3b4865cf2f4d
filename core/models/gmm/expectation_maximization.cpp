#include "core/models/gmm/expectation_maximization.h"

#include "core/random.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>

namespace collapse {

namespace {

constexpr double kLogTwoPi = 1.8378770664093454836;
// scikit-learn adds 10 machine epsilons to every component's responsibility mass, so that an empty
// component never divides by zero.
constexpr double kMassEpsilon = 10.0 * std::numeric_limits<double>::epsilon();
constexpr int kMaxLloydIterations = 100;

// EM on points of a fixed dimension. The points are held as one contiguous array per coordinate
// (count x dim, column-major) and visited a block at a time: each block's responsibilities are computed
// (vectorised down the block, one component at a time) and folded at once into every component's
// sufficient statistics, so an iteration is one pass over the points and nothing per point outlives
// its block. The statistics are taken around each component's mean before the pass (Chan, Golub &
// LeVeque, "Algorithms for computing the sample variance", 1983: shifted data), so that the covariance
// Q/N − δδᵀ never subtracts two large, nearly equal numbers, however narrow a component has become.
template <int Dim>
class EmFitter {
public:
    using Coordinates = Eigen::Matrix<double, Eigen::Dynamic, Dim>;
    using Vector = Eigen::Matrix<double, Dim, 1>;
    using Matrix = Eigen::Matrix<double, Dim, Dim>;

    EmFitter(const Eigen::Ref<const Samples>& data, const EmOptions& options)
        : data_(data), coordinates_(data.transpose()), options_(options), count_(data.cols()),
          dim_(static_cast<int>(data.rows())), k_(options.components), means_(static_cast<std::size_t>(k_)),
          covariances_(static_cast<std::size_t>(k_)), lowers_(static_cast<std::size_t>(k_)),
          inverseLowers_(static_cast<std::size_t>(k_)), logWeights_(k_), logNormalisers_(k_),
          moments_(static_cast<std::size_t>(k_)), logDensity_(kBlock, k_), responsibility_(kBlock, k_),
          largest_(kBlock), sum_(kBlock), scratch_(kBlock), centred_(kBlock, dim_)
    {
    }

    GaussianMixture fit(RandomStream& random, EmReport* report)
    {
        initialise(random);
        double previous = -std::numeric_limits<double>::infinity();
        double current = previous;
        int iteration = 0;
        bool converged = false;
        while (iteration < options_.maxIterations) {
            ++iteration;
            current = expectation();
            maximisation();
            // The same test as scikit-learn: |Δ mean log-likelihood| < tol.
            if (std::abs(current - previous) < options_.tolerance) {
                converged = true;
                break;
            }
            previous = current;
        }
        if (report != nullptr) {
            report->iterations = iteration;
            report->converged = converged;
            report->meanLogLikelihood = current;
        }
        return result();
    }

private:
    // Points are visited this many at a time: a block's arrays stay in the first-level cache.
    static constexpr Eigen::Index kBlock = 256;

    // Σ r, Σ r², Σ r d and Σ r d dᵀ (its lower half) of one component over the points so far, with
    // d = x − shift.
    struct Moments {
        Vector shift;
        double mass = 0.0;
        double squaredMass = 0.0;
        Vector first;
        Matrix second;
    };

    void startMoments()
    {
        for (int k = 0; k < k_; ++k) {
            Moments& m = moments_[static_cast<std::size_t>(k)];
            m.shift = means_[static_cast<std::size_t>(k)];
            m.mass = 0.0;
            m.squaredMass = 0.0;
            m.first = Vector::Zero(dim_);
            m.second = Matrix::Zero(dim_, dim_);
        }
    }

    // Folds the responsibilities of the points [start, start + size) (the first `size` rows of
    // responsibility_) into every component's moments.
    void accumulate(Eigen::Index start, Eigen::Index size)
    {
        if constexpr (Dim == 1 || Dim == 2) {
            accumulateFused(start, size);
            return;
        }
        for (int k = 0; k < k_; ++k) {
            Moments& m = moments_[static_cast<std::size_t>(k)];
            const auto r = responsibility_.col(k).head(size);
            m.mass += r.sum();
            m.squaredMass += r.square().sum();
            for (int a = 0; a < dim_; ++a) {
                centred_.col(a).head(size) = coordinates_.col(a).segment(start, size).array() - m.shift[a];
                m.first[a] += (r * centred_.col(a).head(size)).sum();
                for (int b = 0; b <= a; ++b) {
                    m.second(a, b) += (r * centred_.col(a).head(size) * centred_.col(b).head(size)).sum();
                }
            }
        }
    }

    // accumulate() in one pass over the block per component for points of one or two coordinates: all
    // the sums in registers at once, which the compiler vectorises (OpenMP SIMD reduction).
    void accumulateFused(Eigen::Index start, Eigen::Index size)
    {
        const double* x0 = coordinates_.col(0).data() + start;
        const double* x1 = coordinates_.col(Dim - 1).data() + start;
        for (int k = 0; k < k_; ++k) {
            Moments& m = moments_[static_cast<std::size_t>(k)];
            const double* r = responsibility_.col(k).data();
            const double shift0 = m.shift[0];
            const double shift1 = m.shift[Dim - 1];
            double mass = 0.0, squaredMass = 0.0, first0 = 0.0, first1 = 0.0;
            double second00 = 0.0, second10 = 0.0, second11 = 0.0;
#pragma omp simd reduction(+ : mass, squaredMass, first0, first1, second00, second10, second11)
            for (Eigen::Index i = 0; i < size; ++i) {
                const double d0 = x0[i] - shift0;
                mass += r[i];
                squaredMass += r[i] * r[i];
                first0 += r[i] * d0;
                second00 += r[i] * d0 * d0;
                if constexpr (Dim == 2) {
                    const double d1 = x1[i] - shift1;
                    first1 += r[i] * d1;
                    second10 += r[i] * d1 * d0;
                    second11 += r[i] * d1 * d1;
                }
            }
            m.mass += mass;
            m.squaredMass += squaredMass;
            m.first[0] += first0;
            m.second(0, 0) += second00;
            if constexpr (Dim == 2) {
                m.first[1] += first1;
                m.second(1, 0) += second10;
                m.second(1, 1) += second11;
            }
        }
    }

    void initialise(RandomStream& random)
    {
        const Samples centres = kMeansCentres(data_, k_, random);
        // Where a cluster ends up empty, the M-step keeps these parameters: the cluster's centre and
        // the spread of the whole data set.
        const Vector overallMean = coordinates_.colwise().mean().transpose();
        const Coordinates centred = coordinates_.rowwise() - overallMean.transpose();
        Matrix spread = (centred.transpose() * centred) / static_cast<double>(std::max<Eigen::Index>(count_, 1));
        spread.diagonal().array() += options_.regCovar;
        for (int k = 0; k < k_; ++k) {
            means_[static_cast<std::size_t>(k)] = centres.col(k);
            covariances_[static_cast<std::size_t>(k)] = spread;
        }
        // Hard assignment to the nearest centre gives the first responsibilities; the block's squared
        // distances to the centres wait in logDensity_ meanwhile.
        startMoments();
        for (Eigen::Index start = 0; start < count_; start += kBlock) {
            const Eigen::Index size = std::min(kBlock, count_ - start);
            for (int k = 0; k < k_; ++k) {
                sum_.head(size).setZero();
                for (int a = 0; a < dim_; ++a) {
                    sum_.head(size) += (coordinates_.col(a).segment(start, size).array() - centres(a, k)).square();
                }
                logDensity_.col(k).head(size) = sum_.head(size);
            }
            responsibility_.topRows(size).setZero();
            for (Eigen::Index i = 0; i < size; ++i) {
                Eigen::Index nearest = 0;
                logDensity_.row(i).minCoeff(&nearest);
                responsibility_(i, nearest) = 1.0;
            }
            accumulate(start, size);
        }
        maximisation();
    }

    // Responsibilities for the current parameters, computed in log space and normalised by
    // log-sum-exp over components, folded into the moments; returns the mean log-likelihood per point.
    double expectation()
    {
        startMoments();
        double logLikelihood = 0.0;
        for (Eigen::Index start = 0; start < count_; start += kBlock) {
            const Eigen::Index size = std::min(kBlock, count_ - start);
            for (int k = 0; k < k_; ++k) {
                const auto kk = static_cast<std::size_t>(k);
                // Squared Mahalanobis distance |L^{-1} (x - μ)|²: in the plane, one expression Eigen
                // evaluates in a single pass; otherwise one whitened coordinate at a time.
                const Matrix& inverse = inverseLowers_[kk];
                const double logScale = logWeights_[k] + logNormalisers_[k];
                if constexpr (Dim == 2) {
                    const auto x0 = coordinates_.col(0).segment(start, size).array() - means_[kk][0];
                    const auto x1 = coordinates_.col(1).segment(start, size).array() - means_[kk][1];
                    logDensity_.col(k).head(size) =
                        logScale - 0.5 * ((inverse(0, 0) * x0).square() + (inverse(1, 0) * x0 + inverse(1, 1) * x1).square());
                } else {
                    sum_.head(size).setZero();
                    for (int a = 0; a < dim_; ++a) {
                        scratch_.head(size).setZero();
                        for (int b = 0; b <= a; ++b) {
                            scratch_.head(size) +=
                                inverse(a, b) * (coordinates_.col(b).segment(start, size).array() - means_[kk][b]);
                        }
                        sum_.head(size) += scratch_.head(size).square();
                    }
                    logDensity_.col(k).head(size) = logScale - 0.5 * sum_.head(size);
                }
            }
            if (k_ == 2) {
                logLikelihood += normaliseTwoComponents(size);
                accumulate(start, size);
                continue;
            }
            // With m the largest term of a point, r_k = exp(l_k - m) / Σ_j exp(l_j - m) and the point's
            // log-likelihood is m + ln Σ_j exp(l_j - m). Every step runs down a column of the block (its
            // points, one component), which Eigen vectorises.
            largest_.head(size) = logDensity_.col(0).head(size);
            for (int k = 1; k < k_; ++k) {
                largest_.head(size) = largest_.head(size).max(logDensity_.col(k).head(size));
            }
            sum_.head(size).setZero();
            for (int k = 0; k < k_; ++k) {
                // exp on a plain array of its own, which Eigen evaluates with SIMD packets.
                scratch_.head(size) = logDensity_.col(k).head(size) - largest_.head(size);
                responsibility_.col(k).head(size) = scratch_.head(size).exp();
                sum_.head(size) += responsibility_.col(k).head(size);
            }
            scratch_.head(size) = sum_.head(size).log();
            logLikelihood += scratch_.head(size).sum() + largest_.head(size).sum();
            // One division a point, then a product per component: a vector division costs as much as
            // the rest of the step.
            sum_.head(size) = sum_.head(size).inverse();
            for (int k = 0; k < k_; ++k) {
                responsibility_.col(k).head(size) *= sum_.head(size);
            }
            accumulate(start, size);
        }
        return logLikelihood / static_cast<double>(count_);
    }

    // expectation()'s normalisation for two components, with the same values: the larger term's
    // exp(l - m) is exp(0) = 1, and the smaller's is exp(-|l_0 - l_1|), so one exponential a point
    // serves both. Returns the block's summed log-likelihood.
    double normaliseTwoComponents(Eigen::Index size)
    {
        const auto l0 = logDensity_.col(0).head(size);
        const auto l1 = logDensity_.col(1).head(size);
        largest_.head(size) = l0.max(l1);
        scratch_.head(size) = -(l0 - l1).abs();
        scratch_.head(size) = scratch_.head(size).exp();
        sum_.head(size) = 1.0 + scratch_.head(size);
        const double logLikelihood = sum_.head(size).log().sum() + largest_.head(size).sum();
        sum_.head(size) = sum_.head(size).inverse();
        responsibility_.col(0).head(size) = (l0 >= l1).select(sum_.head(size), scratch_.head(size) * sum_.head(size));
        responsibility_.col(1).head(size) = (l1 >= l0).select(sum_.head(size), scratch_.head(size) * sum_.head(size));
        return logLikelihood;
    }

    void maximisation()
    {
        double totalMass = 0.0;
        for (int k = 0; k < k_; ++k) {
            const auto kk = static_cast<std::size_t>(k);
            const Moments& m = moments_[kk];
            const double mass = m.mass + kMassEpsilon;
            totalMass += mass;
            // A component that holds (numerically) no point keeps its mean and covariance; dividing by
            // its mass would give nonsense (mlpack's EMFit does the same).
            if (m.mass > 1e-10) {
                // μ = shift + δ with δ = S / N; Σ r (x − μ)(x − μ)ᵀ = Q − δ Sᵀ − S δᵀ + R δ δᵀ with
                // S = Σ r d, Q = Σ r d dᵀ and R = Σ r.
                const Vector step = m.first / mass;
                means_[kk] = m.shift + step;
                Matrix scatter = m.second.template selfadjointView<Eigen::Lower>();
                scatter -= step * m.first.transpose() + m.first * step.transpose() - m.mass * step * step.transpose();
                // Unbiased weighted covariance divides by (Σr - Σr²/Σr), which is n - 1 for hard
                // assignments; maximum likelihood divides by Σr.
                double denominator = mass;
                if (options_.estimator == Estimator::Unbiased) {
                    const double corrected = mass - m.squaredMass / mass;
                    denominator = corrected > 0.0 ? corrected : mass;
                }
                Matrix covariance = scatter / denominator;
                if (options_.covariance == CovarianceType::Diagonal) {
                    covariance = Matrix(covariance.diagonal().asDiagonal());
                }
                covariance.diagonal().array() += options_.regCovar;
                covariances_[kk] = covariance;
            }
            factorise(k);
        }
        for (int k = 0; k < k_; ++k) {
            logWeights_[k] = std::log((moments_[static_cast<std::size_t>(k)].mass + kMassEpsilon) / totalMass);
        }
    }

    // Caches the Cholesky factor, its inverse and the log-normaliser of component k, repairing a
    // covariance that lost positive definiteness by clamping its eigenvalues at the floor.
    void factorise(int k)
    {
        const auto kk = static_cast<std::size_t>(k);
        Eigen::LLT<Matrix> llt(covariances_[kk]);
        bool usable = llt.info() == Eigen::Success;
        if (usable) {
            lowers_[kk] = llt.matrixL();
            usable = (lowers_[kk].diagonal().array() > 0.0).all();
        }
        if (!usable) {
            Eigen::SelfAdjointEigenSolver<Matrix> eigen(covariances_[kk]);
            const double floor = std::max(options_.regCovar, 1e-12);
            covariances_[kk] = eigen.eigenvectors() * eigen.eigenvalues().cwiseMax(floor).asDiagonal() *
                               eigen.eigenvectors().transpose();
            lowers_[kk] = Eigen::LLT<Matrix>(covariances_[kk]).matrixL();
        }
        inverseLowers_[kk] = lowers_[kk].template triangularView<Eigen::Lower>().solve(Matrix::Identity(dim_, dim_));
        logNormalisers_[k] = -0.5 * (dim_ * kLogTwoPi + 2.0 * lowers_[kk].diagonal().array().log().sum());
    }

    GaussianMixture result() const
    {
        std::vector<GaussianMixture::Parameters> components;
        for (int k = 0; k < k_; ++k) {
            const auto kk = static_cast<std::size_t>(k);
            components.push_back({std::exp(logWeights_[k]), means_[kk], covariances_[kk]});
        }
        return GaussianMixture(components, options_.regCovar);
    }

    const Eigen::Ref<const Samples>& data_;
    const Coordinates coordinates_;
    const EmOptions& options_;
    const Eigen::Index count_;
    const int dim_;
    const int k_;
    std::vector<Vector> means_;
    std::vector<Matrix> covariances_;
    std::vector<Matrix> lowers_;
    std::vector<Matrix> inverseLowers_;
    Eigen::VectorXd logWeights_;
    Eigen::VectorXd logNormalisers_;
    std::vector<Moments> moments_;
    // A block's points, reused by every pass so that an iteration allocates nothing.
    Eigen::ArrayXXd logDensity_;      // points x components: ln w_k + ln N(x_i; μ_k, Σ_k)
    Eigen::ArrayXXd responsibility_;  // points x components
    Eigen::ArrayXd largest_;
    Eigen::ArrayXd sum_;
    Eigen::ArrayXd scratch_;
    Eigen::ArrayXXd centred_;  // points x dim: a block's points minus a component's shift
};

template <int Dim>
Samples kMeansCentresOf(const Eigen::Ref<const Samples>& data, int clusters, RandomStream& random)
{
    using Points = Eigen::Matrix<double, Dim, Eigen::Dynamic>;
    using Vector = Eigen::Matrix<double, Dim, 1>;
    const Eigen::Map<const Points, 0, Eigen::OuterStride<>> points(data.data(), data.rows(), data.cols(),
                                                                   Eigen::OuterStride<>(data.outerStride()));
    const Eigen::Index count = points.cols();
    Points centres(points.rows(), clusters);
    // k-means++: the first centre uniformly, each next one with probability proportional to the squared
    // distance to the nearest centre so far. When every point sits on a centre already (duplicated
    // data), the next centre is drawn uniformly.
    centres.col(0) = points.col(static_cast<Eigen::Index>(random.below(static_cast<std::size_t>(count))));
    Eigen::VectorXd nearestSquared = (points.colwise() - Vector(centres.col(0))).colwise().squaredNorm().transpose();
    for (int c = 1; c < clusters; ++c) {
        const double total = nearestSquared.sum();
        const std::size_t chosen =
            total > 0.0 ? random.categorical(std::span<const double>(nearestSquared.data(), static_cast<std::size_t>(count)))
                        : random.below(static_cast<std::size_t>(count));
        centres.col(c) = points.col(static_cast<Eigen::Index>(chosen));
        nearestSquared =
            nearestSquared.cwiseMin((points.colwise() - Vector(centres.col(c))).colwise().squaredNorm().transpose());
    }
    // Lloyd's iterations, stopped as scikit-learn's KMeans stops: when no point changes cluster or the
    // centres move by less than 1e-4 of the data's mean variance (squared shift summed over centres).
    const Vector overallMean = points.rowwise().mean();
    const double meanVariance =
        (points.colwise() - overallMean).squaredNorm() / static_cast<double>(count * points.rows());
    const double shiftTolerance = 1e-4 * meanVariance;
    std::vector<int> labels(static_cast<std::size_t>(count), -1);
    Eigen::MatrixXd distances(count, clusters);
    for (int iteration = 0; iteration < kMaxLloydIterations; ++iteration) {
        for (int c = 0; c < clusters; ++c) {
            distances.col(c) = (points.colwise() - Vector(centres.col(c))).colwise().squaredNorm().transpose();
        }
        bool changed = false;
        Points sums = Points::Zero(points.rows(), clusters);
        Eigen::VectorXd members = Eigen::VectorXd::Zero(clusters);
        for (Eigen::Index i = 0; i < count; ++i) {
            // The first nearest centre, as minCoeff would pick it, without a visitor along a strided row.
            int label = 0;
            double nearestDistance = distances(i, 0);
            for (int c = 1; c < clusters; ++c) {
                if (distances(i, c) < nearestDistance) {
                    nearestDistance = distances(i, c);
                    label = c;
                }
            }
            changed = changed || labels[static_cast<std::size_t>(i)] != label;
            labels[static_cast<std::size_t>(i)] = label;
            sums.col(label) += points.col(i);
            members[label] += 1.0;
        }
        if (!changed) {
            break;
        }
        double shift = 0.0;
        for (int c = 0; c < clusters; ++c) {
            if (members[c] > 0.0) {
                const Vector moved = sums.col(c) / members[c];
                shift += (moved - centres.col(c)).squaredNorm();
                centres.col(c) = moved;
            }
        }
        if (shift <= shiftTolerance) {
            break;
        }
    }
    return centres;
}

} // namespace

Samples kMeansCentres(const Eigen::Ref<const Samples>& data, int clusters, RandomStream& random)
{
    switch (data.rows()) {
    case 1:
        return kMeansCentresOf<1>(data, clusters, random);
    case 2:
        return kMeansCentresOf<2>(data, clusters, random);
    default:
        return kMeansCentresOf<Eigen::Dynamic>(data, clusters, random);
    }
}

GaussianMixture fitGaussianMixture(const Eigen::Ref<const Samples>& data, const EmOptions& options, RandomStream& random,
                                   EmReport* report)
{
    switch (data.rows()) {
    case 1:
        return EmFitter<1>(data, options).fit(random, report);
    case 2:
        return EmFitter<2>(data, options).fit(random, report);
    default:
        return EmFitter<Eigen::Dynamic>(data, options).fit(random, report);
    }
}

} // namespace collapse
