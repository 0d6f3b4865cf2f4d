#include "core/models/kde/kde_model.h"

#include "core/model_registry.h"
#include "core/parameter_builders.h"
#include "core/random.h"
#include "core/scenario.h"
#include "core/training_set.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace collapse {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kCentralCoverage = 0.95;
// Φ^{-1}(0.975): the central 95% interval of N(0, 1) is ±this.
constexpr double kNormalQuantile975 = 1.959963984540054;
// The samples measured against the original's fixed sample: enough to tell a precision or recall to a few
// per cent, few enough that a sweep's cells of thousands of points stay quick.
constexpr Eigen::Index kMeasuredSamples = 1000;
// The held-out points the test loss averages over, and how many numbers of their distances to the kernels
// are worked on at once (16 MiB: up to 128 points, fewer against an accumulated pool of many kernels).
constexpr Eigen::Index kLikelihoodPoints = 1000;
constexpr Eigen::Index kLikelihoodBlockPoints = 128;
constexpr Eigen::Index kLikelihoodBlockEntries = Eigen::Index(1) << 21;

double normalCdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

// A point on the line is one number, in the plane two.
double valuesPerPoint(const Scenario& scenario) { return kdeOnLine(scenario.as<KdeSettings>()) ? 1.0 : 2.0; }

} // namespace

double kdeBandwidth(int capacity) { return capacity / 100.0; }

void logDensities(const Eigen::Ref<const Samples>& points, const Samples& centres, double bandwidth, std::span<double> out)
{
    const auto dimension = static_cast<double>(points.rows());
    const double logNormaliser = std::log(static_cast<double>(centres.cols())) +
                                 0.5 * dimension * std::log(2.0 * std::numbers::pi * bandwidth * bandwidth);
    const Eigen::RowVectorXd centreNorms = centres.colwise().squaredNorm();
    const Eigen::Index blockPoints = std::clamp(kLikelihoodBlockEntries / centres.cols(), Eigen::Index(1), kLikelihoodBlockPoints);
    for (Eigen::Index begin = 0; begin < points.cols(); begin += blockPoints) {
        const Eigen::Index width = std::min(blockPoints, points.cols() - begin);
        const auto block = points.middleCols(begin, width);
        // −|x − xᵢ|²/(2h²) for each kernel (row) and point (column): |x|² + |xᵢ|² − 2 xᵀxᵢ. A point's
        // exponents lie together, so its exponentials are taken a vector at a time. The block's memory is
        // kept from call to call rather than mapped and unmapped every time.
        thread_local Eigen::MatrixXd exponents;
        exponents.resize(centres.cols(), width);
        exponents.noalias() = 2.0 * centres.transpose() * block;
        exponents.colwise() -= centreNorms.transpose();
        exponents.rowwise() -= block.colwise().squaredNorm();
        exponents.array() = exponents.array().min(0.0) / (2.0 * bandwidth * bandwidth);
        for (Eigen::Index i = 0; i < width; ++i) {
            const double largest = exponents.col(i).maxCoeff();
            out[static_cast<std::size_t>(begin + i)] =
                largest + std::log((exponents.col(i).array() - largest).exp().sum()) - logNormaliser;
        }
    }
}

double meanNegativeLogLikelihood(const Eigen::Ref<const Samples>& points, const Samples& centres, double bandwidth)
{
    std::vector<double> logDensity(static_cast<std::size_t>(points.cols()));
    logDensities(points, centres, bandwidth, logDensity);
    double total = 0.0;
    for (const double value : logDensity) {
        total -= value;
    }
    return total / static_cast<double>(points.cols());
}

bool kdeOnLine(const KdeSettings& settings) { return settings.dataset == "normal"; }

Samples kdeReference(const KdeSettings& settings, std::uint64_t seed)
{
    if (kdeOnLine(settings)) {
        RandomStream heldOut(seed, 0, 0, Purpose::HeldOut);
        Samples reference(1, kComparedPoints);
        heldOut.fillNormals({reference.data(), static_cast<std::size_t>(reference.size())});
        return reference;
    }
    const std::optional<PointSet> set = pointSetNamed(settings.dataset);
    return pointsReference(set, set ? Eigen::Matrix2Xd() : readPointsCsv(settings.dataset), seed);
}

KdeModel::KdeModel(Samples points, double bandwidth) : points_(std::move(points)), bandwidth_(bandwidth) {}

void KdeModel::sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const
{
    // A kernel density estimate is the mixture of its kernels with equal weights: pick a kernel, then
    // draw from it. λ scales the kernels' variance, so √λ their deviation.
    out.resize(points_.rows(), count);
    random.fillNormals({out.data(), static_cast<std::size_t>(out.size())});
    const double scale = std::sqrt(samplingBias) * bandwidth_;
    const auto kernels = static_cast<std::size_t>(points_.cols());
    for (Eigen::Index i = 0; i < count; ++i) {
        out.col(i) = points_.col(static_cast<Eigen::Index>(random.below(kernels))) + scale * out.col(i);
    }
}

const GaussianMixture& KdeModel::mixture() const
{
    std::call_once(mixtureBuilt_, [this] {
        const double weight = 1.0 / static_cast<double>(points_.cols());
        const Eigen::MatrixXd kernel =
            Eigen::MatrixXd::Identity(points_.rows(), points_.rows()) * bandwidth_ * bandwidth_;
        std::vector<GaussianMixture::Parameters> kernels;
        kernels.reserve(static_cast<std::size_t>(points_.cols()));
        for (Eigen::Index i = 0; i < points_.cols(); ++i) {
            kernels.push_back({weight, points_.col(i), kernel});
        }
        mixture_.emplace(kernels);
    });
    return *mixture_;
}

double KdeModel::testLoss(const std::function<double()>& compute) const
{
    std::call_once(testLossFound_, [&] { testLoss_ = compute(); });
    return testLoss_;
}

KdeExperiment::KdeExperiment(const Scenario& scenario)
    : bandwidth_(kdeBandwidth(scenario.capacity)), line_(kdeOnLine(scenario.as<KdeSettings>())),
      pointSet_(pointSetNamed(scenario.as<KdeSettings>().dataset))
{
    const KdeSettings& settings = scenario.as<KdeSettings>();
    if (!line_ && !pointSet_) {
        filePoints_ = readPointsCsv(settings.dataset);
    }
    reference_ = line_ ? kdeReference(settings, scenario.seed) : pointsReference(pointSet_, filePoints_, scenario.seed);
    referenceRadii_ = kthNeighbourRadii(reference_, kManifoldNeighbours);
    referenceProjections_.emplace(reference_);
    if (!line_) {
        central_.emplace(reference_, kCentralCoverage);
    }
    referenceMean_ = reference_.rowwise().mean();
    referenceCovariance_ = regularisedCovariance(reference_);
}

void KdeExperiment::scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates,
                                 Selection selection, std::span<double> scores) const
{
    if (selection == Selection::Likelihood) {
        const auto& kde = static_cast<const KdeModel&>(model);
        logDensities(candidates, kde.points(), kde.bandwidth(), scores);
    } else {
        scoreByBiasedTarget(referenceMean_, referenceCovariance_, candidates, scores);
    }
}

void KdeExperiment::drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const
{
    if (line_) {
        out.resize(1, count);
        random.fillNormals({out.data(), static_cast<std::size_t>(count)});
    } else {
        drawPoints(pointSet_, filePoints_, out, count, random);
    }
}

std::shared_ptr<const FittedModel> KdeExperiment::fit(const Eigen::Ref<const Samples>& training, RandomStream&) const
{
    return std::make_shared<KdeModel>(Samples(training), bandwidth_);
}

void KdeExperiment::measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                            std::span<double> values) const
{
    // In the order of the descriptor's metrics.
    enum { Tail, Spread, Precision, Recall, Sliced, Modes, TestLoss, TestLossChange, Helped };
    const auto& kde = static_cast<const KdeModel&>(model);
    const Samples& points = kde.points();
    const double h = kde.bandwidth();
    std::fill(values.begin(), values.end(), kNaN);
    const Eigen::MatrixXd compared = drawn.leftCols(std::min(kMeasuredSamples, drawn.cols()));
    if (line_) {
        // Exactly: each kernel's mass beyond ±1.96, the central 95% of N(0, 1), averaged.
        double outside = 0.0;
        for (Eigen::Index i = 0; i < points.cols(); ++i) {
            outside += normalCdf((-kNormalQuantile975 - points(0, i)) / h) + normalCdf((points(0, i) - kNormalQuantile975) / h);
        }
        values[Tail] = outside / static_cast<double>(points.cols());
    } else {
        values[Tail] = central_->outsideShare(compared);
    }
    // The estimate's variance per coordinate is its points' (divided by M, as the estimate weighs each
    // point 1/M) plus the kernel's h².
    const Eigen::VectorXd mean = points.rowwise().mean();
    const double pointVariance = (points.colwise() - mean).squaredNorm() / static_cast<double>(points.size());
    values[Spread] = std::sqrt(pointVariance + h * h);
    const PrecisionRecall pr = precisionAndRecall(reference_, referenceRadii_, compared);
    values[Precision] = pr.precision;
    values[Recall] = pr.recall;
    values[Sliced] = slicedWasserstein(SortedProjections(compared), *referenceProjections_);
    if (pointSet_ == PointSet::Ring) {
        values[Modes] = ringModesKept(compared);
    }
    const auto heldOut = reference_.leftCols(std::min(kLikelihoodPoints, reference_.cols()));
    const auto lossOf = [&](const KdeModel& estimate) {
        return estimate.testLoss([&] { return meanNegativeLogLikelihood(heldOut, estimate.points(), estimate.bandwidth()); });
    };
    values[TestLoss] = lossOf(kde);
    values[TestLossChange] = values[TestLoss] - lossOf(static_cast<const KdeModel&>(firstModel));
    values[Helped] = values[TestLossChange] < 0.0 ? 1.0 : 0.0;
}

const ModelDescriptor& KdeSettings::descriptor()
{
    static const ModelDescriptor model = [] {
        using namespace parameters;
        ModelDescriptor d;
        d.name = "kde";
        d.title = COLLAPSE_TRANSLATABLE("Models", "Kernel density estimate");
        // h = 0.05 on M = 100 normals lies below the critical σ/√M = 0.1: the variance settles at
        // M h² = 0.25 as the points coalesce, the story a lecture tells first.
        d.defaults = {.samples = 100, .generations = 200, .replicates = 20, .capacity = 5};
        d.capacity = {1, 300, "bandwidth h in hundredths"};
        ParameterSpec dataset = text("dataset", &KdeSettings::dataset, COLLAPSE_TRANSLATABLE("Parameters", "Data"),
                                     COLLAPSE_TRANSLATABLE("Parameters", "normal (1-D), swiss_roll, moons or ring (2-D "
                                                                         "points), or a CSV file of 2-D points."));
        dataset.editor = ParameterEditor::File;
        dataset.fileFilter = COLLAPSE_TRANSLATABLE("Parameters", "Points (*.csv)");
        d.parameters = {dataset};
        d.check = [](const Scenario& scenario) {
            const std::string& name = scenario.as<KdeSettings>().dataset;
            if (name != "normal" && !pointSetNamed(name) && !namesCsvFile(name)) {
                throw ScenarioError("\"dataset\" of the kde model must be normal, swiss_roll, moons, ring or a .csv "
                                    "file of 2-D points, not \"" + name + "\"");
            }
        };
        d.metrics = {&common_metrics::tailMass,          &kde_metrics::spread,           &sample_metrics::precision,
                     &sample_metrics::recall,            &sample_metrics::slicedWasserstein, &sample_metrics::modesKept,
                     &kde_metrics::nllReal,              &kde_metrics::nllChange,        &kde_metrics::syntheticHelped};
        d.roles = {&common_metrics::tailMass, &kde_metrics::spread, &kde_metrics::spread};
        // How far from the original: the (sliced) W₂ distance of the samples to a fixed sample of it, in the
        // data's units. A tenth of the normal's σ is visible beside the noise of 100 samples; a third is a
        // shape that has gone, by coalescing or blurring.
        d.roles.fit = &sample_metrics::slicedWasserstein;
        d.roles.fitKind = MetricRoles::FitKind::Distance;
        d.roles.noticeableFitLoss = 0.15;
        d.roles.severeFitLoss = 0.4;
        d.roles.driftingByFit = COLLAPSE_TRANSLATABLE("Narration", "The estimate is drifting from the original (%2 "
                                                                   "further away): each generation's points are "
                                                                   "copies of a random few of the last one's, "
                                                                   "moved by the kernel's noise.");
        d.roles.earlyCollapseByFit = COLLAPSE_TRANSLATABLE("Narration", "Model collapse under way: the estimate has "
                                                                        "lost the original's shape. Too narrow a "
                                                                        "kernel lets the points coalesce into clumps; "
                                                                        "too wide a kernel blurs them apart.");
        d.valuesPerSample = valuesPerPoint;
        // An estimate keeps its training set as its kernels' centres: the current one's and generation 0's,
        // and the one fitted before it while the next is fitted.
        d.modelBytes = [](const Scenario& scenario) {
            return (2.0 * largestTrainingSet(scenario) + scenario.samples) * valuesPerPoint(scenario) * sizeof(double);
        };
        d.scoresByLikelihood = true;
        d.scoresByTarget = true;
        d.makeExperiment = [](const Scenario& scenario) { return std::make_unique<KdeExperiment>(scenario); };
        d.checkData = [](const Scenario& scenario) {
            const KdeSettings& settings = scenario.as<KdeSettings>();
            if (!kdeOnLine(settings) && !pointSetNamed(settings.dataset)) {
                readPointsCsv(settings.dataset);
            }
        };
        return d;
    }();
    return model;
}

} // namespace collapse
