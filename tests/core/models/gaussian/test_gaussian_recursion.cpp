// The gaussian model's recursion against the closed forms in core/README.md (Shumailov et al., Nature
// 2024, Theorem 3.1) and of the mitigations. p_0 = N(0, 1); k = g + 1 fits by generation g.
// Every tolerance is four standard errors of the estimate, with fixed seeds.

#include "core/scenario.h"
#include "tests/common/statistics.h"

#include <QTest>

#include <cmath>

using namespace collapse;
using namespace collapse::testing;

namespace {

Scenario gaussianScenario(int samples, int generations, int replicates)
{
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.samples = samples;
    scenario.generations = generations;
    scenario.replicates = replicates;
    scenario.seed = 20240724;
    return scenario;
}

std::vector<double> squares(std::vector<double> values)
{
    for (double& v : values) {
        v *= v;
    }
    return values;
}

} // namespace

class GaussianRecursionTest : public QObject {
    Q_OBJECT

private slots:
    void unbiasedMeanVarianceGrowsLinearly_data();
    void unbiasedMeanVarianceGrowsLinearly();
    void unbiasedMedianVarianceDecays();
    void mleExpectedVarianceDecaysGeometrically();
    void accumulateKeepsMeanVarianceBounded();
    void tenPercentHumanDataKeepsVariance();
    void tailMassStartsAtFivePercentAndVanishes();

private:
    RunResults unbiased_;
};

void GaussianRecursionTest::unbiasedMeanVarianceGrowsLinearly_data()
{
    QTest::addColumn<int>("generation");
    QTest::addRow("g=0") << 0;
    QTest::addRow("g=9") << 9;
    QTest::addRow("g=49") << 49;
    QTest::addRow("g=99") << 99;
}

void GaussianRecursionTest::unbiasedMeanVarianceGrowsLinearly()
{
    // μ_k = μ_{k-1} + σ_{k-1} Z / sqrt(M) with E[σ²_j] = 1 (a martingale), so Var(μ_g) = k / M.
    QFETCH(int, generation);
    constexpr int M = 20;
    if (unbiased_.generations.empty()) {
        unbiased_ = runScenario(gaussianScenario(M, 100, 4000));
    }
    const std::vector<double> means = column(unbiased_, generation, "mean");
    const double expected = (generation + 1.0) / M;
    COLLAPSE_COMPARE_WITHIN(variance(means), expected, 4.0 * standardErrorOfVariance(means));
}

void GaussianRecursionTest::unbiasedMedianVarianceDecays()
{
    // σ²_g = Π_{j=1}^{k} χ²_{ν,j} / ν with ν = M - 1, so ln σ²_g is a sum of k independent terms whose
    // cumulants are κ1 = ψ(ν/2) - ln(ν/2), κ2 = ψ'(ν/2), κ3 = ψ''(ν/2). Its median, by the first
    // Cornish–Fisher correction, is kκ1 - κ3 / (6κ2); for large M that is ≈ -k / (M - 1), the
    // e^{-k/(M-1)} (core/README.md). The sample median's standard error is sqrt(π/2) sd / sqrt(R).
    constexpr int M = 20;
    if (unbiased_.generations.empty()) {
        unbiased_ = runScenario(gaussianScenario(M, 100, 4000));
    }
    const double nu = M - 1.0;
    const double k1 = digamma(nu / 2) - std::log(nu / 2);
    const double k2 = trigamma(nu / 2);
    const double k3 = tetragamma(nu / 2);
    for (const int generation : {0, 9, 49, 99}) {
        const double k = generation + 1.0;
        std::vector<double> logVariance = column(unbiased_, generation, "std");
        for (double& v : logVariance) {
            v = 2.0 * std::log(v);
        }
        const double expected = k * k1 - k3 / (6.0 * k2);
        const double standardError =
            std::sqrt(M_PI / 2.0) * std::sqrt(k * k2) / std::sqrt(static_cast<double>(logVariance.size()));
        COLLAPSE_COMPARE_WITHIN(median(logVariance), expected, 4.0 * standardError);
    }
    // At k = 100 the typical chain has lost over 98% of its variance (median ≈ e^{-5.35}).
    QVERIFY(median(squares(column(unbiased_, 99, "std"))) < 0.02);
}

void GaussianRecursionTest::mleExpectedVarianceDecaysGeometrically()
{
    // MLE: E[σ²_g] = (1 - 1/M)^k and Var(μ_g) = 1 - (1 - 1/M)^k, both bounded.
    constexpr int M = 10;
    Scenario scenario = gaussianScenario(M, 60, 4000);
    scenario.as<GaussianSettings>().estimator = Estimator::Mle;
    const RunResults results = runScenario(scenario);
    for (const int generation : {0, 19, 59}) {
        const double shrink = std::pow(1.0 - 1.0 / M, generation + 1);
        const std::vector<double> variances = squares(column(results, generation, "std"));
        COLLAPSE_COMPARE_WITHIN(mean(variances), shrink, 4.0 * standardErrorOfMean(variances));
        const std::vector<double> means = column(results, generation, "mean");
        COLLAPSE_COMPARE_WITHIN(variance(means), 1.0 - shrink, 4.0 * standardErrorOfVariance(means));
    }
}

void GaussianRecursionTest::accumulateKeepsMeanVarianceBounded()
{
    // Accumulating (Gerstgrasser et al. 2024): the pool of generation g holds (g+1)M points and
    // μ_g = μ_{g-1} + (mean of M new samples - μ_{g-1}) / (g+1), so
    // Var(μ_g) = (1/M) [1 + Σ_{j=1}^{g} E[σ²_{j-1}] / (j+1)²] ≤ (π²/6) max E[σ²] / M: bounded, where
    // replacing gives (g+1)/M. E[σ²_j] is taken from the same run.
    constexpr int M = 20;
    Scenario scenario = gaussianScenario(M, 100, 4000);
    scenario.policy = Policy::Accumulate;
    const RunResults results = runScenario(scenario);
    double sum = 1.0;
    for (int generation = 1; generation < 100; ++generation) {
        sum += mean(squares(column(results, generation - 1, "std"))) / ((generation + 1.0) * (generation + 1.0));
        if (generation == 19 || generation == 99) {
            const std::vector<double> means = column(results, generation, "mean");
            COLLAPSE_COMPARE_WITHIN(variance(means), sum / M, 4.0 * standardErrorOfVariance(means));
        }
    }
    QVERIFY(sum < 1.1 * M_PI * M_PI / 6.0);
    QCOMPARE(column(results, 99, "train_size").front(), 100.0 * M);
}

void GaussianRecursionTest::tenPercentHumanDataKeepsVariance()
{
    // Replace with h = γM fresh human samples and s = M - h from the previous fit N(μ, σ²). The
    // unbiased variance of that mixed set has E[σ²' | μ, σ²] = (h + sσ²)/M + h s μ² / (M(M-1)), and
    // its mean has E[μ' | μ] = sμ/M, Var = (h + sσ²)/M². So a_g = E[σ²_g] and b_g = E[μ²_g] follow
    //   a_g = (h + s a_{g-1})/M + h s b_{g-1} / (M(M-1)),  b_g = (s/M)² b_{g-1} + (h + s a_{g-1})/M²,
    // from a_0 = 1, b_0 = 1/M: a fixed point instead of collapse, at a = 1 + s b / (M - 1) ≈ 1.05 (the
    // spread between the human and the synthetic samples' means adds a little variance).
    constexpr int M = 100;
    Scenario scenario = gaussianScenario(M, 201, 2000);
    scenario.humanFraction = 0.1;
    const RunResults results = runScenario(scenario);
    const double h = 10.0;
    const double s = 90.0;
    double a = 1.0;
    double b = 1.0 / M;
    for (int generation = 1; generation <= 200; ++generation) {
        const double nextA = (h + s * a) / M + h * s * b / (M * (M - 1.0));
        b = (s / M) * (s / M) * b + (h + s * a) / (M * M);
        a = nextA;
        if (generation == 50 || generation == 200) {
            const std::vector<double> variances = squares(column(results, generation, "std"));
            COLLAPSE_COMPARE_WITHIN(mean(variances), a, 4.0 * standardErrorOfMean(variances));
            const std::vector<double> meanSquares = squares(column(results, generation, "mean"));
            COLLAPSE_COMPARE_WITHIN(mean(meanSquares), b, 4.0 * standardErrorOfMean(meanSquares));
        }
    }
    QVERIFY(a > 1.0 && a < 1.1);
    // And the typical chain keeps its variance too: the median σ² stays near 1.
    COLLAPSE_COMPARE_WITHIN(median(squares(column(results, 200, "std"))), 1.0, 0.1);
}

void GaussianRecursionTest::tailMassStartsAtFivePercentAndVanishes()
{
    // With M = 10^5 the first fit is N(0, 1) to within 0.3%, so tail_mass starts at 5%. The median chain
    // with M = 20 has lost most of its tails by generation 99 (median σ² ≈ e^{-5}).
    Scenario large = gaussianScenario(100000, 1, 20);
    const std::vector<double> first = column(runScenario(large), 0, "tail_mass");
    COLLAPSE_COMPARE_WITHIN(mean(first), 0.05, 4.0 * standardErrorOfMean(first) + 1e-4);
    if (unbiased_.generations.empty()) {
        unbiased_ = runScenario(gaussianScenario(20, 100, 4000));
    }
    QVERIFY(median(column(unbiased_, 99, "tail_mass")) < 0.01);
}

QTEST_APPLESS_MAIN(GaussianRecursionTest)
#include "test_gaussian_recursion.moc"
