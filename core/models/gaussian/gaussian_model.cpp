#include "core/models/gaussian/gaussian_model.h"

#include "core/model_registry.h"
#include "core/models/gaussian/gaussian_reproduction.h"
#include "core/parameter_builders.h"
#include "core/random.h"

#include <cmath>
#include <numbers>
#include <utility>

namespace collapse {

namespace {

// Standard normal CDF.
double normalCdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

// Φ^{-1}(0.975): the central 95% interval of N(0, 1) is ±this.
constexpr double kNormalQuantile975 = 1.959963984540054;

} // namespace

NormalModel::NormalModel(double mean, double variance)
    : mean_(mean), variance_(variance > 0.0 ? variance : kRelativeEigenvalueFloor), standardDeviation_(std::sqrt(variance_))
{
}

void NormalModel::sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const
{
    out.resize(1, count);
    random.fillNormals({out.data(), static_cast<std::size_t>(count)});
    // λ scales the variance, so √λ the deviation.
    const double scale = std::sqrt(samplingBias) * standardDeviation_;
    out.array() = out.array() * scale + mean_;
}

const GaussianMixture& NormalModel::mixture() const
{
    std::call_once(mixtureBuilt_, [this] {
        mixture_.emplace(std::vector<GaussianMixture::Parameters>{
            {1.0, Eigen::VectorXd::Constant(1, mean_), Eigen::MatrixXd::Constant(1, 1, variance_)}});
    });
    return *mixture_;
}

GaussianExperiment::GaussianExperiment(const Scenario& scenario) : estimator_(scenario.as<GaussianSettings>().estimator) {}

GaussianMixture GaussianExperiment::original()
{
    return GaussianMixture({{1.0, Eigen::VectorXd::Zero(1), Eigen::MatrixXd::Identity(1, 1)}});
}

void GaussianExperiment::drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const
{
    // p_0 = N(0, 1): standard normals as they come.
    out.resize(1, count);
    random.fillNormals({out.data(), static_cast<std::size_t>(count)});
}

std::shared_ptr<const FittedModel> GaussianExperiment::fit(const Eigen::Ref<const Samples>& training, RandomStream&) const
{
    // The engine's training sets are one contiguous row; viewed as a plain array, Eigen vectorises the
    // two passes (it does not through a 1 x M block with an outer stride, the general case).
    const auto meanAndSumSquares = [](const auto& values) {
        const double mean = values.mean();
        return std::pair{mean, (values - mean).square().sum()};
    };
    const auto [mean, sumSquares] =
        training.outerStride() == 1
            ? meanAndSumSquares(Eigen::Map<const Eigen::ArrayXd>(training.data(), training.size()))
            : meanAndSumSquares(training.array());
    const auto count = static_cast<double>(training.size());
    // Unbiased: divide by M-1, so E[σ²] stays σ² (a martingale); MLE: divide by M.
    const double variance = sumSquares / (estimator_ == Estimator::Unbiased ? count - 1.0 : count);
    // No floor: the theorem's chain must reach its limit. A variance that underflows to zero (all
    // samples equal in double precision) is a point mass, which the model keeps as a tiny width.
    return std::make_shared<NormalModel>(mean, variance);
}

void GaussianExperiment::measure(const FittedModel& model, const FittedModel&, const Samples&,
                                 std::span<double> values) const
{
    const auto& normal = static_cast<const NormalModel&>(model);
    const double mean = normal.mean();
    const double std = normal.standardDeviation();
    // Mass outside [-1.96, 1.96], the central 95% of p_0 = N(0, 1).
    const double below = normalCdf((-kNormalQuantile975 - mean) / std);
    const double above = normalCdf((mean - kNormalQuantile975) / std);
    values[0] = below + above;
    values[1] = mean;
    values[2] = std;
    // W2 between N(μ, σ²) and N(0, 1): sqrt((μ - 0)² + (σ - 1)²) (Dowson & Landau 1982).
    values[3] = std::sqrt(mean * mean + (std - 1.0) * (std - 1.0));
}

void GaussianExperiment::scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates,
                                      Selection selection, std::span<double> scores) const
{
    static const GaussianMixture standardNormal = original();
    scoreMixtureSamples(static_cast<const MixtureModel&>(model), standardNormal.overallMean(),
                        standardNormal.overallCovariance(), candidates, selection, scores);
}

const ModelDescriptor& GaussianSettings::descriptor()
{
    static const ModelDescriptor model = [] {
        ModelDescriptor d;
        d.name = "gaussian";
        d.title = COLLAPSE_TRANSLATABLE("Models", "Gaussian (one normal)");
        d.capacity = {1, 1, "a single normal"};
        d.parameters = {parameters::estimator(&GaussianSettings::estimator)};
        d.metrics = {&common_metrics::tailMass, &gaussian_metrics::mean, &gaussian_metrics::standardDeviation, &gaussian_metrics::w2};
        d.roles = {&common_metrics::tailMass, &gaussian_metrics::standardDeviation, &gaussian_metrics::standardDeviation};
        // A chain whose mean wanders keeps its tail mass (it moves one tail out as the other comes in):
        // its W₂ distance tells. A third of the original's σ is visible; two thirds is far.
        d.roles.fit = &gaussian_metrics::w2;
        d.roles.fitKind = MetricRoles::FitKind::Distance;
        d.roles.noticeableFitLoss = 1.0 / 3.0;
        d.roles.severeFitLoss = 2.0 / 3.0;
        d.makeExperiment = [](const Scenario& scenario) { return std::make_unique<GaussianExperiment>(scenario); };
        d.reproduction = gaussianReproduction;
        d.scoresByLikelihood = true;
        d.scoresByTarget = true;
        return d;
    }();
    return model;
}

} // namespace collapse
