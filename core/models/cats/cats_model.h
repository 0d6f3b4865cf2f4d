#pragma once

// The cats model: the toy of the press coverage (core/README.md, "cats").

#include "core/experiment.h"
#include "core/metric.h"
#include "core/models/cats/cats_settings.h"

#include <vector>

namespace collapse {

// One component of a mixture over hue: a wrapped normal on the colour circle, in degrees.
struct HueComponent {
    double weight;
    double mean;    // degrees in [0, 360)
    double spread;  // standard deviation, degrees
};

// The cats model's fitted mixture over fur hue.
class HueMixture : public FittedModel {
public:
    explicit HueMixture(std::vector<HueComponent> components) : components_(std::move(components)) {}
    const std::vector<HueComponent>& components() const { return components_; }
    // The sampling bias λ is a temperature on the choice of component: weights are raised to 1/λ and
    // renormalised, so λ < 1 favours the common colours.
    void sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const override;
    // Density at a hue (per degree), the wrapped normals summed over three turns.
    double density(double hue) const;

private:
    std::vector<HueComponent> components_;
};

namespace cats_metrics {

inline constexpr MetricDescriptor minorityFraction{
    "minority_fraction", COLLAPSE_TRANSLATABLE("Metrics", "Share of blue cats"),
    "Share of the sampled cats whose hue is nearer the original minority's (blue, 230°) than the majority's.",
    0.0, 1.0};
inline constexpr MetricDescriptor minorityHue{
    "minority_hue", COLLAPSE_TRANSLATABLE("Metrics", "Hue of the blue cats (°)"),
    "Circular mean hue of those cats; empty when there are none.", 0.0, 360.0};
inline constexpr MetricDescriptor hueStd{"hue_std", COLLAPSE_TRANSLATABLE("Metrics", "Spread of fur colour (°)"),
                                         "Circular standard deviation of all sampled hues.", 0.0};
inline constexpr MetricDescriptor bluePresent{
    "blue_present", COLLAPSE_TRANSLATABLE("Metrics", "Blue cats still drawn"),
    "1 while any sampled cat is nearer blue than yellow, 0 once none is: its mean over replicates is the share of "
    "chains that keep their blue cats.",
    0.0, 1.0};

} // namespace cats_metrics

// The toy of the press coverage: cats whose fur hue is 90% yellow (55°) and 10% blue
// (230°). The model is a mixture of `capacity` wrapped normals over hue, fitted by hard EM on the
// circle: farthest-point seeding, nearest-centre assignment, circular means. With `shrinkage` s > 0
// each component's mean is pulled toward the population's circular mean as if s cats of that colour
// had been added (a conjugate-style prior), which moves an under-populated minority most: blue cats
// turn green, then yellow. With s = 0 the fit is faithful and the minority's fate is Wright–Fisher
// drift.
class CatsExperiment : public Experiment {
public:
    explicit CatsExperiment(const Scenario& scenario);
    void drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;
    // Selection by likelihood: ln of a cat's hue density under the mixture that drew it, so a filter
    // keeps the common colours. A target off the centre has no meaning on the colour circle.
    void scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates, Selection selection,
                      std::span<double> scores) const override;

    const HueMixture& original() const { return original_; }

private:
    int capacity_;
    CatsSettings settings_;
    HueMixture original_;
    // The original's central 95% region: the hue intervals [from, to] of highest density.
    std::vector<std::pair<double, double>> centralRegion_;
};

// The cats' two original colours and their spread, degrees.
inline constexpr double kMajorityHue = 55.0;
inline constexpr double kMinorityHue = 230.0;
inline constexpr double kCatHueSpread = 8.0;

// Signed shortest difference a - b on the circle, in (-180, 180].
double hueDifference(double a, double b);
// Circular mean of hues (degrees) with weights; NaN when the weighted unit vectors cancel.
double circularMean(const std::vector<double>& hues, const std::vector<double>& weights);

} // namespace collapse
