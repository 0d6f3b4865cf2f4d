#include "core/central_region.h"

#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace collapse {

namespace {

constexpr int kRaysIn2D = 64;
constexpr double kRayLength = 8.0;  // in standard deviations: beyond it a ray holds < 1e-13 of the mass
constexpr int kRaySteps = 16;
constexpr int kBisections = 24;

// P(radius <= t) for a standard normal in d = 1 (|z|) or d = 2 (the Rayleigh law).
double radialCdf(int dim, double t)
{
    if (dim == 1) {
        return std::erf(t / std::numbers::sqrt2);
    }
    return -std::expm1(-0.5 * t * t);
}

// The radial mass of the stretch of the ray a + t b (t >= 0) inside the disc |y|² <= R²: the roots of
// |b|² t² + 2 (a·b) t + |a|² - R² = 0 bound it, taken in the form that does not cancel (Numerical
// Recipes, 3rd ed., §5.6).
double rayMassInsideEllipse(std::array<double, 2> a, std::array<double, 2> b, double radiusSquared, int dim)
{
    const double bb = b[0] * b[0] + b[1] * b[1];
    const double ab = a[0] * b[0] + a[1] * b[1];
    const double excess = a[0] * a[0] + a[1] * a[1] - radiusSquared;
    if (bb == 0.0) {
        // A component too narrow to leave its point: all its mass is where its mean is.
        return excess <= 0.0 ? 1.0 : 0.0;
    }
    const double discriminant = ab * ab - bb * excess;
    if (!(discriminant > 0.0)) {
        return 0.0;  // the line misses the disc or touches it (or overflowed: then it lies far outside)
    }
    const double q = -(ab + std::copysign(std::sqrt(discriminant), ab));
    const double root1 = q / bb;
    const double root2 = excess / q;
    const double enter = std::max(std::min(root1, root2), 0.0);
    const double leave = std::max(std::max(root1, root2), 0.0);
    return leave > enter ? radialCdf(dim, leave) - radialCdf(dim, enter) : 0.0;
}

} // namespace

CentralRegion::CentralRegion(const GaussianMixture& original, double coverage) : dim_(original.dimension())
{
    if (dim_ == 1) {
        directions_ = {Eigen::Vector2d(1.0, 0.0), Eigen::Vector2d(-1.0, 0.0)};
    } else if (dim_ == 2) {
        for (int i = 0; i < kRaysIn2D; ++i) {
            const double angle = 2.0 * std::numbers::pi * (i + 0.5) / kRaysIn2D;
            directions_.emplace_back(std::cos(angle), std::sin(angle));
        }
    } else {
        throw std::invalid_argument("the central region is implemented for 1-D and 2-D distributions");
    }
    for (const auto& component : original.components()) {
        const auto& lower = component.choleskyLower;
        OriginalComponent unpacked{std::log(component.weight) + component.logNormaliser,
                                   {component.mean[0], dim_ == 2 ? component.mean[1] : 0.0},
                                   lower(0, 0),
                                   dim_ == 2 ? lower(1, 0) : 0.0,
                                   dim_ == 2 ? lower(1, 1) : 1.0};
        original_.push_back(unpacked);
    }
    // The threshold c with P_0(p_0(X) >= c) = coverage, by bisection on log c: the mass inside falls as
    // c rises. The bracket runs from above the highest peak down to far in the tails.
    double high = -std::numeric_limits<double>::infinity();
    for (const auto& component : original.components()) {
        high = std::max(high, originalLogDensity(component.mean.data()));
    }
    high += 1.0;
    double low = high - 200.0;
    for (int i = 0; i < 60; ++i) {
        const double middle = 0.5 * (low + high);
        (massInside(original, middle) > coverage ? low : high) = middle;
    }
    logThreshold_ = 0.5 * (low + high);
}

double CentralRegion::originalLogDensity(const double* point) const
{
    // log Σ_k w_k N_k(x) by log-sum-exp; the whitening solves L y = x - mean by substitution.
    double largest = -std::numeric_limits<double>::infinity();
    double terms[16];
    const std::size_t count = std::min<std::size_t>(original_.size(), 16);
    for (std::size_t k = 0; k < count; ++k) {
        const auto& c = original_[k];
        const double y0 = (point[0] - c.mean[0]) / c.lower00;
        double squared = y0 * y0;
        if (dim_ == 2) {
            const double y1 = (point[1] - c.mean[1] - c.lower10 * y0) / c.lower11;
            squared += y1 * y1;
        }
        terms[k] = c.logScale - 0.5 * squared;
        largest = std::max(largest, terms[k]);
    }
    if (count == 1) {
        return terms[0];
    }
    double sum = 0.0;
    for (std::size_t k = 0; k < count; ++k) {
        sum += std::exp(terms[k] - largest);
    }
    return largest + std::log(sum);
}

double CentralRegion::massOutside(const GaussianMixture& model) const
{
    return std::max(0.0, 1.0 - massInside(model, logThreshold_));
}

double CentralRegion::massInside(const GaussianMixture& model, double logThreshold) const
{
    double mass = 0.0;
    for (const auto& component : model.components()) {
        mass += component.weight * componentMassInside(component, logThreshold);
    }
    return mass;
}

std::array<double, 2> CentralRegion::whitenedByOriginal(const double* point, bool centred) const
{
    const OriginalComponent& c = original_.front();
    const double y0 = (point[0] - (centred ? c.mean[0] : 0.0)) / c.lower00;
    const double y1 = dim_ == 2 ? (point[1] - (centred ? c.mean[1] : 0.0) - c.lower10 * y0) / c.lower11 : 0.0;
    return {y0, y1};
}

double CentralRegion::componentMassInside(const GaussianComponent& component, double logThreshold) const
{
    const auto& lower = component.choleskyLower;
    // A single Gaussian's region is an ellipse: |y|² <= R² in p_0's whitened coordinates y, with
    // ln p_0 = logScale - |y|²/2, so R² = 2 (logScale - ln c).
    const bool ellipse = original_.size() == 1;
    const double radiusSquared = ellipse ? 2.0 * (original_.front().logScale - logThreshold) : 0.0;
    if (ellipse && radiusSquared <= 0.0) {
        return 0.0;
    }
    double mass = 0.0;
    for (const auto& direction : directions_) {
        // The ray's step in data coordinates: L u, for the unit direction u in whitened coordinates.
        double stride[2] = {lower(0, 0) * direction[0], 0.0};
        double origin[2] = {component.mean[0], 0.0};
        if (dim_ == 2) {
            stride[1] = lower(1, 0) * direction[0] + lower(1, 1) * direction[1];
            origin[1] = component.mean[1];
        }
        if (ellipse) {
            mass += rayMassInsideEllipse(whitenedByOriginal(origin, true), whitenedByOriginal(stride, false),
                                         radiusSquared, dim_);
            continue;
        }
        const auto inside = [&](double t) {
            const double point[2] = {origin[0] + t * stride[0], origin[1] + t * stride[1]};
            return originalLogDensity(point) >= logThreshold;
        };
        // Walk out along the ray, summing the radial mass of the stretches inside; each crossing of
        // the boundary is located by bisection.
        double rayMass = 0.0;
        double start = 0.0;
        bool wasInside = inside(0.0);
        for (int step = 1; step <= kRaySteps; ++step) {
            const double t = kRayLength * step / kRaySteps;
            const bool isInside = inside(t);
            if (isInside != wasInside) {
                double a = kRayLength * (step - 1) / kRaySteps;
                double b = t;
                for (int i = 0; i < kBisections; ++i) {
                    const double middle = 0.5 * (a + b);
                    (inside(middle) == wasInside ? a : b) = middle;
                }
                const double crossing = 0.5 * (a + b);
                if (wasInside) {
                    rayMass += radialCdf(dim_, crossing) - radialCdf(dim_, start);
                }
                start = crossing;
                wasInside = isInside;
            }
        }
        if (wasInside) {
            rayMass += 1.0 - radialCdf(dim_, start);
        }
        mass += rayMass;
    }
    // In 1-D the two rays each carry half the mass; in 2-D every ray carries 1/rays.
    return mass / static_cast<double>(directions_.size());
}

} // namespace collapse
