// The engine: byte-identical results for any thread count, cancellation, snapshots, training-set
// policies and their sizes, summaries and the whole-or-nothing writing of results.

#include "core/engine.h"
#include "core/mixture_model.h"
#include "core/models/diffusion/diffusion_settings.h"
#include "core/models/gaussian/gaussian_model.h"
#include "core/models/gmm/gmm_model.h"
#include "core/output_files.h"
#include "core/random.h"
#include "core/results.h"
#include "core/training_set.h"
#include "tests/common/statistics.h"

#include <QTemporaryDir>
#include <QTest>

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <numbers>
#include <numeric>
#include <sstream>
#include <thread>

#include <unistd.h>

using namespace collapse;
using namespace collapse::testing;

namespace {

std::string csvOf(const Scenario& scenario)
{
    const RunResults results = runScenario(scenario);
    std::ostringstream out;
    out << metricsCsv(results);
    out << summaryCsv(results);
    return out.str();
}

Scenario smallGmm()
{
    Scenario scenario = defaultScenario<GmmSettings>();
    scenario.samples = 200;
    scenario.generations = 6;
    scenario.replicates = 5;
    scenario.as<GmmSettings>().trueComponents = 3;
    scenario.as<GmmSettings>().minorityShare = 1.0 / 3.0;
    scenario.capacity = 3;
    return scenario;
}

// Every generation's snapshot of a run of `engine`, in order.
std::vector<GenerationSnapshot> everySnapshot(Engine& engine)
{
    std::vector<GenerationSnapshot> snapshots;
    engine.run([&](GenerationSnapshot&& snapshot) { snapshots.push_back(std::move(snapshot)); });
    return snapshots;
}

void expectOnlyEntries(const std::filesystem::path& folder, std::vector<std::string> names)
{
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        found.push_back(entry.path().filename().string());
    }
    std::sort(found.begin(), found.end());
    std::sort(names.begin(), names.end());
    QCOMPARE(found, names);
}

// A Gaussian under the augment policy with synthetic ratio `ratio`.
Scenario augmentedGaussian(double ratio, int samples, int generations, int replicates)
{
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.policy = Policy::Augment;
    scenario.syntheticRatio = ratio;
    scenario.samples = samples;
    scenario.generations = generations;
    scenario.replicates = replicates;
    return scenario;
}

} // namespace

class EngineTest : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameBytesForAnyThreadCount_data();
    void sameSeedSameBytesForAnyThreadCount();
    void differentSeedsDiffer();
    void cancellationStopsBeforeTheNextGeneration();
    void cancellationStopsALongFitPartWay();
    void snapshotsCarryTheStage();
    void snapshotsCarryMoreChainsDrawnSmall();
    void trainingSizeFollowsPolicy_data();
    void trainingSizeFollowsPolicy();
    void replaceKeepsMemoryFlat();
    void batchCompositionMixesHumanAndSynthetic_data();
    void batchCompositionMixesHumanAndSynthetic();
    void augmentAtZeroTrainsOnTheRealDataAlone();
    void augmentKeepsTheRealDataAndAddsTheRatio();
    void augmentedVarianceMatchesItsRecursion();
    void selectionKeepsTheBestShare();
    void likelihoodSelectionKeepsTheCentre();
    void biasedSelectionMovesTowardItsTarget();
    void subsampleDrawsDistinctPoints();
    void fullHumanDataNeverCollapses();
    void summariesUseType7Quantiles();
    void numbersRoundTrip();
    void outputFilesAreWholeOrAbsent();
    void temporariesFollowNoLink();
    void streamedFilesAreWholeOrAbsent();
    void runFileStreamsWriteTheRunFiles();
};

void EngineTest::sameSeedSameBytesForAnyThreadCount_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("policy");
    QTest::addRow("gaussian, replace") << "gaussian" << int(Policy::Replace);
    QTest::addRow("gmm, replace") << "gmm" << int(Policy::Replace);
    QTest::addRow("gmm, accumulate_subsample") << "gmm" << int(Policy::AccumulateSubsample);
    QTest::addRow("gmm, augment") << "gmm" << int(Policy::Augment);
    QTest::addRow("gmm, selection") << "gmm selection" << int(Policy::Replace);
}

void EngineTest::sameSeedSameBytesForAnyThreadCount()
{
    QFETCH(QString, model);
    QFETCH(int, policy);
    Scenario scenario = model.startsWith("gmm") ? smallGmm() : defaultScenario<GaussianSettings>();
    scenario.policy = static_cast<Policy>(policy);
    if (model.endsWith("selection")) {
        scenario.selection = Selection::Likelihood;
        scenario.selectionKeep = 0.3;
    }
    scenario.humanFraction = 0.2;
    scenario.generations = 8;
    scenario.replicates = 7;
    omp_set_num_threads(1);
    const std::string one = csvOf(scenario);
    omp_set_num_threads(2);
    const std::string two = csvOf(scenario);
    omp_set_num_threads(3);
    const std::string three = csvOf(scenario);
    QVERIFY(one.size() > 1000);
    QVERIFY(one == two);
    QVERIFY(one == three);
}

void EngineTest::differentSeedsDiffer()
{
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.generations = 3;
    scenario.replicates = 2;
    const std::string first = csvOf(scenario);
    scenario.seed = 2;
    QVERIFY(csvOf(scenario) != first);
}

void EngineTest::cancellationStopsBeforeTheNextGeneration()
{
    Scenario scenario = smallGmm();
    scenario.generations = 100;
    Engine engine(scenario);
    std::atomic<bool> cancel{false};
    int received = 0;
    const auto outcome = engine.run(
        [&](GenerationSnapshot&& snapshot) {
            received = snapshot.generation + 1;
            if (snapshot.generation == 2) {
                cancel = true;
            }
        },
        &cancel);
    QCOMPARE(outcome, Engine::Outcome::Cancelled);
    QCOMPARE(received, 3);
}

void EngineTest::cancellationStopsALongFitPartWay()
{
    // One generation of this diffusion model is over a million minibatches, far beyond the suite's CTest
    // timeout: the run ends in time only if the fit stops part-way.
    Scenario scenario = defaultScenario<DiffusionSettings>();
    scenario.samples = 10000;
    scenario.generations = 2;
    scenario.replicates = 1;
    scenario.as<DiffusionSettings>().epochs = 10000;
    Engine engine(scenario);
    std::atomic<bool> cancel{false};
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancel = true;
    });
    int received = 0;
    const auto outcome = engine.run([&](GenerationSnapshot&&) { ++received; }, &cancel);
    canceller.join();
    QCOMPARE(outcome, Engine::Outcome::Cancelled);
    QCOMPARE(received, 0);
}

void EngineTest::snapshotsCarryTheStage()
{
    Scenario scenario = smallGmm();
    scenario.samples = 8000;
    scenario.generations = 2;
    scenario.replicates = 2;
    Engine engine(scenario);
    const std::vector<GenerationSnapshot> snapshots = everySnapshot(engine);
    QCOMPARE(snapshots.size(), std::size_t(2));
    QCOMPARE(snapshots[1].generation, 1);
    QCOMPARE(snapshots[1].metrics.rows(), 2);
    QCOMPARE(snapshots[1].metrics.cols(), Eigen::Index(engine.metricColumns().size()));
    QCOMPARE(snapshots[1].samples.rows(), 2);
    QCOMPARE(snapshots[1].samples.cols(), kDisplaySampleCap);
    const auto* model = dynamic_cast<const MixtureModel*>(snapshots[1].model.get());
    QVERIFY(model != nullptr);
    QCOMPARE(model->mixture().size(), 3);
    QCOMPARE(engine.metricColumns().front(), "train_size");

    // Chains run several quick generations in a row; each snapshot still carries its own generation's
    // model of the chain on stage, the one its metrics row describes.
    Scenario quick = defaultScenario<GaussianSettings>();
    quick.generations = 60;
    quick.replicates = 3;
    Engine gaussian(quick);
    gaussian.setShownReplicate(1);
    const auto& columns = gaussian.metricColumns();
    const auto meanColumn = std::distance(columns.begin(), std::find(columns.begin(), columns.end(), "mean"));
    int generation = 0;
    gaussian.run([&](GenerationSnapshot&& snapshot) {
        QCOMPARE(snapshot.generation, generation++);
        QCOMPARE(snapshot.shownReplicate, 1);
        const auto& normal = dynamic_cast<const NormalModel&>(*snapshot.model);
        QCOMPARE(normal.mean(), snapshot.metrics(1, meanColumn));
        QCOMPARE(snapshot.samples.cols(), Eigen::Index(quick.samples));
    });
    QCOMPARE(generation, 60);
}

void EngineTest::snapshotsCarryMoreChainsDrawnSmall()
{
    // Each chain drawn small is the chain a run with it on stage shows: the same model and the first of
    // the same samples, fewer of them; numbers outside the run are left out.
    Scenario scenario = smallGmm();
    scenario.samples = 3000;
    scenario.generations = 3;
    scenario.replicates = 4;
    Engine many(scenario);
    many.setMoreShownReplicates({3, 7, -1, 1});
    const std::vector<GenerationSnapshot> snapshots = everySnapshot(many);
    QCOMPARE(snapshots.size(), std::size_t(3));
    for (int chain : {3, 1}) {
        Engine alone(scenario);
        alone.setShownReplicate(chain);
        int generation = 0;
        alone.run([&](GenerationSnapshot&& snapshot) {
            const GenerationSnapshot& withMore = snapshots[static_cast<std::size_t>(generation++)];
            QCOMPARE(withMore.moreChains.size(), std::size_t(2));
            const GenerationSnapshot::Chain& small = withMore.moreChains[chain == 3 ? 0 : 1];
            QCOMPARE(small.replicate, chain);
            QCOMPARE(small.samples.cols(), kSmallStageSampleCap);
            QVERIFY(small.samples == snapshot.samples.leftCols(kSmallStageSampleCap));
            const auto& smallMixture = dynamic_cast<const MixtureModel&>(*small.model).mixture();
            const auto& shownMixture = dynamic_cast<const MixtureModel&>(*snapshot.model).mixture();
            QCOMPARE(smallMixture.size(), shownMixture.size());
            for (int k = 0; k < smallMixture.size(); ++k) {
                QVERIFY(smallMixture.component(k).mean == shownMixture.component(k).mean);
            }
        });
    }
}

void EngineTest::trainingSizeFollowsPolicy_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("expectedAtGeneration4");
    QTest::addRow("replace") << int(Policy::Replace) << 50;
    QTest::addRow("accumulate") << int(Policy::Accumulate) << 250;
    QTest::addRow("accumulate_subsample") << int(Policy::AccumulateSubsample) << 50;
    QTest::addRow("augment") << int(Policy::Augment) << 100;
}

void EngineTest::trainingSizeFollowsPolicy()
{
    QFETCH(int, policy);
    QFETCH(int, expectedAtGeneration4);
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.samples = 50;
    scenario.generations = 5;
    scenario.replicates = 2;
    scenario.policy = static_cast<Policy>(policy);
    const RunResults results = runScenario(scenario);
    QCOMPARE(column(results, 0, "train_size").front(), 50.0);
    QCOMPARE(column(results, 4, "train_size").front(), double(expectedAtGeneration4));
}

void EngineTest::replaceKeepsMemoryFlat()
{
    // Under replace the pool never holds more than one generation's M points.
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.samples = 64;
    TrainingPool pool(scenario);
    RandomStream random(1, 0, 0, Purpose::Subsampling);
    const Samples batch = Samples::Random(1, 64);
    for (int generation = 0; generation < 200; ++generation) {
        QCOMPARE(pool.next(batch, batch.leftCols(0), random).cols(), 64);
    }
    QCOMPARE(pool.storedCapacity(), Eigen::Index(64));
}

void EngineTest::batchCompositionMixesHumanAndSynthetic_data()
{
    QTest::addColumn<double>("humanFraction");
    QTest::addColumn<double>("filterRate");
    QTest::addColumn<int>("expectedHuman");
    // kept human share γ / (γ + (1-γ)(1-f)) of M = 100
    QTest::addRow("no human data") << 0.0 << 0.0 << 0;
    QTest::newRow("10% human") << 0.1 << 0.0 << 10;
    QTest::addRow("all human") << 1.0 << 0.0 << 100;
    QTest::newRow("10% human, half the synthetic filtered") << 0.1 << 0.5 << 18;
    QTest::newRow("10% human, all synthetic filtered") << 0.1 << 1.0 << 100;
    QTest::addRow("no human data to refill from") << 0.0 << 1.0 << 0;
}

void EngineTest::batchCompositionMixesHumanAndSynthetic()
{
    QFETCH(double, humanFraction);
    QFETCH(double, filterRate);
    QFETCH(int, expectedHuman);
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.samples = 100;
    scenario.humanFraction = humanFraction;
    scenario.filterRate = filterRate;
    QCOMPARE(batchComposition(scenario, 0).human, Eigen::Index(100));
    const BatchComposition later = batchComposition(scenario, 3);
    QCOMPARE(later.human, Eigen::Index(expectedHuman));
    QCOMPARE(later.human + later.synthetic, Eigen::Index(100));
}

void EngineTest::augmentAtZeroTrainsOnTheRealDataAlone()
{
    // λ = 0 adds nothing: every generation refits generation 0's real data, so (the Gaussian's fit being
    // deterministic) every generation's fit is generation 0's to the last bit.
    const Scenario scenario = augmentedGaussian(0.0, 30, 12, 5);
    const RunResults results = runScenario(scenario);
    for (const char* metric : {"mean", "std", "train_size"}) {
        const std::vector<double> first = column(results, 0, metric);
        for (int generation = 1; generation < scenario.generations; ++generation) {
            QCOMPARE(column(results, generation, metric), first);
        }
    }
    QCOMPARE(column(results, 0, "train_size").front(), 30.0);
}

void EngineTest::augmentKeepsTheRealDataAndAddsTheRatio()
{
    const Scenario scenario = augmentedGaussian(2.5, 10, 3, 2);
    QCOMPARE(batchComposition(scenario, 0).human, Eigen::Index(10));
    QCOMPARE(batchComposition(scenario, 4).synthetic, Eigen::Index(25));
    // A count of synthetic samples, where given, decides instead of the ratio, whatever the real data's
    // size; a run trains on the real data and that many.
    Scenario counted = scenario;
    counted.syntheticSamples = 7;
    QCOMPARE(batchComposition(counted, 0).human, Eigen::Index(10));
    QCOMPARE(batchComposition(counted, 4).synthetic, Eigen::Index(7));
    QCOMPARE(column(runScenario(counted), 2, "train_size").front(), 17.0);
    TrainingPool pool(scenario);
    RandomStream random(1, 0, 0, Purpose::Subsampling);
    Samples real(1, 10);
    for (Eigen::Index i = 0; i < 10; ++i) {
        real(0, i) = static_cast<double>(i);
    }
    QCOMPARE(pool.next(real, real.leftCols(0), random).cols(), 10);
    for (int generation = 1; generation < 6; ++generation) {
        const Samples synthetic = Samples::Constant(1, 25, 100.0 + generation);
        const Eigen::Ref<const Samples> training = pool.next(Samples(1, 0), synthetic, random);
        QCOMPARE(training.cols(), 35);
        QVERIFY(training.leftCols(10) == real);
        QVERIFY((training.rightCols(25).array() == 100.0 + generation).all());
    }
    // The model draws as many samples as the next generation takes, and the run says what it trained on.
    const RunResults results = runScenario(scenario);
    QCOMPARE(column(results, 2, "train_size").front(), 35.0);
}

void EngineTest::augmentedVarianceMatchesItsRecursion()
{
    // One generation of augment, for the unbiased Gaussian fit to M real points (mean m, sum of squares
    // S) and K = λM points of N(μ, σ²), with n = M + K and d = m − μ:
    //   E[σ'²] = (S + (K − 1)σ² + (MK/n)(d² + σ²/K)) / (n − 1),   E[d'²] = (K/n)²(d² + σ²/K),
    // (the sum of squares of the union: each part's, and the gap between the parts' means)
    // linear in (σ², d²). Iterated from generation 0 (σ_0² = S/(M − 1), d = 0) it gives each chain's
    // expected variance at generation g exactly; the ratio of the chain's variance to it has mean 1.
    const Scenario scenario = augmentedGaussian(1.5, 20, 25, 20000);
    const RunResults results = runScenario(scenario);
    const double M = scenario.samples;
    const auto K = static_cast<double>(std::llround(scenario.syntheticRatio * M));
    const double n = M + K;
    const int last = scenario.generations - 1;
    const std::vector<double> first = column(results, 0, "std");
    const std::vector<double> later = column(results, last, "std");
    std::vector<double> ratios;
    for (std::size_t r = 0; r < first.size(); ++r) {
        const double S = (M - 1.0) * first[r] * first[r];
        double variance = first[r] * first[r];
        double offset = 0.0;
        for (int g = 1; g <= last; ++g) {
            const double nextOffset = (K / n) * (K / n) * (offset + variance / K);
            variance = (S + (K - 1.0) * variance + (M * K / n) * (offset + variance / K)) / (n - 1.0);
            offset = nextOffset;
        }
        ratios.push_back(later[r] * later[r] / variance);
    }
    const double mean = std::accumulate(ratios.begin(), ratios.end(), 0.0) / double(ratios.size());
    double squares = 0.0;
    for (const double ratio : ratios) {
        squares += (ratio - mean) * (ratio - mean);
    }
    const double standardError = std::sqrt(squares / double(ratios.size() - 1) / double(ratios.size()));
    QVERIFY2(std::abs(mean - 1.0) < 4.0 * standardError,
             qPrintable(QString("mean ratio %1, standard error %2").arg(mean).arg(standardError)));
}

void EngineTest::selectionKeepsTheBestShare()
{
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.samples = 30;
    scenario.selection = Selection::Likelihood;
    scenario.selectionKeep = 0.25;
    QCOMPARE(selectionCandidates(scenario, 30), Eigen::Index(120));
    scenario.selectionKeep = 0.07;
    QCOMPARE(selectionCandidates(scenario, 30), Eigen::Index(429)); // ⌈30 / 0.07⌉
    // The kept columns are the highest scores, in their own order; a tie goes to the earlier column and a
    // NaN is kept last.
    const std::vector<double> scores = {0.5, std::numeric_limits<double>::quiet_NaN(), 2.0, -1.0, 2.0, 0.5, 3.0, 0.1};
    std::vector<Eigen::Index> order;
    selectBest(scores, 4, order);
    QCOMPARE(std::vector<Eigen::Index>(order.begin(), order.begin() + 4), (std::vector<Eigen::Index>{0, 2, 4, 6}));
    selectBest(scores, 8, order);
    QCOMPARE(std::vector<Eigen::Index>(order.begin(), order.end()), (std::vector<Eigen::Index>{0, 1, 2, 3, 4, 5, 6, 7}));
    // A run trains on M samples a generation whatever the share.
    scenario.generations = 3;
    scenario.replicates = 2;
    const RunResults results = runScenario(scenario);
    QCOMPARE(column(results, 2, "train_size").front(), 30.0);
}

void EngineTest::likelihoodSelectionKeepsTheCentre()
{
    // Keeping the α most likely of N(μ, σ²)'s samples keeps |x − μ| < zσ, z = Φ⁻¹((1 + α)/2): a normal
    // truncated there has variance σ²(1 − 2zφ(z)/α). Generation 1 fits that set, so E[σ₁² / σ₀²] is this
    // factor, up to the O(1/N) error of the empirical cut among N = M/α candidates.
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.samples = 5000;
    scenario.generations = 2;
    scenario.replicates = 400;
    scenario.selection = Selection::Likelihood;
    scenario.selectionKeep = 0.5;
    const RunResults results = runScenario(scenario);
    const std::vector<double> before = column(results, 0, "std");
    const std::vector<double> after = column(results, 1, "std");
    std::vector<double> ratios;
    for (std::size_t i = 0; i < before.size(); ++i) {
        ratios.push_back(after[i] * after[i] / (before[i] * before[i]));
    }
    const double z = 0.6744897501960817; // Φ⁻¹(0.75)
    const double density = std::exp(-z * z / 2.0) / std::sqrt(2.0 * std::numbers::pi);
    COLLAPSE_COMPARE_WITHIN(mean(ratios), 1.0 - 2.0 * z * density / 0.5, 4.0 * standardErrorOfMean(ratios));
}

void EngineTest::biasedSelectionMovesTowardItsTarget()
{
    // The gaussian's biased target is 1 (the original's mean moved one standard deviation). Keeping the
    // α = 0.5 of N(0, 1)'s samples nearest it keeps |x − 1| < c with Φ(1 + c) − Φ(1 − c) = α, whose mean
    // is (φ(1 − c) − φ(1 + c)) / α: generation 1's mean, up to generation 0's O(1/√M) error.
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.samples = 5000;
    scenario.generations = 2;
    scenario.replicates = 400;
    scenario.selection = Selection::Biased;
    scenario.selectionKeep = 0.5;
    const RunResults results = runScenario(scenario);
    const auto cdf = [](double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); };
    const auto density = [](double x) { return std::exp(-x * x / 2.0) / std::sqrt(2.0 * std::numbers::pi); };
    double low = 0.0;
    double high = 5.0;
    for (int i = 0; i < 100; ++i) {
        const double c = (low + high) / 2.0;
        (cdf(1.0 + c) - cdf(1.0 - c) < 0.5 ? low : high) = c;
    }
    const double c = (low + high) / 2.0;
    const std::vector<double> means = column(results, 1, "mean");
    COLLAPSE_COMPARE_WITHIN(mean(means), (density(1.0 - c) - density(1.0 + c)) / 0.5, 4.0 * standardErrorOfMean(means));
}

void EngineTest::subsampleDrawsDistinctPoints()
{
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.samples = 10;
    scenario.policy = Policy::AccumulateSubsample;
    TrainingPool pool(scenario);
    RandomStream random(1, 0, 0, Purpose::Subsampling);
    Samples training;
    for (int generation = 0; generation < 5; ++generation) {
        Samples batch(1, 10);
        for (Eigen::Index i = 0; i < 10; ++i) {
            batch(0, i) = generation * 10 + static_cast<double>(i);
        }
        training = pool.next(batch, batch.leftCols(0), random);
    }
    QCOMPARE(training.cols(), 10);
    std::vector<double> values(training.data(), training.data() + 10);
    std::sort(values.begin(), values.end());
    QVERIFY(std::adjacent_find(values.begin(), values.end()) == values.end());
    QVERIFY(values.back() >= 10.0);  // drawn from the whole pool, not only the first batch
}

void EngineTest::fullHumanDataNeverCollapses()
{
    // γ = 1 (a slider extreme): every generation is a fresh fit to p_0, so its variance is χ²_{M-1}/(M-1)
    // with mean 1 at every generation.
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.humanFraction = 1.0;
    scenario.samples = 2;
    scenario.generations = 30;
    scenario.replicates = 20000;
    const RunResults results = runScenario(scenario);
    std::vector<double> variances = column(results, 29, "std");
    for (double& v : variances) {
        v *= v;
    }
    // χ²_1 has variance 2, so the mean of R draws has standard error sqrt(2 / R).
    COLLAPSE_COMPARE_WITHIN(mean(variances), 1.0, 4.0 * std::sqrt(2.0 / 20000));
}

void EngineTest::summariesUseType7Quantiles()
{
    Eigen::VectorXd values(5);
    values << 4.0, std::numeric_limits<double>::quiet_NaN(), 1.0, 3.0, 2.0;
    const ColumnSummary summary = summarise(values);
    QCOMPARE(summary.median, 2.5);
    QCOMPARE(summary.q10, 1.3);
    QCOMPARE(summary.q90, 3.7);
    QCOMPARE(summary.mean, 2.5);
    const ColumnSummary empty = summarise(Eigen::VectorXd::Constant(3, std::numeric_limits<double>::quiet_NaN()));
    QVERIFY(std::isnan(empty.median));
    QCOMPARE(formatNumber(empty.mean), std::string());

    // The quantiles are selected, not sorted for; they must be the sorted values' for every count,
    // with ties, whichever order the values come in.
    RandomStream random(3, 0, 0, Purpose::Display);
    for (const int count : {1, 2, 3, 4, 5, 9, 10, 11, 12, 20, 21, 101, 2000}) {
        for (const bool ties : {false, true}) {
            Eigen::VectorXd drawn(count);
            for (Eigen::Index i = 0; i < count; ++i) {
                drawn(i) = ties ? static_cast<double>(random.below(4)) : random.normal();
            }
            std::vector<double> sorted(drawn.begin(), drawn.end());
            std::sort(sorted.begin(), sorted.end());
            const ColumnSummary selected = summarise(drawn);
            QCOMPARE(selected.median, quantileOfSorted(sorted, 0.5));
            QCOMPARE(selected.q10, quantileOfSorted(sorted, 0.1));
            QCOMPARE(selected.q90, quantileOfSorted(sorted, 0.9));
        }
    }
    // A column every replicate agrees on, with a missing value among them.
    Eigen::VectorXd agreed = Eigen::VectorXd::Constant(2000, 0.1);
    agreed(7) = std::numeric_limits<double>::quiet_NaN();
    const ColumnSummary constant = summarise(agreed);
    QVERIFY(constant.median == 0.1 && constant.q10 == 0.1 && constant.q90 == 0.1);
    double sum = 0.0;
    for (const double value : agreed) {
        sum += std::isnan(value) ? 0.0 : value;
    }
    QCOMPARE(constant.mean, sum / 1999.0);
}

void EngineTest::numbersRoundTrip()
{
    for (const double value : {0.1, 1.0 / 3.0, 1e-300, -2.5e17, 1000.0}) {
        QCOMPARE(std::stod(formatNumber(value)), value);
    }
    QCOMPARE(formatNumber(1000.0), std::string("1000"));
}

namespace {

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

void EngineTest::outputFilesAreWholeOrAbsent()
{
    QTemporaryDir dir;
    const std::filesystem::path root = dir.path().toStdString();
    OutputFiles good;
    good.add(root / "a" / "one.csv", "1\n");
    good.add(root / "a" / "two.csv", "2\n");
    good.commit();
    QVERIFY(std::filesystem::exists(root / "a" / "one.csv"));
    QVERIFY(std::filesystem::exists(root / "a" / "two.csv"));
    expectOnlyEntries(root / "a", {"one.csv", "two.csv"});

    // The second file's folder cannot be made (a file stands in its way): nothing is left of the first.
    std::ofstream(root / "blocker") << "x";
    OutputFiles bad;
    bad.add(root / "b" / "one.csv", "1\n");
    bad.add(root / "blocker" / "two.csv", "2\n");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, bad.commit());
    QVERIFY(!std::filesystem::exists(root / "b"));

    // A set that fails while its files are being put in place leaves the previous set as it was. The
    // second file's name is as long as its temporary's folder may be: that folder is made, but the name
    // it would be moved aside under (".previous-" is a letter longer than ".partial-") is too long.
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    const std::size_t marks = std::string(".partial-").size() + std::strlen(host) + 1 + std::to_string(::getpid()).size() + 1 + 12;
    const std::string longName = std::string(255 - marks - 4, 'n') + ".csv";
    OutputFiles first;
    first.add(root / "c" / "one.csv", "old 1\n");
    first.add(root / "c" / longName, "old 2\n");
    first.commit();
    OutputFiles second;
    second.add(root / "c" / "one.csv", "new 1\n");
    second.add(root / "c" / longName, "new 2\n");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, second.commit());
    QCOMPARE(fileText(root / "c" / "one.csv"), std::string("old 1\n"));
    QCOMPARE(fileText(root / "c" / longName), std::string("old 2\n"));
    expectOnlyEntries(root / "c", {longName, "one.csv"});

    // What a killed writer left (its process is gone) is cleared by the next write into its folder; a
    // running process's temporary, and another machine's, are left alone.
    std::filesystem::create_directories(root / "d");
    const std::string stale = "one.csv.partial-" + std::string(host) + "-999999999-0123456789ab";
    std::filesystem::create_directories(root / "d" / stale);
    std::ofstream(root / "d" / stale / "one.csv") << "half";
    const std::string otherMachine = "one.csv.partial-elsewhere-999999999-0123456789ab";
    std::filesystem::create_directories(root / "d" / otherMachine);
    const std::filesystem::path running = temporaryPathFor(root / "d" / "one.csv");
    writeFileWhole(root / "d" / "two.csv", "new 2\n");
    QVERIFY(!std::filesystem::exists(root / "d" / stale));
    QVERIFY(std::filesystem::exists(root / "d" / otherMachine));
    QVERIFY(std::filesystem::exists(running.parent_path()));
    removeTemporary(running);
    QVERIFY(!std::filesystem::exists(running.parent_path()));
    QCOMPARE(fileText(root / "d" / "two.csv"), std::string("new 2\n"));
}

void EngineTest::temporariesFollowNoLink()
{
    // Whoever can write in an output folder may plant links at the names a temporary could take, or at
    // the destination itself: the program writes inside a folder of its own, never through a link, and
    // the file a link pointed at is untouched.
    QTemporaryDir dir;
    const std::filesystem::path root = dir.path().toStdString();
    std::filesystem::create_directories(root / "out");
    std::ofstream(root / "precious") << "keep me";
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    for (const char* mark : {".partial-", ".previous-"}) {
        for (long pid = ::getpid() - 2; pid <= ::getpid() + 2; ++pid) {
            std::filesystem::create_symlink(root / "precious", root / "out" / ("metrics.csv" + std::string(mark) + host + "-" + std::to_string(pid)));
        }
    }
    std::filesystem::create_symlink(root / "precious", root / "out" / "summary.csv");
    OutputFiles files;
    files.stream(root / "out" / "metrics.csv").append("a,b\n");
    files.add(root / "out" / "summary.csv", "c,d\n");
    files.commit();
    QCOMPARE(fileText(root / "precious"), std::string("keep me"));
    QCOMPARE(fileText(root / "out" / "metrics.csv"), std::string("a,b\n"));
    // The link at the destination is replaced by the file, not written through.
    QVERIFY(!std::filesystem::is_symlink(root / "out" / "summary.csv"));
    QCOMPARE(fileText(root / "out" / "summary.csv"), std::string("c,d\n"));
    // A link among the folders under the user's --out (its text/, say) would carry files out of it.
    std::filesystem::create_directories(root / "run");
    std::filesystem::create_directories(root / "elsewhere");
    std::filesystem::create_directory_symlink(root / "elsewhere", root / "run" / "text");
    OutputFiles rooted(root / "run/");
    rooted.add(root / "run" / "metrics.csv", "a\n");
    rooted.add(root / "run" / "text" / "transcript.txt", "words\n");
    try {
        rooted.commit();
        QFAIL("a file was written through a link");
    } catch (const std::runtime_error& error) {
        QVERIFY2(QString(error.what()).contains("text is a symbolic link, which would carry the files out of"), error.what());
    }
    QVERIFY(std::filesystem::is_empty(root / "elsewhere"));
    expectOnlyEntries(root / "run", {"text"});
    // A temporary's folder is this user's alone.
    const std::filesystem::path temporary = temporaryPathFor(root / "out" / "figure.png");
    QCOMPARE(std::filesystem::status(temporary.parent_path()).permissions() & std::filesystem::perms::all,
             std::filesystem::perms::owner_all);
    removeTemporary(temporary);
}

QTEST_APPLESS_MAIN(EngineTest)
void EngineTest::streamedFilesAreWholeOrAbsent()
{
    QTemporaryDir dir;
    const std::filesystem::path root = dir.path().toStdString();

    // Streamed pieces and whole files are placed together by the commit.
    {
        OutputFiles files;
        OutputFiles::Stream& stream = files.stream(root / "run" / "metrics.csv");
        QVERIFY(!std::filesystem::exists(root / "run" / "metrics.csv"));
        stream.append("a,b\n");
        stream.append("1,2\n");
        files.add(root / "run" / "scenario.json", "{}");
        files.commit();
    }
    QCOMPARE(fileText(root / "run" / "metrics.csv"), std::string("a,b\n1,2\n"));
    expectOnlyEntries(root / "run", {"metrics.csv", "scenario.json"});

    // A run that stops before its commit (cancelled, or a failure) leaves neither its temporaries nor
    // the folders made for them; an earlier run's files stay as they were.
    {
        OutputFiles files;
        files.stream(root / "new" / "deeper" / "metrics.csv").append("half");
        files.stream(root / "run" / "metrics.csv").append("half");
        QVERIFY(std::filesystem::exists(root / "new" / "deeper"));
    }
    QVERIFY(!std::filesystem::exists(root / "new"));
    QCOMPARE(fileText(root / "run" / "metrics.csv"), std::string("a,b\n1,2\n"));
    expectOnlyEntries(root / "run", {"metrics.csv", "scenario.json"});

    // A commit that fails on a whole file removes the streamed one too.
    std::ofstream(root / "blocker") << "x";
    OutputFiles failing;
    failing.stream(root / "third" / "metrics.csv").append("rows");
    failing.add(root / "blocker" / "summary.csv", "rows");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, failing.commit());
    QVERIFY(!std::filesystem::exists(root / "third"));

    // A stream whose folder cannot be made says so at once.
    OutputFiles blocked;
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, blocked.stream(root / "blocker" / "metrics.csv"));
}

void EngineTest::runFileStreamsWriteTheRunFiles()
{
    // The command line streams a run's files generation by generation; the window writes them from a
    // finished run. Both must give the same bytes, for any thread count.
    Scenario scenario = smallGmm();
    scenario.replicates = 600;  // more than one piece of rows a generation
    scenario.generations = 3;
    scenario.samples = 50;
    const RunResults results = runScenario(scenario);
    QTemporaryDir dir;
    const std::filesystem::path root = dir.path().toStdString();
    OutputFiles whole;
    addRunFiles(whole, root / "whole", results, scenario);
    whole.commit();
    for (const int threads : {1, 2}) {
        omp_set_num_threads(threads);
        const std::filesystem::path folder = root / ("streamed-" + std::to_string(threads));
        OutputFiles streamed;
        RunFileStreams streams(streamed, folder, results.columns, scenario);
        for (const Eigen::MatrixXd& metrics : results.generations) {
            streams.add(metrics, summariseColumns(metrics));
        }
        streamed.commit();
        for (const char* name : {"metrics.csv", "summary.csv", "scenario.json"}) {
            QVERIFY2(fileText(folder / name) == fileText(root / "whole" / name), name);
        }
    }
    QVERIFY(fileText(root / "whole" / "metrics.csv").size() > 10000);
}

#include "test_engine.moc"
