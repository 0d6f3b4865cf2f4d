#include "core/models/cats/cats_model.h"

#include "core/model_registry.h"
#include "core/parameter_builders.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace collapse {

namespace {

constexpr double kDegreesPerRadian = 180.0 / std::numbers::pi;
constexpr int kGridSteps = 3600;             // 0.1° for integrals over the circle
constexpr double kSmallestSpread = 0.5;      // degrees: one cat, or identical cats, still has a width
constexpr int kMaxLloydIterations = 50;

double wrapHue(double hue)
{
    const double wrapped = std::fmod(hue, 360.0);
    return wrapped < 0.0 ? wrapped + 360.0 : wrapped;
}

const HueMixture& asHues(const FittedModel& model) { return static_cast<const HueMixture&>(model); }

double gridHue(int step) { return (step + 0.5) * 360.0 / kGridSteps; }

} // namespace

double hueDifference(double a, double b)
{
    double difference = std::fmod(a - b, 360.0);
    if (difference <= -180.0) {
        difference += 360.0;
    } else if (difference > 180.0) {
        difference -= 360.0;
    }
    return difference;
}

double circularMean(const std::vector<double>& hues, const std::vector<double>& weights)
{
    double x = 0.0;
    double y = 0.0;
    for (std::size_t i = 0; i < hues.size(); ++i) {
        x += weights[i] * std::cos(hues[i] / kDegreesPerRadian);
        y += weights[i] * std::sin(hues[i] / kDegreesPerRadian);
    }
    if (std::hypot(x, y) < 1e-12) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return wrapHue(std::atan2(y, x) * kDegreesPerRadian);
}

double HueMixture::density(double hue) const
{
    double total = 0.0;
    for (const auto& c : components_) {
        // A wrapped normal: the normal density summed over the turns that matter for spreads < 120°.
        for (const double turn : {-360.0, 0.0, 360.0}) {
            const double z = (hueDifference(hue, c.mean) + turn) / c.spread;
            total += c.weight * std::exp(-0.5 * z * z) / (std::sqrt(2.0 * std::numbers::pi) * c.spread);
        }
    }
    return total;
}

void HueMixture::sampleInto(Samples& hues, Eigen::Index count, double samplingBias, RandomStream& random) const
{
    std::vector<double> weights;
    for (const auto& c : components_) {
        weights.push_back(std::pow(c.weight, 1.0 / samplingBias));
    }
    hues.resize(1, count);
    for (Eigen::Index i = 0; i < count; ++i) {
        const HueComponent& c = components_[random.categorical(weights)];
        hues(0, i) = wrapHue(c.mean + c.spread * random.normal());
    }
}

CatsExperiment::CatsExperiment(const Scenario& scenario)
    : capacity_(scenario.capacity), settings_(scenario.as<CatsSettings>()),
      original_({{1.0 - settings_.minorityShare, kMajorityHue, kCatHueSpread},
                 {settings_.minorityShare, kMinorityHue, kCatHueSpread}})
{
    // The central 95% region of the original: the hues of highest density holding 95% of its mass,
    // found on a 0.1° grid and kept as intervals.
    std::vector<double> densities;
    for (int step = 0; step < kGridSteps; ++step) {
        densities.push_back(original_.density(gridHue(step)));
    }
    std::vector<double> sorted = densities;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    double mass = 0.0;
    double threshold = sorted.back();
    for (const double d : sorted) {
        mass += d * 360.0 / kGridSteps;
        threshold = d;
        if (mass >= 0.95) {
            break;
        }
    }
    const double step = 360.0 / kGridSteps;
    for (int i = 0; i < kGridSteps; ++i) {
        if (densities[static_cast<std::size_t>(i)] >= threshold) {
            const double from = i * step;
            if (!centralRegion_.empty() && std::abs(centralRegion_.back().second - from) < 1e-9) {
                centralRegion_.back().second = from + step;
            } else {
                centralRegion_.emplace_back(from, from + step);
            }
        }
    }
}

void CatsExperiment::drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const
{
    original_.sampleInto(out, count, 1.0, random);
}

std::shared_ptr<const FittedModel> CatsExperiment::fit(const Eigen::Ref<const Samples>& training, RandomStream&) const
{
    const Eigen::Index count = training.cols();
    const int k = capacity_;
    const auto distance = [](double a, double b) { return std::abs(hueDifference(a, b)); };
    // Farthest-point seeding: the first cat, then each time the cat farthest from every centre so far,
    // so that a lone cat of a rare colour gets a component of its own.
    std::vector<double> centres = {training(0, 0)};
    std::vector<double> nearest(static_cast<std::size_t>(count));
    for (Eigen::Index i = 0; i < count; ++i) {
        nearest[static_cast<std::size_t>(i)] = distance(training(0, i), centres[0]);
    }
    while (static_cast<int>(centres.size()) < k) {
        const auto farthest = std::max_element(nearest.begin(), nearest.end()) - nearest.begin();
        centres.push_back(training(0, farthest));
        for (Eigen::Index i = 0; i < count; ++i) {
            nearest[static_cast<std::size_t>(i)] =
                std::min(nearest[static_cast<std::size_t>(i)], distance(training(0, i), centres.back()));
        }
    }
    // Lloyd's iterations on the circle: nearest centre, then circular means.
    std::vector<int> labels(static_cast<std::size_t>(count), -1);
    for (int iteration = 0; iteration < kMaxLloydIterations; ++iteration) {
        bool changed = false;
        for (Eigen::Index i = 0; i < count; ++i) {
            int best = 0;
            for (int c = 1; c < k; ++c) {
                if (distance(training(0, i), centres[static_cast<std::size_t>(c)]) <
                    distance(training(0, i), centres[static_cast<std::size_t>(best)])) {
                    best = c;
                }
            }
            changed = changed || labels[static_cast<std::size_t>(i)] != best;
            labels[static_cast<std::size_t>(i)] = best;
        }
        if (!changed) {
            break;
        }
        for (int c = 0; c < k; ++c) {
            std::vector<double> members;
            for (Eigen::Index i = 0; i < count; ++i) {
                if (labels[static_cast<std::size_t>(i)] == c) {
                    members.push_back(training(0, i));
                }
            }
            if (!members.empty()) {
                const double mean = circularMean(members, std::vector<double>(members.size(), 1.0));
                if (!std::isnan(mean)) {
                    centres[static_cast<std::size_t>(c)] = mean;
                }
            }
        }
    }
    const std::vector<double> all(training.data(), training.data() + count);
    const double populationMean = circularMean(all, std::vector<double>(all.size(), 1.0));
    std::vector<HueComponent> components;
    for (int c = 0; c < k; ++c) {
        std::vector<double> members;
        for (Eigen::Index i = 0; i < count; ++i) {
            if (labels[static_cast<std::size_t>(i)] == c) {
                members.push_back(training(0, i));
            }
        }
        if (members.empty()) {
            continue;
        }
        const auto n = static_cast<double>(members.size());
        double mean = centres[static_cast<std::size_t>(c)];
        double squares = 0.0;
        for (const double hue : members) {
            squares += hueDifference(hue, mean) * hueDifference(hue, mean);
        }
        const double spread = std::max(kSmallestSpread, std::sqrt(squares / std::max(1.0, n - 1.0)));
        // Shrinkage: the component's mean as if `shrinkage` more cats sat at the population's mean.
        if (settings_.shrinkage > 0.0 && !std::isnan(populationMean)) {
            const double shrunk = circularMean({mean, populationMean}, {n, settings_.shrinkage});
            mean = std::isnan(shrunk) ? mean : shrunk;
        }
        components.push_back({n / static_cast<double>(count), mean, spread});
    }
    return std::make_shared<HueMixture>(std::move(components));
}

void CatsExperiment::measure(const FittedModel& model, const FittedModel&, const Samples& drawn,
                             std::span<double> values) const
{
    // The model's mass inside the region, in closed form: a wrapped normal puts
    // Σ_turns [Φ((to - μ + 360t)/σ) - Φ((from - μ + 360t)/σ)] on the interval [from, to].
    const HueMixture& mixture = asHues(model);
    const auto normalCdf = [](double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); };
    double inside = 0.0;
    for (const auto& c : mixture.components()) {
        for (const auto& [from, to] : centralRegion_) {
            for (const double turn : {-360.0, 0.0, 360.0}) {
                inside += c.weight * (normalCdf((to - c.mean + turn) / c.spread) - normalCdf((from - c.mean + turn) / c.spread));
            }
        }
    }
    values[0] = std::clamp(1.0 - inside, 0.0, 1.0);

    std::vector<double> minority;
    double x = 0.0;
    double y = 0.0;
    for (Eigen::Index i = 0; i < drawn.cols(); ++i) {
        const double hue = drawn(0, i);
        if (std::abs(hueDifference(hue, kMinorityHue)) < std::abs(hueDifference(hue, kMajorityHue))) {
            minority.push_back(hue);
        }
        x += std::cos(hue / kDegreesPerRadian);
        y += std::sin(hue / kDegreesPerRadian);
    }
    const auto count = static_cast<double>(drawn.cols());
    values[1] = static_cast<double>(minority.size()) / count;
    values[2] = minority.empty() ? std::numeric_limits<double>::quiet_NaN()
                                 : circularMean(minority, std::vector<double>(minority.size(), 1.0));
    // Circular standard deviation sqrt(-2 ln R), R the mean resultant length (Mardia & Jupp 2000, §2.3).
    const double resultant = std::min(1.0, std::hypot(x, y) / count);
    values[3] = resultant > 0.0 ? std::sqrt(-2.0 * std::log(resultant)) * kDegreesPerRadian
                                : std::numeric_limits<double>::infinity();
    values[4] = minority.empty() ? 0.0 : 1.0;
}

void CatsExperiment::scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates, Selection,
                                  std::span<double> scores) const
{
    const auto& mixture = static_cast<const HueMixture&>(model);
    for (Eigen::Index i = 0; i < candidates.cols(); ++i) {
        scores[static_cast<std::size_t>(i)] = std::log(mixture.density(candidates(0, i)));
    }
}

const ModelDescriptor& CatsSettings::descriptor()
{
    static const ModelDescriptor model = [] {
        using namespace parameters;
        ModelDescriptor d;
        d.name = "cats";
        d.title = COLLAPSE_TRANSLATABLE("Models", "Cats (fur colour)");
        d.defaults = {.samples = 100, .generations = 100, .replicates = 200, .capacity = 2};
        d.capacity = {1, 64, "colours"};
        d.parameters = {share("minority_share", &CatsSettings::minorityShare, true, 1,
                              COLLAPSE_TRANSLATABLE("Parameters", "Blue cats"),
                              COLLAPSE_TRANSLATABLE("Parameters", "Share of blue cats among the original ones; the "
                                                                  "rest are yellow.")),
                        real("shrinkage", &CatsSettings::shrinkage, 0.0, false, 1000.0,
                             COLLAPSE_TRANSLATABLE("Parameters", "Shrinkage"),
                             COLLAPSE_TRANSLATABLE("Parameters", "How strongly each fitted colour is pulled toward the "
                                                                 "average colour, in cats: 0 copies the cats "
                                                                 "faithfully; more turns rare blue cats green, then "
                                                                 "yellow."))};
        d.parameters.back().decimals = 1;
        d.metrics = {&common_metrics::tailMass, &cats_metrics::minorityFraction, &cats_metrics::minorityHue,
                     &cats_metrics::hueStd, &cats_metrics::bluePresent};
        // At the start the blue tenth makes most of the hue spread (some 50°, against the yellow cats' 8°):
        // all cats of one colour is a tenth of it.
        d.roles = {&cats_metrics::minorityFraction, &cats_metrics::hueStd, &cats_metrics::minorityFraction};
        d.roles.collapsedSpread = 0.1;
        d.makeExperiment = [](const Scenario& scenario) { return std::make_unique<CatsExperiment>(scenario); };
        d.scoresByLikelihood = true;
        return d;
    }();
    return model;
}

} // namespace collapse
