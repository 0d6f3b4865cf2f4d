#include "mixture_experiments.h"

#include "expectation_maximization.h"
#include "random.h"

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace collapse {

namespace {

// Standard normal CDF.
double normalCdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

// Φ^{-1}(0.975): the central 95% interval of N(0, 1) is ±this.
constexpr double kNormalQuantile975 = 1.959963984540054;

const MixtureModel& asMixture(const FittedModel& model) { return static_cast<const MixtureModel&>(model); }

} // namespace

Samples MixtureModel::sample(Eigen::Index count, double samplingBias, RandomStream& random) const
{
    return mixture_.sample(count, samplingBias, random);
}

// gaussian ------------------------------------------------------------------------------------------

GaussianExperiment::GaussianExperiment(const Scenario& scenario) : estimator_(scenario.estimator) {}

const std::vector<std::string>& GaussianExperiment::metricNames() const
{
    static const std::vector<std::string> names = {"tail_mass", "mean", "std", "w2"};
    return names;
}

Samples GaussianExperiment::drawOriginal(Eigen::Index count, RandomStream& random) const
{
    // p_0 = N(0, 1): standard normals as they come.
    Samples points(1, count);
    for (Eigen::Index i = 0; i < count; ++i) {
        points(0, i) = random.normal();
    }
    return points;
}

std::shared_ptr<const FittedModel> GaussianExperiment::fit(const Eigen::Ref<const Samples>& training, RandomStream&) const
{
    const auto count = static_cast<double>(training.cols());
    const double mean = training.mean();
    const double sumSquares = (training.array() - mean).square().sum();
    // Unbiased: divide by M-1, so E[σ²] stays σ² (a martingale); MLE: divide by M.
    const double variance = sumSquares / (estimator_ == Estimator::Unbiased ? count - 1.0 : count);
    // No floor: the theorem's chain must reach its limit. A variance that underflows to zero (all
    // samples equal in double precision) is a point mass, which the mixture keeps as a tiny width.
    return std::make_shared<MixtureModel>(
        GaussianMixture({{1.0, Eigen::VectorXd::Constant(1, mean), Eigen::MatrixXd::Constant(1, 1, variance)}}));
}

void GaussianExperiment::measure(const FittedModel& model, const FittedModel&, const Samples&,
                                 std::span<double> values) const
{
    const auto& component = asMixture(model).mixture().component(0);
    const double mean = component.mean[0];
    const double std = std::sqrt(component.covariance(0, 0));
    // Mass outside [-1.96, 1.96], the central 95% of p_0 = N(0, 1).
    const double below = normalCdf((-kNormalQuantile975 - mean) / std);
    const double above = normalCdf((mean - kNormalQuantile975) / std);
    values[0] = below + above;
    values[1] = mean;
    values[2] = std;
    // W2 between N(μ, σ²) and N(0, 1): sqrt((μ - 0)² + (σ - 1)²) (Dowson & Landau 1982).
    values[3] = std::sqrt(mean * mean + (std - 1.0) * (std - 1.0));
}

// gmm -----------------------------------------------------------------------------------------------

GaussianMixture originalMixture(const Scenario& scenario)
{
    if (scenario.model == ModelKind::Vae || scenario.model == ModelKind::Cats) {
        throw std::invalid_argument("only the gaussian and gmm models have a Gaussian mixture as their original");
    }
    if (scenario.model == ModelKind::Gaussian) {
        return GaussianMixture({{1.0, Eigen::VectorXd::Zero(1), Eigen::MatrixXd::Identity(1, 1)}});
    }
    const int k = scenario.trueComponents;
    const int dim = scenario.dim;
    std::vector<GaussianMixture::Parameters> components;
    for (int i = 0; i < k; ++i) {
        Eigen::VectorXd mean = Eigen::VectorXd::Zero(dim);
        if (k > 1) {
            if (dim == 1) {
                mean[0] = scenario.separation * (2.0 * i / (k - 1) - 1.0);
            } else {
                const double angle = std::numbers::pi / 2.0 + 2.0 * std::numbers::pi * i / k;
                mean << scenario.separation * std::cos(angle), scenario.separation * std::sin(angle);
            }
        }
        const double weight = (k == 1) ? 1.0
                                       : (i == k - 1 ? scenario.minorityShare : (1.0 - scenario.minorityShare) / (k - 1));
        components.push_back({weight, mean, Eigen::MatrixXd::Identity(dim, dim)});
    }
    return GaussianMixture(components);
}

GmmExperiment::GmmExperiment(const Scenario& scenario)
    : scenario_(scenario), original_(originalMixture(scenario)), centralRegion_(original_)
{
    RandomStream random(scenario.seed, 0, 0, Purpose::HeldOut);
    heldOut_ = original_.sample(kHeldOutSize, 1.0, random);
}

const std::vector<std::string>& GmmExperiment::metricNames() const
{
    static const std::vector<std::string> names = {"tail_mass",      "loglik_real", "l2_to_original",
                                                   "total_std",      "min_weight",  "effective_components"};
    return names;
}

Samples GmmExperiment::drawOriginal(Eigen::Index count, RandomStream& random) const
{
    return original_.sample(count, 1.0, random);
}

std::shared_ptr<const FittedModel> GmmExperiment::fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const
{
    EmOptions options;
    options.components = scenario_.capacity;
    options.covariance = scenario_.covariance;
    options.estimator = scenario_.estimator;
    options.tolerance = scenario_.emTol;
    options.maxIterations = scenario_.emMaxIter;
    options.regCovar = scenario_.regCovar;
    return std::make_shared<MixtureModel>(fitGaussianMixture(training, options, random));
}

void GmmExperiment::measure(const FittedModel& model, const FittedModel&, const Samples&,
                            std::span<double> values) const
{
    const GaussianMixture& mixture = asMixture(model).mixture();
    values[0] = centralRegion_.massOutside(mixture);
    values[1] = mixture.logDensity(heldOut_).mean();
    values[2] = l2DistanceSquared(mixture, original_);
    // The root-mean-square standard deviation per dimension, so N(0, I) reads 1 in any dimension.
    values[3] = std::sqrt(mixture.overallCovariance().trace() / mixture.dimension());
    double minWeight = std::numeric_limits<double>::infinity();
    double entropy = 0.0;
    for (const auto& component : mixture.components()) {
        minWeight = std::min(minWeight, component.weight);
        if (component.weight > 0.0) {
            entropy -= component.weight * std::log(component.weight);
        }
    }
    values[4] = minWeight;
    values[5] = std::exp(entropy);
}

} // namespace collapse
