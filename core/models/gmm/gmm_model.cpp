#include "core/models/gmm/gmm_model.h"

#include "core/mixture_model.h"
#include "core/model_registry.h"
#include "core/models/gmm/gmm_reproduction.h"
#include "core/models/gmm/expectation_maximization.h"
#include "core/parameter_builders.h"
#include "core/random.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace collapse {

GaussianMixture originalMixture(const GmmSettings& settings)
{
    const int k = settings.trueComponents;
    const int dim = settings.dim;
    std::vector<GaussianMixture::Parameters> components;
    for (int i = 0; i < k; ++i) {
        Eigen::VectorXd mean = Eigen::VectorXd::Zero(dim);
        if (k > 1) {
            if (dim == 1) {
                mean[0] = settings.separation * (2.0 * i / (k - 1) - 1.0);
            } else {
                const double angle = std::numbers::pi / 2.0 + 2.0 * std::numbers::pi * i / k;
                mean << settings.separation * std::cos(angle), settings.separation * std::sin(angle);
            }
        }
        const double weight = (k == 1) ? 1.0
                                       : (i == k - 1 ? settings.minorityShare : (1.0 - settings.minorityShare) / (k - 1));
        components.push_back({weight, mean, Eigen::MatrixXd::Identity(dim, dim)});
    }
    return GaussianMixture(components);
}

GmmExperiment::GmmExperiment(const Scenario& scenario)
    : capacity_(scenario.capacity), settings_(scenario.as<GmmSettings>()), original_(originalMixture(settings_)),
      centralRegion_(original_)
{
    RandomStream random(scenario.seed, 0, 0, Purpose::HeldOut);
    heldOut_ = original_.sample(kHeldOutSize, 1.0, random);
}

void GmmExperiment::drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const
{
    original_.sampleInto(out, count, 1.0, random);
}

std::shared_ptr<const FittedModel> GmmExperiment::fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const
{
    EmOptions options;
    options.components = capacity_;
    options.covariance = settings_.covariance;
    options.estimator = settings_.estimator;
    options.tolerance = settings_.emTol;
    options.maxIterations = settings_.emMaxIter;
    options.regCovar = settings_.regCovar;
    return std::make_shared<FittedMixture>(fitGaussianMixture(training, options, random));
}

void GmmExperiment::measure(const FittedModel& model, const FittedModel&, const Samples&, std::span<double> values) const
{
    const GaussianMixture& mixture = static_cast<const MixtureModel&>(model).mixture();
    values[0] = centralRegion_.massOutside(mixture);
    values[1] = mixture.logDensity(heldOut_).mean();
    values[2] = l2DistanceSquared(mixture, original_);
    // The root-mean-square standard deviation per dimension, so N(0, I) reads 1 in any dimension.
    values[3] = std::sqrt(mixture.overallCovariance().trace() / mixture.dimension());
    double minWeight = std::numeric_limits<double>::infinity();
    double entropy = 0.0;
    double narrowest = std::numeric_limits<double>::infinity();
    double widest = 0.0;
    for (const auto& component : mixture.components()) {
        const double spread = std::sqrt(component.covariance.trace() / mixture.dimension());
        narrowest = std::min(narrowest, spread);
        widest = std::max(widest, spread);
        minWeight = std::min(minWeight, component.weight);
        if (component.weight > 0.0) {
            entropy -= component.weight * std::log(component.weight);
        }
    }
    values[4] = minWeight;
    values[5] = std::exp(entropy);
    values[6] = narrowest;
    values[7] = widest;
}

namespace {

std::vector<ParameterSpec> gmmParameters()
{
    using namespace parameters;
    std::vector<ParameterSpec> all;
    all.push_back(estimator(&GmmSettings::estimator));
    all.push_back(integer("dim", &GmmSettings::dim, 1, 2, COLLAPSE_TRANSLATABLE("Parameters", "Dimension"),
                          COLLAPSE_TRANSLATABLE("Parameters", "Data in one or two dimensions.")));
    all.push_back(integer("true_components", &GmmSettings::trueComponents, 1, 8,
                          COLLAPSE_TRANSLATABLE("Parameters", "Original clusters"),
                          COLLAPSE_TRANSLATABLE("Parameters", "How many clusters the original, human data has.")));
    ParameterSpec separation = real("separation", &GmmSettings::separation, 0.0, true, 100.0,
                                    COLLAPSE_TRANSLATABLE("Parameters", "Cluster separation"),
                                    COLLAPSE_TRANSLATABLE("Parameters", "Distance of the original clusters' centres "
                                                                        "from the origin, in cluster standard "
                                                                        "deviations."));
    separation.decimals = 1;
    all.push_back(separation);
    ParameterSpec minority = share("minority_share", &GmmSettings::minorityShare, true, 1,
                                   COLLAPSE_TRANSLATABLE("Parameters", "Last cluster's share"),
                                   COLLAPSE_TRANSLATABLE("Parameters", "Weight of the original's last cluster: make it "
                                                                       "small to watch a minority disappear."));
    minority.applies = [](const Scenario& scenario) { return scenario.as<GmmSettings>().trueComponents > 1; };
    all.push_back(minority);
    all.push_back(choice("covariance", &GmmSettings::covariance,
                         {{{"full", COLLAPSE_TRANSLATABLE("Parameters", "Full")}, CovarianceType::Full},
                          {{"diag", COLLAPSE_TRANSLATABLE("Parameters", "Diagonal")}, CovarianceType::Diagonal}},
                         COLLAPSE_TRANSLATABLE("Parameters", "Covariance"),
                         COLLAPSE_TRANSLATABLE("Parameters", "Each fitted component's covariance: full or diagonal.")));
    ParameterSpec tolerance = real("em_tol", &GmmSettings::emTol, 0.0, true, 1.0,
                                   COLLAPSE_TRANSLATABLE("Parameters", "EM tolerance"),
                                   COLLAPSE_TRANSLATABLE("Parameters", "EM stops when the mean log-likelihood per "
                                                                       "sample changes by less than this."));
    tolerance.editor = ParameterEditor::Suggestions;
    tolerance.suggestions = {1e-2, 1e-3, 1e-4, 1e-5, 1e-6};
    all.push_back(tolerance);
    all.push_back(integer("em_max_iter", &GmmSettings::emMaxIter, 1, 100'000,
                          COLLAPSE_TRANSLATABLE("Parameters", "EM iteration cap"),
                          COLLAPSE_TRANSLATABLE("Parameters", "EM stops after this many iterations at the latest.")));
    ParameterSpec floor = real("reg_covar", &GmmSettings::regCovar, 0.0, true, 1.0,
                               COLLAPSE_TRANSLATABLE("Parameters", "Covariance floor"),
                               COLLAPSE_TRANSLATABLE("Parameters", "Added to every covariance's diagonal, so a "
                                                                   "collapsed component stays a density."));
    floor.editor = ParameterEditor::Suggestions;
    floor.suggestions = {1e-3, 1e-4, 1e-6, 1e-8};
    all.push_back(floor);
    return all;
}

} // namespace

void GmmExperiment::scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates, Selection selection,
                                 std::span<double> scores) const
{
    scoreMixtureSamples(static_cast<const MixtureModel&>(model), original_.overallMean(), original_.overallCovariance(),
                        candidates, selection, scores);
}

const ModelDescriptor& GmmSettings::descriptor()
{
    static const ModelDescriptor model = [] {
        ModelDescriptor d;
        d.name = "gmm";
        d.title = COLLAPSE_TRANSLATABLE("Models", "Gaussian mixture (EM)");
        d.defaults = {.samples = 1000, .generations = 100, .replicates = 10, .capacity = 2};
        d.capacity = {1, 64, "mixture components"};
        d.parameters = gmmParameters();
        d.metrics = {&common_metrics::tailMass,  &gmm_metrics::loglikReal, &gmm_metrics::l2ToOriginal,
                     &gmm_metrics::totalStd,     &gmm_metrics::minWeight,  &gmm_metrics::effectiveComponents,
                     &gmm_metrics::componentStdMin, &gmm_metrics::componentStdMax};
        // Late collapse is every cluster narrowed to a spike: the widest component's spread, not the whole
        // mixture's, which the distance between the clusters keeps up while each of them is a line.
        // Real data a nat per point less likely than at the start is visible in the picture; three nats
        // (twenty times less likely) mean a part of the original is gone.
        d.roles = {&common_metrics::tailMass, &gmm_metrics::componentStdMax, &gmm_metrics::totalStd};
        d.roles.fit = &gmm_metrics::loglikReal;
        d.roles.noticeableFitLoss = 1.0;
        d.roles.severeFitLoss = 3.0;
        // Equal weights unless a minority is asked for.
        d.complete = [](Scenario& scenario, const nlohmann::json& given) {
            GmmSettings& settings = scenario.as<GmmSettings>();
            if (!given.contains("minority_share")) {
                settings.minorityShare = 1.0 / settings.trueComponents;
            }
        };
        d.check = [](const Scenario& scenario) {
            const GmmSettings& settings = scenario.as<GmmSettings>();
            if (settings.trueComponents == 1 && settings.minorityShare != 1.0) {
                throw ScenarioError("\"minority_share\" needs \"true_components\" of 2 or more");
            }
        };
        // A new cluster count starts with equal weights.
        d.follow = [](Scenario& scenario, std::string_view key) {
            if (key == "true_components") {
                GmmSettings& settings = scenario.as<GmmSettings>();
                settings.minorityShare = 1.0 / settings.trueComponents;
            }
        };
        d.valuesPerSample = [](const Scenario& scenario) { return static_cast<double>(scenario.as<GmmSettings>().dim); };
        d.makeExperiment = [](const Scenario& scenario) { return std::make_unique<GmmExperiment>(scenario); };
        d.reproduction = gmmReproduction;
        d.scoresByLikelihood = true;
        d.scoresByTarget = true;
        return d;
    }();
    return model;
}

} // namespace collapse
