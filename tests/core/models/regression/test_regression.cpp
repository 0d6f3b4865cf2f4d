// The regression model: its fit is least squares, its design stays fixed within a chain, and the test
// error follows Dohmatob et al.'s linear growth under replace and Gerstgrasser et al.'s Σ 1/k² under
// accumulate (core/README.md, "regression"), each within four standard errors at fixed seeds.

#include "core/engine.h"
#include "core/models/regression/regression_model.h"
#include "core/random.h"
#include "tests/common/statistics.h"

#include <QTest>

#include <Eigen/Dense>

#include <cmath>

using namespace collapse;
using namespace collapse::testing;

namespace {

Scenario smallRegression(Policy policy)
{
    Scenario scenario = defaultScenario<RegressionSettings>();
    scenario.as<RegressionSettings>().features = 5;
    scenario.as<RegressionSettings>().noise = 1.5;
    scenario.samples = 20;
    scenario.generations = 10;
    scenario.replicates = 4000;
    scenario.policy = policy;
    return scenario;
}

// σ²d/(T − d − 1), the expected test error of one fit to T labels with a standard normal design.
double oneFitError(const Scenario& scenario)
{
    const auto& settings = scenario.as<RegressionSettings>();
    return settings.noise * settings.noise * settings.features / (scenario.samples - settings.features - 1.0);
}

} // namespace

class RegressionTest : public QObject {
    Q_OBJECT

private slots:
    void theFitIsLeastSquares()
    {
        const Scenario scenario = smallRegression(Policy::Replace);
        const RegressionExperiment experiment(scenario);
        RandomStream random(3, 0, 0, Purpose::OriginalData);
        const Samples data = experiment.drawOriginal(20, random);
        const auto fitted = std::static_pointer_cast<const RegressionModel>(experiment.fit(data, random));
        // The normal equations XᵀX w = Xᵀy, solved another way.
        const Eigen::MatrixXd inputs = data.topRows(5).transpose();
        const Eigen::VectorXd expected = (inputs.transpose() * inputs).ldlt().solve(inputs.transpose() * data.row(5).transpose());
        QVERIFY((fitted->weights() - expected).norm() < 1e-10);
    }

    void fewerPointsThanFeaturesGiveTheLeastNormFit()
    {
        const Scenario scenario = smallRegression(Policy::Replace);
        const RegressionExperiment experiment(scenario);
        RandomStream random(4, 0, 0, Purpose::OriginalData);
        const Samples data = experiment.drawOriginal(3, random);
        const auto fitted = std::static_pointer_cast<const RegressionModel>(experiment.fit(data, random));
        // w = Xᵀ(XXᵀ)⁻¹y: it fits the three points exactly and lies in the span of their inputs.
        const Eigen::MatrixXd inputs = data.topRows(5).transpose();
        const Eigen::VectorXd expected =
            inputs.transpose() * (inputs * inputs.transpose()).ldlt().solve(Eigen::VectorXd(data.row(5).transpose()));
        QVERIFY((fitted->weights() - expected).norm() < 1e-10);
    }

    void repeatedInputsThatSpanTooLittleGiveTheLeastNormFit()
    {
        // Twelve points at four distinct inputs of five features: enough points, too few directions.
        const Scenario scenario = smallRegression(Policy::Replace);
        const RegressionExperiment experiment(scenario);
        RandomStream random(5, 0, 0, Purpose::OriginalData);
        const Samples four = experiment.drawOriginal(4, random);
        Samples data(6, 12);
        data << four, four, four;
        const auto fitted = std::static_pointer_cast<const RegressionModel>(experiment.fit(data, random));
        const Eigen::MatrixXd inputs = data.topRows(5).transpose();
        const Eigen::VectorXd expected = inputs.completeOrthogonalDecomposition().solve(Eigen::VectorXd(data.row(5).transpose()));
        QVERIFY((fitted->weights() - expected).norm() < 1e-9);
        QVERIFY(fitted->weights().allFinite());
    }

    void theDesignIsTheChainsWholeRun()
    {
        const Scenario scenario = smallRegression(Policy::Replace);
        const RegressionExperiment experiment(scenario);
        const RegressionModel model(RegressionExperiment::trueWeights(5), 1.5, 20);
        RandomStream realData(7, 2, 0, Purpose::OriginalData);
        RandomStream laterSamples(7, 2, 9, Purpose::ModelSamples);
        RandomStream otherChain(7, 3, 0, Purpose::OriginalData);
        const Samples real = experiment.drawOriginal(45, realData);
        const Samples made = model.sample(20, 1.0, laterSamples);
        const Samples elsewhere = experiment.drawOriginal(20, otherChain);
        // Every generation of a chain labels the same inputs, cycling through the T = 20 rows…
        QCOMPARE(Eigen::MatrixXd(made.topRows(5)), Eigen::MatrixXd(real.topRows(5).leftCols(20)));
        QCOMPARE(Eigen::MatrixXd(real.topRows(5).middleCols(20, 20)), Eigen::MatrixXd(real.topRows(5).leftCols(20)));
        // …with labels of their own, while another chain has another design.
        QVERIFY(made.row(5) != real.row(5).leftCols(20));
        QVERIFY(elsewhere.topRows(5) != real.topRows(5).leftCols(20));
    }

    void theTruthMeasuresAsTheOriginal()
    {
        const Scenario scenario = smallRegression(Policy::Replace);
        const RegressionExperiment experiment(scenario);
        const RegressionModel truth(RegressionExperiment::trueWeights(5), 1.5, 20);
        std::vector<double> values(4);
        experiment.measure(truth, truth, Samples(), values);
        QVERIFY(std::abs(values[0] - 0.05) < 1e-12);
        QCOMPARE(values[1], 0.0);
        QVERIFY(std::abs(values[2] - std::sqrt(1.0 + 1.5 * 1.5)) < 1e-12);
        QVERIFY(std::abs(values[3] - 1.0 / std::sqrt(5.0)) < 1e-15);
    }

    // ŵ_g − w* = Σ_{k=0}^{g} (XᵀX)⁻¹Xᵀε_k: g + 1 independent errors, each of expected squared norm
    // σ² E tr(XᵀX)⁻¹ = σ²d/(T − d − 1) (Dohmatob et al. 2024, Theorem 4.1).
    void replaceAddsOneFitsErrorEachGeneration()
    {
        const Scenario scenario = smallRegression(Policy::Replace);
        const RunResults results = runScenario(scenario);
        for (const int generation : {0, 4, 9}) {
            const std::vector<double> errors = column(results, generation, "test_error");
            COLLAPSE_COMPARE_WITHIN(mean(errors), (generation + 1) * oneFitError(scenario), 4.0 * standardErrorOfMean(errors));
        }
    }

    // Fit g averages g + 1 sets of labels at the same inputs; unrolled, ŵ_g − w* = Σ_{k=0}^{g} u_k/(k + 1)
    // with u_k the k-th set's own error, so E = σ²d/(T − d − 1) Σ_{k=1}^{g+1} 1/k² (Gerstgrasser et al. 2024).
    void accumulateErrorIsASumOfInverseSquares()
    {
        const Scenario scenario = smallRegression(Policy::Accumulate);
        const RunResults results = runScenario(scenario);
        for (const int generation : {0, 4, 9}) {
            double sum = 0.0;
            for (int k = 1; k <= generation + 1; ++k) {
                sum += 1.0 / (k * k);
            }
            const std::vector<double> errors = column(results, generation, "test_error");
            COLLAPSE_COMPARE_WITHIN(mean(errors), sum * oneFitError(scenario), 4.0 * standardErrorOfMean(errors));
        }
    }
};

QTEST_APPLESS_MAIN(RegressionTest)
#include "test_regression.moc"
