// Mixture densities, moments, sampling and the closed-form L2 distance; the central region's tail mass
// against closed forms.

#include "core/central_region.h"
#include "core/gaussian_mixture.h"
#include "core/random.h"
#include "tests/common/statistics.h"

#include <QTest>

#include <Eigen/Eigenvalues>

#include <cmath>
#include <numbers>

using namespace collapse;
using namespace collapse::testing;

namespace {

GaussianMixture normal1d(double mean, double variance)
{
    return GaussianMixture({{1.0, Eigen::VectorXd::Constant(1, mean), Eigen::MatrixXd::Constant(1, 1, variance)}});
}

double normalCdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

} // namespace

class GaussianMixtureTest : public QObject {
    Q_OBJECT

private slots:
    void logDensityMatchesClosedForm();
    void overallMomentsFollowTotalVariance();
    void samplesHaveTheMixtureMoments();
    void samplingBiasScalesCovariance();
    void l2DistanceClosedForm();
    void repairsIndefiniteCovariance();
    void tailMassOfOneDimensionalNormals_data();
    void tailMassOfOneDimensionalNormals();
    void tailMassOfIsotropicNormalsIn2D_data();
    void tailMassOfIsotropicNormalsIn2D();
    void tailMassOfScaledCorrelatedNormals_data();
    void tailMassOfScaledCorrelatedNormals();
    void tailMassOfShiftedNormalMatchesMonteCarlo();
    void tailMassOfOneGaussianAgreesWithTheGeneralPath();
    void originalMixtureHasFivePercentOutside();
};

void GaussianMixtureTest::logDensityMatchesClosedForm()
{
    const GaussianMixture mixture({{0.25, Eigen::VectorXd::Constant(1, -1.0), Eigen::MatrixXd::Constant(1, 1, 0.5)},
                                   {0.75, Eigen::VectorXd::Constant(1, 2.0), Eigen::MatrixXd::Constant(1, 1, 2.0)}});
    for (const double x : {-3.0, 0.0, 0.5, 40.0}) {
        const auto pdf = [x](double m, double v) {
            return std::exp(-0.5 * (x - m) * (x - m) / v) / std::sqrt(2.0 * std::numbers::pi * v);
        };
        const double expected = std::log(0.25 * pdf(-1.0, 0.5) + 0.75 * pdf(2.0, 2.0));
        COLLAPSE_COMPARE_WITHIN(mixture.logDensity(Eigen::MatrixXd::Constant(1, 1, x))[0], expected,
                                1e-12 * std::abs(expected));
    }
    // In the plane, with correlated components: ln Σ_k w_k exp(-dᵀ Σ_k⁻¹ d / 2) / (2π sqrt(det Σ_k)).
    const Eigen::Matrix2d first = (Eigen::Matrix2d() << 2.0, 0.7, 0.7, 0.5).finished();
    const Eigen::Matrix2d second = (Eigen::Matrix2d() << 0.3, -0.2, -0.2, 1.1).finished();
    const Eigen::Vector2d firstMean(1.0, -1.0);
    const Eigen::Vector2d secondMean(-2.0, 0.5);
    const GaussianMixture plane({{0.4, firstMean, first}, {0.6, secondMean, second}});
    Eigen::MatrixXd points(2, 4);
    points << 0.0, 1.0, -3.0, 5.0, 0.0, -1.5, 2.0, -4.0;
    const Eigen::VectorXd logDensity = plane.logDensity(points);
    for (Eigen::Index i = 0; i < points.cols(); ++i) {
        const auto pdf = [&](const Eigen::Vector2d& m, const Eigen::Matrix2d& s) {
            const Eigen::Vector2d d = points.col(i) - m;
            return std::exp(-0.5 * d.dot(s.inverse() * d)) / (2.0 * std::numbers::pi * std::sqrt(s.determinant()));
        };
        const double expected = std::log(0.4 * pdf(firstMean, first) + 0.6 * pdf(secondMean, second));
        COLLAPSE_COMPARE_WITHIN(logDensity[i], expected, 1e-12 * std::abs(expected));
    }
}

void GaussianMixtureTest::overallMomentsFollowTotalVariance()
{
    const GaussianMixture mixture({{0.5, Eigen::VectorXd::Constant(1, -2.0), Eigen::MatrixXd::Constant(1, 1, 1.0)},
                                   {0.5, Eigen::VectorXd::Constant(1, 2.0), Eigen::MatrixXd::Constant(1, 1, 1.0)}});
    QCOMPARE(mixture.overallMean()[0], 0.0);
    // Var = E[Var | k] + Var(E[X | k]) = 1 + 4.
    QCOMPARE(mixture.overallCovariance()(0, 0), 5.0);
}

void GaussianMixtureTest::samplesHaveTheMixtureMoments()
{
    const GaussianMixture mixture({{0.3, Eigen::Vector2d(-2.0, 1.0), Eigen::Matrix2d::Identity()},
                                   {0.7, Eigen::Vector2d(1.0, 0.0), (Eigen::Matrix2d() << 2.0, 0.5, 0.5, 1.0).finished()}});
    RandomStream random(1, 0, 0, Purpose::ModelSamples);
    constexpr int n = 200000;
    const Samples points = mixture.sample(n, 1.0, random);
    const Eigen::Vector2d expectedMean = mixture.overallMean();
    const Eigen::Matrix2d covariance = mixture.overallCovariance();
    for (int j = 0; j < 2; ++j) {
        std::vector<double> coordinate;
        for (Eigen::Index i = 0; i < n; ++i) {
            coordinate.push_back(points(j, i));
        }
        COLLAPSE_COMPARE_WITHIN(mean(coordinate), expectedMean[j], 4.0 * std::sqrt(covariance(j, j) / n));
        COLLAPSE_COMPARE_WITHIN(variance(coordinate), covariance(j, j), 4.0 * standardErrorOfVariance(coordinate));
    }
}

void GaussianMixtureTest::samplingBiasScalesCovariance()
{
    // λ scales each component's covariance: the variance of a single normal's samples is λσ².
    const GaussianMixture mixture = normal1d(0.0, 4.0);
    RandomStream random(2, 0, 0, Purpose::ModelSamples);
    const Samples points = mixture.sample(100000, 0.25, random);
    const std::vector<double> values(points.data(), points.data() + points.size());
    COLLAPSE_COMPARE_WITHIN(variance(values), 1.0, 4.0 * standardErrorOfVariance(values));
}

void GaussianMixtureTest::l2DistanceClosedForm()
{
    // ∫ (N(x; 0, 1) - N(x; μ, 1))² dx = (1 - e^{-μ²/4}) / sqrt(π).
    for (const double shift : {0.0, 0.5, 3.0}) {
        const double expected = (1.0 - std::exp(-shift * shift / 4.0)) / std::sqrt(std::numbers::pi);
        COLLAPSE_COMPARE_WITHIN(l2DistanceSquared(normal1d(0.0, 1.0), normal1d(shift, 1.0)), expected, 1e-14);
    }
    // A narrow normal has ∫p² = 1 / (2 sqrt(π) σ): the distance grows as the model collapses.
    const double sigma = 0.01;
    const double expected = 1.0 / (2.0 * std::sqrt(std::numbers::pi) * sigma) + 1.0 / (2.0 * std::sqrt(std::numbers::pi)) -
                            2.0 / std::sqrt(2.0 * std::numbers::pi * (1.0 + sigma * sigma));
    COLLAPSE_COMPARE_WITHIN(l2DistanceSquared(normal1d(0.0, sigma * sigma), normal1d(0.0, 1.0)), expected, 1e-10);
}

void GaussianMixtureTest::repairsIndefiniteCovariance()
{
    const GaussianMixture mixture({{1.0, Eigen::Vector2d::Zero(), (Eigen::Matrix2d() << 1.0, 2.0, 2.0, 1.0).finished()}},
                                  1e-6);
    QVERIFY(std::isfinite(mixture.component(0).logNormaliser));
    QVERIFY(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(mixture.component(0).covariance).eigenvalues().minCoeff() > 0.0);
}

void GaussianMixtureTest::tailMassOfOneDimensionalNormals_data()
{
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("std");
    QTest::addRow("the original") << 0.0 << 1.0;
    QTest::addRow("narrower") << 0.0 << 0.5;
    QTest::addRow("shifted") << 1.0 << 1.0;
    QTest::addRow("wider and shifted") << -0.7 << 2.5;
    QTest::addRow("collapsed inside") << 0.3 << 1e-4;
    QTest::addRow("collapsed outside") << 2.5 << 1e-4;
    QTest::addRow("collapsed on the edge") << 1.959963984540054 << 1e-3;
    QTest::addRow("collapsed far away") << -100.0 << 1e-3;
    QTest::addRow("shifted outside") << 3.0 << 1.0;
}

void GaussianMixtureTest::tailMassOfOneDimensionalNormals()
{
    // The central 95% of N(0, 1) is [-1.96, 1.96]; N(μ, σ²) puts Φ((-1.96-μ)/σ) + Φ((μ-1.96)/σ) outside.
    QFETCH(double, mean);
    QFETCH(double, std);
    const CentralRegion region(normal1d(0.0, 1.0));
    const double q = 1.959963984540054;
    const double expected = normalCdf((-q - mean) / std) + normalCdf((mean - q) / std);
    COLLAPSE_COMPARE_WITHIN(region.massOutside(normal1d(mean, std * std)), expected, 1e-6);
}

void GaussianMixtureTest::tailMassOfIsotropicNormalsIn2D_data()
{
    QTest::addColumn<double>("std");
    QTest::addRow("the original") << 1.0;
    QTest::addRow("narrower") << 0.5;
    QTest::addRow("wider") << 1.5;
    QTest::addRow("collapsed") << 0.01;
}

void GaussianMixtureTest::tailMassOfIsotropicNormalsIn2D()
{
    // The central 95% of N(0, I) in 2-D is the disc of radius r with r² = -2 ln 0.05; N(0, s² I) puts
    // exp(-r² / (2 s²)) outside it (the Rayleigh law).
    QFETCH(double, std);
    const GaussianMixture original({{1.0, Eigen::Vector2d::Zero(), Eigen::Matrix2d::Identity()}});
    const CentralRegion region(original);
    const GaussianMixture model({{1.0, Eigen::Vector2d::Zero(), std * std * Eigen::Matrix2d::Identity()}});
    const double expected = std::exp(2.0 * std::log(0.05) / (2.0 * std * std));
    COLLAPSE_COMPARE_WITHIN(region.massOutside(model), expected, 1e-6);
}

void GaussianMixtureTest::tailMassOfScaledCorrelatedNormals_data()
{
    tailMassOfIsotropicNormalsIn2D_data();
}

void GaussianMixtureTest::tailMassOfScaledCorrelatedNormals()
{
    // An affine map takes a correlated, shifted p_0 = N(μ, Σ) and its model N(μ, s² Σ) to the isotropic
    // case above, and leaves the mass outside the region unchanged: exp(-r² / (2 s²)).
    QFETCH(double, std);
    const Eigen::Vector2d mean(1.0, -2.0);
    const Eigen::Matrix2d covariance = (Eigen::Matrix2d() << 2.0, 0.9, 0.9, 1.0).finished();
    const CentralRegion region(GaussianMixture({{1.0, mean, covariance}}));
    const GaussianMixture model({{1.0, mean, std * std * covariance}});
    const double expected = std::exp(2.0 * std::log(0.05) / (2.0 * std * std));
    COLLAPSE_COMPARE_WITHIN(region.massOutside(model), expected, 1e-6);
}

void GaussianMixtureTest::tailMassOfShiftedNormalMatchesMonteCarlo()
{
    // A shifted, correlated model against 10^6 draws from it (binomial standard error).
    const GaussianMixture original({{1.0, Eigen::Vector2d::Zero(), Eigen::Matrix2d::Identity()}});
    const CentralRegion region(original);
    const GaussianMixture model({{1.0, Eigen::Vector2d(1.0, -0.5), (Eigen::Matrix2d() << 0.8, 0.3, 0.3, 0.5).finished()}});
    RandomStream random(3, 0, 0, Purpose::ModelSamples);
    constexpr int n = 1000000;
    const Samples points = model.sample(n, 1.0, random);
    const double radiusSquared = -2.0 * std::log(0.05);
    const double outside = double((points.colwise().squaredNorm().array() > radiusSquared).count()) / n;
    COLLAPSE_COMPARE_WITHIN(region.massOutside(model), outside, 4.0 * std::sqrt(outside * (1.0 - outside) / n) + 1e-4);
}

void GaussianMixtureTest::tailMassOfOneGaussianAgreesWithTheGeneralPath()
{
    // p_0 written as two identical halves takes the general path (a walk out along each ray and
    // bisection); as one component, the ellipse's roots. Both integrate the same rays, so on shifted,
    // correlated, narrower and wider models they agree to the quadrature's 1e-4.
    const Eigen::Vector2d mean(0.5, -1.0);
    const Eigen::Matrix2d covariance = (Eigen::Matrix2d() << 1.5, 0.4, 0.4, 0.8).finished();
    const CentralRegion ellipse(GaussianMixture({{1.0, mean, covariance}}));
    const CentralRegion halves(GaussianMixture({{0.5, mean, covariance}, {0.5, mean, covariance}}));
    COLLAPSE_COMPARE_WITHIN(ellipse.logDensityThreshold(), halves.logDensityThreshold(), 1e-6);
    RandomStream random(5, 0, 0, Purpose::Display);
    for (int i = 0; i < 20; ++i) {
        const Eigen::Vector2d shift(2.0 * random.uniform() - 1.0, 2.0 * random.uniform() - 1.0);
        const double a = 0.2 + random.uniform();
        const double b = random.uniform() - 0.5;
        const double c = 0.2 + random.uniform();
        // L Lᵀ for the lower-triangular L = [[a, 0], [b, c]].
        const Eigen::Matrix2d modelCovariance = (Eigen::Matrix2d() << a * a, a * b, a * b, b * b + c * c).finished();
        const GaussianMixture model({{1.0, mean + 1.5 * shift, modelCovariance}});
        COLLAPSE_COMPARE_WITHIN(ellipse.massOutside(model), halves.massOutside(model), 1e-4);
    }
}

void GaussianMixtureTest::originalMixtureHasFivePercentOutside()
{
    // For a multi-modal p_0 the region is its highest-density set, found numerically; p_0 itself must
    // put exactly 5% outside it, and a Monte Carlo sample of p_0 agrees.
    const GaussianMixture original({{0.6, Eigen::Vector2d(-3.0, 0.0), Eigen::Matrix2d::Identity()},
                                    {0.35, Eigen::Vector2d(3.0, 0.0), 0.5 * Eigen::Matrix2d::Identity()},
                                    {0.05, Eigen::Vector2d(0.0, 4.0), Eigen::Matrix2d::Identity()}});
    const CentralRegion region(original);
    COLLAPSE_COMPARE_WITHIN(region.massOutside(original), 0.05, 1e-4);
    RandomStream random(4, 0, 0, Purpose::ModelSamples);
    constexpr int n = 400000;
    const Eigen::VectorXd logDensity = original.logDensity(original.sample(n, 1.0, random));
    const double outside = double((logDensity.array() < region.logDensityThreshold()).count()) / n;
    COLLAPSE_COMPARE_WITHIN(outside, 0.05, 4.0 * std::sqrt(0.05 * 0.95 / n) + 1e-4);
}

QTEST_APPLESS_MAIN(GaussianMixtureTest)
#include "test_gaussian_mixture.moc"
