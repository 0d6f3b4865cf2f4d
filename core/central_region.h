#pragma once

#include "core/gaussian_mixture.h"

#include <array>

namespace collapse {

// The central 95% region of the original distribution p_0: its highest-density region
// {x : p_0(x) >= c} holding 95% of p_0's mass. tail_mass (core/README.md) is the probability a model
// puts outside it: 5% for p_0 itself, 0 once the model's tails are gone.
//
// Masses are computed per Gaussian component in the component's own whitened coordinates, along rays
// from its mean: a ray's mass between radii t1 and t2 is known in closed form (the chi law with d
// degrees of freedom), and the rays are spread evenly over the circle, so the quadrature stays exact to
// about 1e-4 however narrow or far away a collapsed component is. Where a ray crosses the region's
// boundary is found by walking out and bisecting; when p_0 is a single Gaussian the region is an
// ellipse and the crossings are the roots of a quadratic.
class CentralRegion {
public:
    explicit CentralRegion(const GaussianMixture& original, double coverage = 0.95);

    // ln c: a point is in the region when ln p_0(x) >= ln c.
    double logDensityThreshold() const { return logThreshold_; }

    // Probability that `model` puts outside the region.
    double massOutside(const GaussianMixture& model) const;

private:
    // p_0's components unpacked for a density at one point without allocation (d <= 2): this runs
    // thousands of times per generation.
    struct OriginalComponent {
        double logScale;  // ln w + log-normaliser
        double mean[2];
        double lower00, lower10, lower11;
    };

    double massInside(const GaussianMixture& model, double logThreshold) const;
    double componentMassInside(const GaussianComponent& component, double logThreshold) const;
    double originalLogDensity(const double* point) const;
    // L_0^{-1} (point - μ_0), or L_0^{-1} point when not centred, for p_0's only component.
    std::array<double, 2> whitenedByOriginal(const double* point, bool centred) const;

    int dim_;
    std::vector<OriginalComponent> original_;
    std::vector<Eigen::Vector2d> directions_;
    double logThreshold_ = 0.0;
};

} // namespace collapse
