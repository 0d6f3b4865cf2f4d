// EM against mixtures with known parameters (components sorted before comparing, since EM returns them
// in any order), and on degenerate data where a careless fit divides by zero.

#include "core/models/gmm/expectation_maximization.h"
#include "core/random.h"
#include "tests/common/statistics.h"

#include <QTest>

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

using namespace collapse;

struct Truth {
    std::vector<GaussianMixture::Parameters> components;
};
Q_DECLARE_METATYPE(Truth)
Q_DECLARE_METATYPE(collapse::Samples)

namespace {

GaussianMixture::Parameters component(double weight, std::vector<double> mean, std::vector<double> variances)
{
    const auto d = static_cast<Eigen::Index>(mean.size());
    return {weight, Eigen::Map<Eigen::VectorXd>(mean.data(), d),
            Eigen::VectorXd(Eigen::Map<Eigen::VectorXd>(variances.data(), d)).asDiagonal()};
}

// Components ordered by the first coordinate of their means, then the second.
std::vector<GaussianComponent> sortedComponents(const GaussianMixture& mixture)
{
    std::vector<GaussianComponent> components = mixture.components();
    std::sort(components.begin(), components.end(), [](const auto& a, const auto& b) {
        return a.mean[0] != b.mean[0] ? a.mean[0] < b.mean[0] : a.mean[a.mean.size() - 1] < b.mean[b.mean.size() - 1];
    });
    return components;
}

// EM as the textbook writes it, on all points at once and in two passes (means, then the scatter around
// them), from the same k-means centres: the reference for the fitter's one-pass block form.
struct ReferenceFit {
    std::vector<Eigen::VectorXd> means;
    std::vector<Eigen::MatrixXd> covariances;
    std::vector<double> weights;
};

ReferenceFit textbookEm(const Samples& data, const EmOptions& options, const Samples& centres, int iterations)
{
    const Eigen::Index n = data.cols();
    const Eigen::Index d = data.rows();
    const int k = options.components;
    const double epsilon = 10.0 * std::numeric_limits<double>::epsilon();
    Eigen::MatrixXd responsibility = Eigen::MatrixXd::Zero(n, k);
    for (Eigen::Index i = 0; i < n; ++i) {
        Eigen::Index nearest = 0;
        (centres.colwise() - data.col(i)).colwise().squaredNorm().minCoeff(&nearest);
        responsibility(i, nearest) = 1.0;
    }
    ReferenceFit fit{std::vector<Eigen::VectorXd>(std::size_t(k)), std::vector<Eigen::MatrixXd>(std::size_t(k)),
                     std::vector<double>(std::size_t(k))};
    for (int iteration = 0; iteration <= iterations; ++iteration) {
        if (iteration > 0) {
            Eigen::MatrixXd logDensity(n, k);
            for (int c = 0; c < k; ++c) {
                const Eigen::LLT<Eigen::MatrixXd> llt(fit.covariances[std::size_t(c)]);
                const Eigen::MatrixXd lower = llt.matrixL();
                const double logDet = 2.0 * lower.diagonal().array().log().sum();
                for (Eigen::Index i = 0; i < n; ++i) {
                    const Eigen::VectorXd z = lower.triangularView<Eigen::Lower>().solve(data.col(i) - fit.means[std::size_t(c)]);
                    logDensity(i, c) = std::log(fit.weights[std::size_t(c)]) - 0.5 * (double(d) * std::log(2.0 * std::numbers::pi) + logDet) -
                                       0.5 * z.squaredNorm();
                }
            }
            for (Eigen::Index i = 0; i < n; ++i) {
                const double largest = logDensity.row(i).maxCoeff();
                const Eigen::RowVectorXd terms = (logDensity.row(i).array() - largest).exp();
                responsibility.row(i) = terms / terms.sum();
            }
        }
        const Eigen::VectorXd mass = responsibility.colwise().sum().transpose().array() + epsilon;
        for (int c = 0; c < k; ++c) {
            const Eigen::VectorXd r = responsibility.col(c);
            const Eigen::VectorXd mean = data * r / mass[c];
            const Eigen::MatrixXd centred = data.colwise() - mean;
            double denominator = mass[c];
            if (options.estimator == Estimator::Unbiased) {
                denominator = mass[c] - r.squaredNorm() / mass[c];
            }
            Eigen::MatrixXd covariance = centred * r.asDiagonal() * centred.transpose() / denominator;
            covariance.diagonal().array() += options.regCovar;
            fit.means[std::size_t(c)] = mean;
            fit.covariances[std::size_t(c)] = covariance;
            fit.weights[std::size_t(c)] = mass[c] / mass.sum();
        }
    }
    return fit;
}

bool allFinite(const GaussianMixture& mixture)
{
    double weights = 0.0;
    for (const auto& c : mixture.components()) {
        if (!c.mean.allFinite() || !c.covariance.allFinite() || !std::isfinite(c.logNormaliser) ||
            !std::isfinite(c.weight)) {
            return false;
        }
        weights += c.weight;
    }
    return std::abs(weights - 1.0) < 1e-12;
}

} // namespace

class ExpectationMaximizationTest : public QObject {
    Q_OBJECT

private slots:
    void recoversKnownMixture_data();
    void recoversKnownMixture();
    void matchesTheTextbookIterations_data();
    void matchesTheTextbookIterations();
    void diagonalCovarianceHasNoCorrelation();
    void unbiasedEstimatorWidensByNOverNMinusOne();
    void stopsAtToleranceOrCap();
    void survivesDegenerateData_data();
    void survivesDegenerateData();
    void kMeansPlusPlusFindsSeparatedClusters();
};

void ExpectationMaximizationTest::recoversKnownMixture_data()
{
    QTest::addColumn<Truth>("truth");
    QTest::addColumn<int>("count");
    QTest::addRow("1-D, two components")
        << Truth{{component(0.3, {-3.0}, {0.5}), component(0.7, {2.0}, {1.5})}} << 20000;
    QTest::addRow("2-D, three components")
        << Truth{{component(0.5, {-4.0, 0.0}, {1.0, 0.5}), component(0.3, {0.0, 4.0}, {0.3, 1.0}),
                  component(0.2, {4.0, -1.0}, {0.8, 0.8})}}
        << 30000;
    QTest::addRow("2-D, one component") << Truth{{component(1.0, {1.0, -2.0}, {2.0, 0.5})}} << 10000;
}

void ExpectationMaximizationTest::recoversKnownMixture()
{
    // Well-separated clusters: each fitted parameter is within four standard errors of the truth, with
    // SE(mean) = sqrt(variance / n_k), SE(variance) = variance sqrt(2 / n_k), SE(weight) =
    // sqrt(w (1 - w) / N), plus a small allowance for the overlap of the clusters' tails.
    QFETCH(Truth, truth);
    QFETCH(int, count);
    const GaussianMixture original(truth.components);
    RandomStream dataRandom(11, 0, 0, Purpose::OriginalData);
    const Samples data = original.sample(count, 1.0, dataRandom);

    EmOptions options;
    options.components = original.size();
    options.tolerance = 1e-8;
    options.maxIterations = 1000;
    RandomStream fitRandom(11, 0, 0, Purpose::Fitting);
    EmReport report;
    const GaussianMixture fitted = fitGaussianMixture(data, options, fitRandom, &report);
    QVERIFY(report.converged);

    const auto expected = sortedComponents(original);
    const auto actual = sortedComponents(fitted);
    for (std::size_t k = 0; k < expected.size(); ++k) {
        const double n = expected[k].weight * count;
        COLLAPSE_COMPARE_WITHIN(actual[k].weight, expected[k].weight,
                                4.0 * std::sqrt(expected[k].weight * (1.0 - expected[k].weight) / count) + 1e-3);
        for (Eigen::Index j = 0; j < expected[k].mean.size(); ++j) {
            const double v = expected[k].covariance(j, j);
            COLLAPSE_COMPARE_WITHIN(actual[k].mean[j], expected[k].mean[j], 4.0 * std::sqrt(v / n) + 1e-3);
            COLLAPSE_COMPARE_WITHIN(actual[k].covariance(j, j), v, 4.0 * v * std::sqrt(2.0 / n) + 1e-3);
        }
    }
}

void ExpectationMaximizationTest::matchesTheTextbookIterations_data()
{
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("spread");
    QTest::addColumn<int>("estimator");
    QTest::addRow("near the origin, MLE") << 0.0 << 1.0 << int(Estimator::Mle);
    QTest::addRow("near the origin, unbiased") << 0.0 << 1.0 << int(Estimator::Unbiased);
    // A collapsed chain's mixture: narrow components far from the origin, where moments taken around
    // zero would cancel catastrophically.
    QTest::addRow("narrow and far") << 1000.0 << 1e-3 << int(Estimator::Mle);
}

void ExpectationMaximizationTest::matchesTheTextbookIterations()
{
    // The fitter folds each block of points into shifted sufficient statistics in one pass; after the
    // same iterations from the same centres its parameters must be the textbook's to rounding. 700
    // points make two whole blocks and a part.
    QFETCH(double, offset);
    QFETCH(double, spread);
    QFETCH(int, estimator);
    const GaussianMixture original({component(0.4, {offset - 3.0 * spread, offset}, {spread * spread, 0.5 * spread * spread}),
                                    component(0.6, {offset + 2.0 * spread, offset + spread}, {0.7 * spread * spread, spread * spread})});
    RandomStream dataRandom(19, 0, 0, Purpose::OriginalData);
    const Samples data = original.sample(700, 1.0, dataRandom);
    EmOptions options;
    options.components = 2;
    options.estimator = static_cast<Estimator>(estimator);
    options.tolerance = 0.0;
    options.maxIterations = 6;
    options.regCovar = 1e-12;
    RandomStream fitRandom(19, 0, 0, Purpose::Fitting);
    const GaussianMixture fitted = fitGaussianMixture(data, options, fitRandom);
    RandomStream centreRandom(19, 0, 0, Purpose::Fitting);
    const ReferenceFit reference = textbookEm(data, options, kMeansCentres(data, 2, centreRandom), options.maxIterations);
    for (int c = 0; c < 2; ++c) {
        const GaussianComponent& ours = fitted.component(c);
        const auto cc = std::size_t(c);
        COLLAPSE_COMPARE_WITHIN(ours.weight, reference.weights[cc], 1e-9);
        for (Eigen::Index j = 0; j < 2; ++j) {
            COLLAPSE_COMPARE_WITHIN(ours.mean[j], reference.means[cc][j], 1e-9 * spread);
            for (Eigen::Index i = 0; i < 2; ++i) {
                COLLAPSE_COMPARE_WITHIN(ours.covariance(i, j), reference.covariances[cc](i, j), 1e-7 * spread * spread);
            }
        }
    }
}

void ExpectationMaximizationTest::diagonalCovarianceHasNoCorrelation()
{
    // Strongly correlated data fitted with diagonal covariance keeps zero off-diagonal terms.
    const GaussianMixture original({{1.0, Eigen::Vector2d(0.0, 0.0), (Eigen::Matrix2d() << 1.0, 0.9, 0.9, 1.0).finished()}});
    RandomStream dataRandom(5, 0, 0, Purpose::OriginalData);
    const Samples data = original.sample(5000, 1.0, dataRandom);
    EmOptions options;
    options.components = 1;
    options.covariance = CovarianceType::Diagonal;
    RandomStream fitRandom(5, 0, 0, Purpose::Fitting);
    const GaussianMixture fitted = fitGaussianMixture(data, options, fitRandom);
    QCOMPARE(fitted.component(0).covariance(0, 1), 0.0);
    COLLAPSE_COMPARE_WITHIN(fitted.component(0).covariance(0, 0), 1.0, 4.0 * std::sqrt(2.0 / 5000));
}

void ExpectationMaximizationTest::unbiasedEstimatorWidensByNOverNMinusOne()
{
    // With one component every responsibility is 1, so the unbiased covariance is the maximum-likelihood
    // one times n / (n - 1), exactly (up to the reg_covar added to both).
    RandomStream dataRandom(3, 0, 0, Purpose::OriginalData);
    Samples data(1, 10);
    for (Eigen::Index i = 0; i < data.cols(); ++i) {
        data(0, i) = dataRandom.normal();
    }
    EmOptions options;
    options.components = 1;
    options.regCovar = 1e-12;
    RandomStream random(3, 0, 0, Purpose::Fitting);
    options.estimator = Estimator::Mle;
    const double mle = fitGaussianMixture(data, options, random).component(0).covariance(0, 0);
    options.estimator = Estimator::Unbiased;
    const double unbiased = fitGaussianMixture(data, options, random).component(0).covariance(0, 0);
    COLLAPSE_COMPARE_WITHIN(unbiased, mle * 10.0 / 9.0, 1e-10);
}

void ExpectationMaximizationTest::stopsAtToleranceOrCap()
{
    const GaussianMixture original({{0.5, Eigen::VectorXd::Constant(1, -1.0), Eigen::MatrixXd::Identity(1, 1)},
                                    {0.5, Eigen::VectorXd::Constant(1, 1.0), Eigen::MatrixXd::Identity(1, 1)}});
    RandomStream dataRandom(8, 0, 0, Purpose::OriginalData);
    const Samples data = original.sample(500, 1.0, dataRandom);
    EmOptions options;
    options.components = 2;
    options.tolerance = 1e-300;
    options.maxIterations = 7;
    RandomStream random(8, 0, 0, Purpose::Fitting);
    EmReport report;
    fitGaussianMixture(data, options, random, &report);
    QCOMPARE(report.iterations, 7);
    QVERIFY(!report.converged);
    options.tolerance = 1e-2;
    options.maxIterations = 1000;
    fitGaussianMixture(data, options, random, &report);
    QVERIFY(report.converged);
    QVERIFY(report.iterations < 1000);
}

void ExpectationMaximizationTest::survivesDegenerateData_data()
{
    QTest::addColumn<Samples>("data");
    QTest::addColumn<int>("components");
    QTest::addColumn<int>("covariance");

    Samples duplicated = Samples::Constant(2, 100, 3.0);
    QTest::addRow("all points equal, K=2") << duplicated << 2 << int(CovarianceType::Full);
    QTest::addRow("all points equal, K=1, diagonal") << duplicated << 1 << int(CovarianceType::Diagonal);

    Samples twoDistinct(2, 50);
    twoDistinct.leftCols(25).setConstant(-1.0);
    twoDistinct.rightCols(25).setConstant(1.0);
    QTest::addRow("K=5 > 2 distinct points") << twoDistinct << 5 << int(CovarianceType::Full);

    RandomStream random(2, 0, 0, Purpose::OriginalData);
    Samples withOutlier(2, 200);
    for (Eigen::Index i = 0; i < withOutlier.size(); ++i) {
        withOutlier.data()[i] = random.normal();
    }
    withOutlier.col(199) << 1000.0, -1000.0;
    QTest::addRow("a one-point component far away") << withOutlier << 2 << int(CovarianceType::Full);

    QTest::addRow("two points, K=2") << Samples((Samples(1, 2) << 0.0, 1.0).finished()) << 2
                                     << int(CovarianceType::Full);
    Samples line(2, 100);
    for (Eigen::Index i = 0; i < 100; ++i) {
        line.col(i) << static_cast<double>(i), 2.0 * static_cast<double>(i);
    }
    QTest::addRow("points on a line (singular covariance)") << line << 3 << int(CovarianceType::Full);
}

void ExpectationMaximizationTest::survivesDegenerateData()
{
    QFETCH(Samples, data);
    QFETCH(int, components);
    QFETCH(int, covariance);
    EmOptions options;
    options.components = components;
    options.covariance = static_cast<CovarianceType>(covariance);
    options.maxIterations = 200;
    RandomStream random(4, 0, 0, Purpose::Fitting);
    EmReport report;
    const GaussianMixture fitted = fitGaussianMixture(data, options, random, &report);
    QVERIFY(allFinite(fitted));
    QVERIFY(std::isfinite(report.meanLogLikelihood));
    QVERIFY(fitted.logDensity(data).allFinite());
    for (const auto& c : fitted.components()) {
        // The covariance floor holds: every eigenvalue is at least reg_covar (to rounding).
        QVERIFY(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(c.covariance).eigenvalues().minCoeff() >=
                options.regCovar * (1.0 - 1e-6));
    }
    RandomStream sampleRandom(4, 0, 0, Purpose::ModelSamples);
    QVERIFY(fitted.sample(100, 1.0, sampleRandom).allFinite());
}

void ExpectationMaximizationTest::kMeansPlusPlusFindsSeparatedClusters()
{
    Samples data(1, 300);
    RandomStream random(6, 0, 0, Purpose::OriginalData);
    for (Eigen::Index i = 0; i < 300; ++i) {
        data(0, i) = 10.0 * static_cast<double>(i % 3) + 0.1 * random.normal();
    }
    RandomStream seeding(6, 0, 0, Purpose::Fitting);
    Samples centres = kMeansCentres(data, 3, seeding);
    std::sort(centres.data(), centres.data() + 3);
    for (int c = 0; c < 3; ++c) {
        COLLAPSE_COMPARE_WITHIN(centres(0, c), 10.0 * c, 4.0 * 0.1 / std::sqrt(100.0));
    }
}

QTEST_APPLESS_MAIN(ExpectationMaximizationTest)
#include "test_expectation_maximization.moc"
