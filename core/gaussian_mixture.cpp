#include "core/gaussian_mixture.h"

#include "core/random.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace collapse {

namespace {

constexpr double kLogTwoPi = 1.8378770664093454836;

// The Cholesky factor of a symmetric matrix, after clamping its eigenvalues when it is not positive
// definite (as mlpack's PositiveDefiniteConstraint does), so a collapsed component keeps a density.
Eigen::MatrixXd repairedCholesky(Eigen::MatrixXd& covariance, double eigenvalueFloor)
{
    const Eigen::LLT<Eigen::MatrixXd> llt(covariance);
    if (llt.info() == Eigen::Success) {
        Eigen::MatrixXd lower = llt.matrixL();
        if ((lower.diagonal().array() > 0.0).all()) {
            return lower;
        }
    }
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(covariance);
    const double scale = std::max(eigen.eigenvalues().cwiseAbs().maxCoeff(), 1.0);
    const double floor = std::max(eigenvalueFloor, kRelativeEigenvalueFloor * scale);
    const Eigen::VectorXd clamped = eigen.eigenvalues().cwiseMax(floor);
    covariance = eigen.eigenvectors() * clamped.asDiagonal() * eigen.eigenvectors().transpose();
    covariance = 0.5 * (covariance + covariance.transpose()).eval();
    return Eigen::LLT<Eigen::MatrixXd>(covariance).matrixL();
}

} // namespace

GaussianMixture::GaussianMixture(const std::vector<Parameters>& components, double eigenvalueFloor)
{
    if (components.empty()) {
        throw std::invalid_argument("a Gaussian mixture needs at least one component");
    }
    double totalWeight = 0.0;
    for (const auto& parameters : components) {
        totalWeight += parameters.weight;
    }
    components_.reserve(components.size());
    for (const auto& parameters : components) {
        GaussianComponent component;
        component.weight = parameters.weight / totalWeight;
        component.mean = parameters.mean;
        component.covariance = parameters.covariance;
        component.choleskyLower = repairedCholesky(component.covariance, eigenvalueFloor);
        const double logDeterminant = 2.0 * component.choleskyLower.diagonal().array().log().sum();
        component.logNormaliser = -0.5 * (static_cast<double>(component.mean.size()) * kLogTwoPi + logDeterminant);
        components_.push_back(std::move(component));
    }
}

Eigen::VectorXd componentLogDensity(const GaussianComponent& component, const Eigen::Ref<const Samples>& points)
{
    if (points.rows() == 2) {
        // The forward substitution L y = x - μ written out for the plane: at two rows the general
        // triangular solve spends most of its time arranging blocks.
        const auto& lower = component.choleskyLower;
        const double inverse00 = 1.0 / lower(0, 0);
        const double inverse11 = 1.0 / lower(1, 1);
        Eigen::VectorXd result(points.cols());
        for (Eigen::Index i = 0; i < points.cols(); ++i) {
            const double y0 = (points(0, i) - component.mean[0]) * inverse00;
            const double y1 = (points(1, i) - component.mean[1] - y0 * lower(1, 0)) * inverse11;
            result[i] = component.logNormaliser - 0.5 * (y0 * y0 + y1 * y1);
        }
        return result;
    }
    Samples whitened = points.colwise() - component.mean;
    component.choleskyLower.triangularView<Eigen::Lower>().solveInPlace(whitened);
    return (component.logNormaliser - 0.5 * whitened.colwise().squaredNorm().array()).transpose();
}

Eigen::VectorXd GaussianMixture::logDensity(const Eigen::Ref<const Samples>& points) const
{
    // log Σ_k w_k N_k(x), by log-sum-exp so that far-away points do not underflow to log 0.
    Eigen::MatrixXd perComponent(points.cols(), size());
    for (int k = 0; k < size(); ++k) {
        perComponent.col(k) = componentLogDensity(components_[static_cast<std::size_t>(k)], points).array() +
                              std::log(components_[static_cast<std::size_t>(k)].weight);
    }
    const Eigen::VectorXd largest = perComponent.rowwise().maxCoeff();
    // exp on a plain array of its own, which Eigen vectorises (it does not through a broadcast).
    Eigen::ArrayXXd shifted = perComponent.colwise() - largest;
    shifted = shifted.exp();
    Eigen::ArrayXd logSum = shifted.rowwise().sum();
    logSum = logSum.log() + largest.array();
    return logSum.matrix();
}

Eigen::VectorXd GaussianMixture::overallMean() const
{
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(dimension());
    for (const auto& component : components_) {
        mean += component.weight * component.mean;
    }
    return mean;
}

Eigen::MatrixXd GaussianMixture::overallCovariance() const
{
    const Eigen::VectorXd mean = overallMean();
    Eigen::MatrixXd covariance = Eigen::MatrixXd::Zero(dimension(), dimension());
    for (const auto& component : components_) {
        const Eigen::VectorXd offset = component.mean - mean;
        covariance += component.weight * (component.covariance + offset * offset.transpose());
    }
    return covariance;
}

void GaussianMixture::sampleInto(Samples& points, Eigen::Index count, double covarianceScale, RandomStream& random) const
{
    const double spread = std::sqrt(covarianceScale);
    const int d = dimension();
    points.resize(d, count);
    if (components_.size() == 1) {
        // One component needs no choice per point: all the normals at once, then one product.
        const GaussianComponent& component = components_.front();
        random.fillNormals({points.data(), static_cast<std::size_t>(points.size())});
        points = ((spread * component.choleskyLower) * points).colwise() + component.mean;
        return;
    }
    std::vector<double> weights;
    for (const auto& component : components_) {
        weights.push_back(component.weight);
    }
    // Each point's component and standard normals drawn for all points at once, then moved in place.
    std::vector<std::size_t> labels(static_cast<std::size_t>(count));
    random.fillLabelledNormals(weights, labels, {points.data(), static_cast<std::size_t>(points.size())});
    Eigen::VectorXd standard(d);
    for (Eigen::Index i = 0; i < count; ++i) {
        const auto& component = components_[labels[static_cast<std::size_t>(i)]];
        standard = points.col(i);
        points.col(i) = component.mean + spread * (component.choleskyLower * standard);
    }
}

double l2DistanceSquared(const GaussianMixture& p, const GaussianMixture& q)
{
    const auto crossIntegral = [](const GaussianMixture& a, const GaussianMixture& b) {
        double total = 0.0;
        for (const auto& ca : a.components()) {
            for (const auto& cb : b.components()) {
                GaussianComponent sum;
                sum.mean = cb.mean;
                Eigen::MatrixXd covariance = ca.covariance + cb.covariance;
                const Eigen::LLT<Eigen::MatrixXd> llt(covariance);
                sum.choleskyLower = llt.matrixL();
                sum.logNormaliser = -0.5 * (static_cast<double>(cb.mean.size()) * kLogTwoPi +
                                            2.0 * sum.choleskyLower.diagonal().array().log().sum());
                total += ca.weight * cb.weight * std::exp(componentLogDensity(sum, ca.mean)[0]);
            }
        }
        return total;
    };
    return crossIntegral(p, p) - 2.0 * crossIntegral(p, q) + crossIntegral(q, q);
}

} // namespace collapse
