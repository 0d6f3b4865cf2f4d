// The kde model: sampling draws from the kernels, its tail mass, spread and test loss are the estimate's
// own, and the variance per coordinate follows E[v_{g+1}] = (1 − 1/M) v_g + h² (core/README.md, "kde") on
// the line and in the plane, within four standard errors at fixed seeds.

#include "core/memory_estimate.h"
#include "core/model_registry.h"
#include "core/models/kde/kde_model.h"
#include "core/random.h"
#include "core/scenario.h"
#include "tests/common/statistics.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>

using namespace collapse;
using namespace collapse::testing;

namespace {

constexpr int kSpread = 1; // the descriptor's order: tail_mass, total_std, …

Scenario kdeOn(const std::string& dataset, int samples, int capacity)
{
    Scenario scenario = defaultScenario<KdeSettings>();
    scenario.as<KdeSettings>().dataset = dataset;
    scenario.samples = samples;
    scenario.capacity = capacity;
    return scenario;
}

// Each chain's estimate's variance per coordinate, total_std², at generations 0 and `generation` of
// `chains` chains that resample M points from their estimate each generation.
struct ChainVariances {
    std::vector<double> first, last;
};
// The estimate's variance per coordinate, as total_std squares it: its points' (divided by M) plus h².
double estimateVariance(const FittedModel& model)
{
    const auto& kde = static_cast<const KdeModel&>(model);
    const Eigen::VectorXd mean = kde.points().rowwise().mean();
    return (kde.points().colwise() - mean).squaredNorm() / static_cast<double>(kde.points().size()) +
           kde.bandwidth() * kde.bandwidth();
}

ChainVariances varianceRuns(const Scenario& scenario, int generation, int chains)
{
    const KdeExperiment experiment(scenario);
    ChainVariances variances;
    for (int chain = 0; chain < chains; ++chain) {
        RandomStream random(11, chain, 0, Purpose::OriginalData);
        std::shared_ptr<const FittedModel> model = experiment.fit(experiment.drawOriginal(scenario.samples, random), random);
        variances.first.push_back(estimateVariance(*model));
        for (int g = 1; g <= generation; ++g) {
            model = experiment.fit(model->sample(scenario.samples, 1.0, random), random);
        }
        variances.last.push_back(estimateVariance(*model));
    }
    return variances;
}

} // namespace

class KdeTest : public QObject {
    Q_OBJECT

private slots:
    void samplingDrawsFromTheKernels()
    {
        // Kernels N(0, 0.5²) and N(10, 0.5²), equally weighted: mean 5, variance 25 + 0.25.
        Samples points(1, 2);
        points << 0.0, 10.0;
        const KdeModel model(points, 0.5);
        RandomStream random(3, 0, 0, Purpose::ModelSamples);
        const Samples drawn = model.sample(20000, 1.0, random);
        const std::vector<double> values(drawn.data(), drawn.data() + drawn.size());
        COLLAPSE_COMPARE_WITHIN(mean(values), 5.0, 4.0 * standardErrorOfMean(values));
        COLLAPSE_COMPARE_WITHIN(variance(values), 25.25, 4.0 * standardErrorOfVariance(values));
        // Without the kernels' noise (λ = 0) the estimate resamples its points as they are.
        const Samples copies = model.sample(50, 0.0, random);
        QVERIFY((copies.array() == 0.0 || copies.array() == 10.0).all());
    }

    void theEstimateOnOnePointMeasuresAsItsKernel()
    {
        // Every point at the origin with h = 1: the estimate is N(0, 1) itself, whose mass beyond ±1.96 is
        // 5% and whose spread is 1.
        const Scenario scenario = kdeOn("normal", 100, 100);
        const KdeExperiment experiment(scenario);
        const KdeModel model(Samples::Zero(1, 30), 1.0);
        RandomStream random(5, 0, 0, Purpose::ModelSamples);
        std::vector<double> values(scenario.model().metrics.size());
        experiment.measure(model, model, model.sample(2000, 1.0, random), values);
        QVERIFY(std::abs(values[0] - 0.05) < 1e-12);
        QVERIFY(std::abs(values[kSpread] - 1.0) < 1e-15);
        // On the points 0 and 2 (variance 1, divided by M) with h = 1, total_std is √(1 + 1).
        Samples two(1, 2);
        two << 0.0, 2.0;
        const KdeModel pair(two, 1.0);
        experiment.measure(pair, pair, pair.sample(2000, 1.0, random), values);
        QVERIFY(std::abs(values[kSpread] - std::sqrt(2.0)) < 1e-15);
        QCOMPARE(values[kSpread] * values[kSpread], estimateVariance(pair));
    }

    // v_g = s_g² + h², s_g² the biased variance of M draws from an estimate of variance v_{g−1}:
    // E[s_g²] = (1 − 1/M) v_{g−1}, so E[v_g] = M h² + (E[v_0] − M h²)(1 − 1/M)^g with E[v_0] = (1 − 1/M)σ² + h².
    void theVarianceApproachesMTimesHSquaredOnTheLine()
    {
        const int samples = 20;
        const double h = 0.1;
        const Scenario scenario = kdeOn("normal", samples, 10);
        const double shrink = 1.0 - 1.0 / samples;
        const double fixedPoint = samples * h * h;
        const double start = shrink * 1.0 + h * h;
        const int generation = 40;
        const ChainVariances variances = varianceRuns(scenario, generation, 3000);
        COLLAPSE_COMPARE_WITHIN(mean(variances.first), start, 4.0 * standardErrorOfMean(variances.first));
        COLLAPSE_COMPARE_WITHIN(mean(variances.last), fixedPoint + (start - fixedPoint) * std::pow(shrink, generation),
                                4.0 * standardErrorOfMean(variances.last));
    }

    // In the plane each coordinate follows the same recursion, so their mean does: v_g − (1 − 1/M)^g v_0 has
    // expectation M h² (1 − (1 − 1/M)^g) whatever the original's variance, here the swiss roll's, and
    // above it, with a kernel wider than σ/√M, the estimate blurs outward.
    void theVarianceFollowsTheSameRecursionInThePlane()
    {
        const int samples = 50;
        const double h = 0.4;
        const Scenario scenario = kdeOn("swiss_roll", samples, 40);
        const double shrink = 1.0 - 1.0 / samples;
        const int generation = 30;
        const ChainVariances variances = varianceRuns(scenario, generation, 1500);
        std::vector<double> gained;
        for (std::size_t chain = 0; chain < variances.first.size(); ++chain) {
            gained.push_back(variances.last[chain] - std::pow(shrink, generation) * variances.first[chain]);
        }
        COLLAPSE_COMPARE_WITHIN(mean(gained), samples * h * h * (1.0 - std::pow(shrink, generation)),
                                4.0 * standardErrorOfMean(gained));
        QVERIFY(mean(variances.last) > mean(variances.first));
    }

    void theTestLossIsTheEstimatesLogLikelihood()
    {
        // One kernel N(0, 1): −ln p(x) = ln √(2π) + x²/2.
        Samples at(1, 3);
        at << 0.0, 1.0, -2.0;
        const double expected = 0.5 * std::log(2.0 * std::numbers::pi) + (0.0 + 0.5 + 2.0) / 3.0;
        QVERIFY(std::abs(meanNegativeLogLikelihood(at, Samples::Zero(1, 1), 1.0) - expected) < 1e-12);
        // In the plane, against the estimate as a Gaussian mixture; and a point far from every kernel still
        // counts, at its distance to the nearest.
        RandomStream random(9, 0, 0, Purpose::OriginalData);
        Samples centres;
        drawPointSet(PointSet::Moons, centres, 300, random);
        Samples points;
        drawPointSet(PointSet::Moons, points, 200, random);
        const KdeModel model(centres, 0.2);
        const double fromMixture = -model.mixture().logDensity(points).mean();
        QVERIFY(std::abs(meanNegativeLogLikelihood(points, centres, 0.2) - fromMixture) < 1e-9 * std::abs(fromMixture));
        Samples far(1, 1);
        far << 100.0;
        const double farLoss = meanNegativeLogLikelihood(far, Samples::Zero(1, 2), 0.1);
        QVERIFY(std::isfinite(farLoss));
        QVERIFY(std::abs(farLoss - (0.5 * std::log(2.0 * std::numbers::pi * 0.01) + 100.0 * 100.0 / 0.02)) < 1e-6 * farLoss);
    }

    void selectionScoresByTheEstimateOrTheBiasedTarget()
    {
        // By likelihood: ln p(x) under the estimate, the numbers its mixture gives.
        const Scenario scenario = kdeOn("moons", 300, 20);
        const KdeExperiment experiment(scenario);
        RandomStream random(4, 0, 0, Purpose::OriginalData);
        const std::shared_ptr<const FittedModel> model = experiment.fit(experiment.drawOriginal(300, random), random);
        const Samples candidates = model->sample(500, 1.0, random);
        std::vector<double> scores(500);
        experiment.scoreSamples(*model, candidates, Selection::Likelihood, scores);
        const Eigen::VectorXd fromMixture = static_cast<const KdeModel&>(*model).mixture().logDensity(candidates);
        for (Eigen::Index i = 0; i < 500; ++i) {
            QVERIFY(std::abs(scores[static_cast<std::size_t>(i)] - fromMixture[i]) < 1e-9 * (1.0 + std::abs(fromMixture[i])));
        }
        // The biased target on the line is the fixed sample's mean moved one of its standard deviations up:
        // about 1, so of −1, 0, 1, 2 and 3 the point 1 scores highest and 0 and 2 about the same.
        const Scenario line = kdeOn("normal", 100, 5);
        const KdeExperiment lineExperiment(line);
        Samples points(1, 5);
        points << -1.0, 0.0, 1.0, 2.0, 3.0;
        std::vector<double> closeness(5);
        lineExperiment.scoreSamples(KdeModel(Samples::Zero(1, 1), 0.05), points, Selection::Biased, closeness);
        QCOMPARE(std::max_element(closeness.begin(), closeness.end()) - closeness.begin(), 2);
        QVERIFY(std::abs(closeness[1] - closeness[3]) < 0.2);
    }

    void aBiasedTargetOnPointsOnALineIsStillATarget()
    {
        // Points with y = 0 have a singular covariance: its ridge keeps the scores finite, and the target,
        // one standard deviation along x, still scores highest.
        QTemporaryDir dir;
        const std::string path = dir.filePath("line.csv").toStdString();
        std::ofstream file(path);
        for (int i = -50; i <= 50; ++i) {
            file << i / 50.0 << ",0\n";
        }
        file.close();
        const KdeExperiment experiment(kdeOn(path, 100, 5));
        Samples points(2, 3);
        points << 0.0, 0.58, 2.0, 0.0, 0.0, 0.0;
        std::vector<double> closeness(3);
        experiment.scoreSamples(KdeModel(Samples::Zero(2, 1), 0.05), points, Selection::Biased, closeness);
        QVERIFY(std::all_of(closeness.begin(), closeness.end(), [](double v) { return std::isfinite(v); }));
        QCOMPARE(std::max_element(closeness.begin(), closeness.end()) - closeness.begin(), 1);
    }

    void theMemoryEstimateCountsTheKernelsOfAnAccumulatedPool()
    {
        // Accumulating, each chain keeps (G − 1) M more points in its pool than replacing, and its current
        // estimate and the one before it each hold them again as kernels.
        Scenario replaced = kdeOn("moons", 1000, 20);
        replaced.generations = 500;
        Scenario accumulated = replaced;
        accumulated.policy = Policy::Accumulate;
        const double morePoints = replaced.replicates * (replaced.generations - 1.0) * replaced.samples;
        const double added = estimateRunMemory(accumulated).chainBytes - estimateRunMemory(replaced).chainBytes;
        QVERIFY2(std::abs(added - 3.0 * morePoints * 2.0 * sizeof(double)) < 1e-9 * added, qPrintable(QString::number(added)));
    }

    void anUnknownDatasetIsRefusedByName()
    {
        try {
            parseScenario(R"({"model": "kde", "dataset": "triangle"})", "test");
            QFAIL("a kde scenario on an unknown dataset was accepted");
        } catch (const ScenarioError& error) {
            QVERIFY(QString::fromUtf8(error.what()).contains("\"dataset\""));
            QVERIFY(QString::fromUtf8(error.what()).contains("triangle"));
        }
        QCOMPARE(parseScenario(R"({"model": "kde", "dataset": "moons"})", "test").as<KdeSettings>().dataset,
                 std::string("moons"));
    }
};

QTEST_APPLESS_MAIN(KdeTest)
#include "test_kde.moc"
