#pragma once

#include "core/samples.h"

#include <Eigen/Core>

#include <vector>

namespace collapse {

class RandomStream;

// One normal component of a mixture, with its Cholesky factor and log-normaliser cached so that
// densities cost one triangular solve per point.
struct GaussianComponent {
    double weight = 1.0;
    Eigen::VectorXd mean;
    Eigen::MatrixXd covariance;
    Eigen::MatrixXd choleskyLower;  // covariance = L L^T
    double logNormaliser = 0.0;     // -(d/2) ln 2π - (1/2) ln det covariance
};

// The smallest eigenvalue a covariance keeps, relative to its scale (at least 1): a component whose data
// all coincide stays a very narrow normal instead of losing its density.
inline constexpr double kRelativeEigenvalueFloor = 1e-12;

// A finite mixture of multivariate normals. Immutable once built; weights sum to one.
class GaussianMixture {
public:
    struct Parameters {
        double weight;
        Eigen::VectorXd mean;
        Eigen::MatrixXd covariance;
    };

    // Covariances that are not positive definite are repaired by clamping their eigenvalues to
    // `eigenvalueFloor` (and to a tiny positive value relative to their scale when the floor is zero).
    explicit GaussianMixture(const std::vector<Parameters>& components, double eigenvalueFloor = 0.0);

    int dimension() const { return static_cast<int>(components_.front().mean.size()); }
    int size() const { return static_cast<int>(components_.size()); }
    const GaussianComponent& component(int k) const { return components_[static_cast<std::size_t>(k)]; }
    const std::vector<GaussianComponent>& components() const { return components_; }

    // log p(x) for each column of `points`.
    Eigen::VectorXd logDensity(const Eigen::Ref<const Samples>& points) const;

    // The mixture's overall mean and covariance (law of total variance).
    Eigen::VectorXd overallMean() const;
    Eigen::MatrixXd overallCovariance() const;

    // Draws `count` points into `out` (resized to them); each component's covariance is scaled by
    // `covarianceScale` (the sampling bias λ (core/README.md): 1 samples faithfully, below 1 samples
    // toward the modes).
    void sampleInto(Samples& out, Eigen::Index count, double covarianceScale, RandomStream& random) const;
    Samples sample(Eigen::Index count, double covarianceScale, RandomStream& random) const
    {
        Samples out;
        sampleInto(out, count, covarianceScale, random);
        return out;
    }

private:
    std::vector<GaussianComponent> components_;
};

// log N(x; mean, covariance) of each column, for a component with cached factor.
Eigen::VectorXd componentLogDensity(const GaussianComponent& component, const Eigen::Ref<const Samples>& points);

// ∫ (p(x) - q(x))² dx in closed form: every cross term is ∫ N(x; a, A) N(x; b, B) dx = N(a; b, A + B).
double l2DistanceSquared(const GaussianMixture& p, const GaussianMixture& q);

} // namespace collapse
