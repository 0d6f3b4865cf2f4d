#include "core/models/regression/regression_model.h"

#include "core/model_registry.h"
#include "core/models/regression/regression_reproduction.h"
#include "core/parameter_builders.h"
#include "core/random.h"

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include <cmath>
#include <numbers>

namespace collapse {

namespace {

// Φ^{-1}(0.975): the original's central 95% of labels is ±this times their standard deviation.
constexpr double kNormalQuantile975 = 1.959963984540054;

} // namespace

RegressionModel::RegressionModel(Eigen::VectorXd weights, double noise, Eigen::Index designRows)
    : weights_(std::move(weights)), noise_(noise), designRows_(designRows)
{
}

void RegressionModel::sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const
{
    // λ scales the noise's variance, so √λ its deviation.
    labelDesign(out, count, weights_, std::sqrt(samplingBias) * noise_, designRows_, random);
}

void labelDesign(Samples& out, Eigen::Index count, const Eigen::VectorXd& weights, double noiseSd, Eigen::Index designRows,
                 RandomStream& random)
{
    const auto features = static_cast<int>(weights.size());
    const Eigen::MatrixXd design = RegressionExperiment::designOf(random, features, designRows);
    out.resize(features + 1, count);
    for (Eigen::Index i = 0; i < count; ++i) {
        out.col(i).head(features) = design.col(i % designRows);
    }
    Eigen::VectorXd noise(count);
    random.fillNormals({noise.data(), static_cast<std::size_t>(count)});
    out.row(features) = (weights.transpose() * out.topRows(features)).array() + noiseSd * noise.transpose().array();
}

RegressionExperiment::RegressionExperiment(const Scenario& scenario)
    : features_(scenario.as<RegressionSettings>().features), noise_(scenario.as<RegressionSettings>().noise),
      designRows_(scenario.samples), trueWeights_(trueWeights(features_))
{
}

Eigen::VectorXd RegressionExperiment::trueWeights(int features)
{
    return Eigen::VectorXd::Constant(features, 1.0 / std::sqrt(static_cast<double>(features)));
}

Eigen::MatrixXd RegressionExperiment::designOf(const RandomStream& random, int features, Eigen::Index rows)
{
    RandomStream designRandom = random.sibling(0, Purpose::Design);
    Eigen::MatrixXd design(features, rows);
    designRandom.fillNormals({design.data(), static_cast<std::size_t>(design.size())});
    return design;
}

void RegressionExperiment::drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const
{
    labelDesign(out, count, trueWeights_, noise_, designRows_, random);
}

std::shared_ptr<const FittedModel> RegressionExperiment::fit(const Eigen::Ref<const Samples>& training, RandomStream&) const
{
    // min ‖Xw − y‖² over the training points, X their inputs as rows. Where the inputs fix every
    // coefficient, the normal equations XᵀX w = Xᵀy: a d × d system, however many points an accumulating
    // chain has gathered. Otherwise (fewer distinct inputs than features) the complete orthogonal
    // decomposition's fit of least norm, as numpy's lstsq gives.
    const auto inputs = training.topRows(features_);
    const auto labels = training.row(features_).transpose();
    if (training.cols() >= features_) {
        Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(features_, features_);
        gram.selfadjointView<Eigen::Lower>().rankUpdate(inputs);
        const Eigen::LDLT<Eigen::MatrixXd> normalEquations(gram.selfadjointView<Eigen::Lower>());
        const Eigen::VectorXd pivots = normalEquations.vectorD().cwiseAbs();
        // A pivot this small against the largest is a direction the inputs do not span.
        constexpr double kRankTolerance = 1e-12;
        if (normalEquations.info() == Eigen::Success && pivots.minCoeff() > kRankTolerance * pivots.maxCoeff()) {
            Eigen::VectorXd weights = normalEquations.solve(inputs * labels);
            return std::make_shared<RegressionModel>(std::move(weights), noise_, designRows_);
        }
    }
    const Eigen::MatrixXd rows = inputs.transpose();
    Eigen::VectorXd weights = rows.completeOrthogonalDecomposition().solve(Eigen::VectorXd(labels));
    return std::make_shared<RegressionModel>(std::move(weights), noise_, designRows_);
}

void RegressionExperiment::measure(const FittedModel& model, const FittedModel&, const Samples&, std::span<double> values) const
{
    const auto& fitted = static_cast<const RegressionModel&>(model);
    const Eigen::VectorXd& weights = fitted.weights();
    // At a fresh input x ~ N(0, I) a label is normal with variance ‖w‖² + σ²: the original's 1 + σ², the
    // fit's ‖ŵ‖² + σ², and the fit's prediction errs from the truth's by xᵀ(ŵ − w*), of variance ‖ŵ − w*‖².
    const double originalSd = std::sqrt(1.0 + noise_ * noise_);
    const double labelSd = std::sqrt(weights.squaredNorm() + noise_ * noise_);
    values[0] = std::erfc(kNormalQuantile975 * originalSd / labelSd / std::numbers::sqrt2);
    values[1] = (weights - trueWeights_).squaredNorm();
    values[2] = labelSd;
    values[3] = weights[0];
}

const ModelDescriptor& RegressionSettings::descriptor()
{
    using parameters::integer;
    using parameters::real;
    static const ModelDescriptor model = [] {
        ModelDescriptor d;
        d.name = "regression";
        d.title = COLLAPSE_TRANSLATABLE("Models", "Regression (least squares)");
        // Dohmatob et al.'s and Gerstgrasser et al.'s setting: d = 10 features, T = 100 points, σ = 1.
        d.defaults = {.samples = 100, .generations = 100, .replicates = 200, .capacity = 1};
        d.capacity = {1, 1, "ordinary least squares"};
        d.parameters = {
            integer("features", &RegressionSettings::features, 1, 200, COLLAPSE_TRANSLATABLE("Parameters", "Features"),
                    COLLAPSE_TRANSLATABLE("Parameters", "How many inputs d each label depends on.")),
            real("noise", &RegressionSettings::noise, 0.0, true, 100.0, COLLAPSE_TRANSLATABLE("Parameters", "Label noise σ"),
                 COLLAPSE_TRANSLATABLE("Parameters", "Standard deviation of the noise on every label, real or made.")),
        };
        d.metrics = {&common_metrics::tailMass, &regression_metrics::testError, &regression_metrics::labelStd,
                     &regression_metrics::firstWeight};
        d.roles = {&common_metrics::tailMass, &regression_metrics::labelStd, &regression_metrics::testError};
        // Each generation on its own labels adds σ²d/(T − d − 1), 0.11 at the defaults, to the test error:
        // half a unit (of σ² = 1) is a fit visibly off the truth, two units one that has lost it.
        d.roles.fit = &regression_metrics::testError;
        d.roles.fitKind = MetricRoles::FitKind::Distance;
        d.roles.noticeableFitLoss = 0.5;
        d.roles.severeFitLoss = 2.0;
        d.roles.driftingByFit = COLLAPSE_TRANSLATABLE("Narration", "The fit is drifting from the truth: its test error "
                                                                   "is %2 above generation 0's, and each generation "
                                                                   "on its own labels adds its own error to all the "
                                                                   "earlier ones.");
        d.roles.earlyCollapseByFit = COLLAPSE_TRANSLATABLE("Narration", "Model collapse under way: the fit has wandered "
                                                                        "far from the truth (test error up by %2). "
                                                                        "Refitted to its own labels, it inherits every "
                                                                        "earlier fit's error, and the errors never "
                                                                        "cancel.");
        d.valuesPerSample = [](const Scenario& scenario) { return scenario.as<RegressionSettings>().features + 1.0; };
        d.makeExperiment = [](const Scenario& scenario) { return std::make_unique<RegressionExperiment>(scenario); };
        d.reproduction = regressionReproduction;
        return d;
    }();
    return model;
}

} // namespace collapse
