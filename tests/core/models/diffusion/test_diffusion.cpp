// The diffusion model: hand-written gradients against finite differences; both samplers drawing a 1-D
// Gaussian from its exact noise predictor, and agreeing with each other; a trained network that
// reproduces its data's mean and variance; images of another size or no category refused by name (the
// measures of points are tested in tests/core/test_sample_metrics.cpp).

#include "core/data_error.h"
#include "core/models/diffusion/denoiser.h"
#include "core/models/diffusion/diffusion_model.h"
#include "core/random.h"
#include "tests/common/statistics.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace collapse;

namespace {

// Mean and unbiased variance of a row.
std::pair<double, double> moments(const Eigen::Ref<const Eigen::RowVectorXd>& values)
{
    const double mean = values.mean();
    const double variance = (values.array() - mean).square().sum() / static_cast<double>(values.size() - 1);
    return {mean, variance};
}

// The two-sample Kolmogorov–Smirnov statistic sup |F_a − F_b|.
double ksStatistic(std::vector<double> a, std::vector<double> b)
{
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::size_t i = 0;
    std::size_t j = 0;
    double largest = 0.0;
    while (i < a.size() && j < b.size()) {
        const double x = std::min(a[i], b[j]);
        while (i < a.size() && a[i] <= x) {
            ++i;
        }
        while (j < b.size() && b[j] <= x) {
            ++j;
        }
        largest = std::max(largest, std::abs(static_cast<double>(i) / static_cast<double>(a.size()) -
                                             static_cast<double>(j) / static_cast<double>(b.size())));
    }
    return largest;
}

std::vector<double> asVector(const Eigen::MatrixXf& row)
{
    std::vector<double> values;
    for (Eigen::Index i = 0; i < row.size(); ++i) {
        values.push_back(row.data()[i]);
    }
    return values;
}

QString errorOf(const std::function<void()>& attempt)
{
    try {
        attempt();
    } catch (const DataError& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

} // namespace

class DiffusionTest : public QObject {
    Q_OBJECT

private slots:
    void gradientMatchesFiniteDifferences();
    void samplersDrawTheGaussianOfAnExactPredictor_data();
    void samplersDrawTheGaussianOfAnExactPredictor();
    void samplersAgreeInDistribution();
    void trainedModelReproducesMeanAndVariance();
    void schedulesEndInNoise();
    void imagesOfAnotherSizeOrNoCategoryAreRefused();
};

void DiffusionTest::gradientMatchesFiniteDifferences()
{
    // Central differences in double precision through a float network, h = 1e-3: truncation O(h²),
    // rounding ~1e-7 |f| / h, so 2% of the gradient plus 0.02 holds every coordinate.
    RandomStream random(3, 0, 0, Purpose::Initialisation);
    DenoiserParameters parameters({2, 7, 2, 4});
    parameters.initialise(random);
    for (Eigen::Index i = 0; i < parameters.values().size(); ++i) {
        parameters.values()[i] += static_cast<float>(0.1 * (random.uniform() - 0.5)); // biases off zero
    }
    const TimeEmbedding embedding(20, 4);
    Eigen::MatrixXf noisy(2, 5);
    Eigen::MatrixXf noise(2, 5);
    for (Eigen::Index i = 0; i < noisy.size(); ++i) {
        noisy.data()[i] = static_cast<float>(random.normal());
        noise.data()[i] = static_cast<float>(random.normal());
    }
    const std::vector<int> steps = {1, 5, 9, 14, 20};
    Eigen::VectorXf gradient = Eigen::VectorXf::Zero(parameters.values().size());
    noiseLossAndGradient(parameters, embedding, noisy, steps, noise, gradient);
    constexpr float h = 1e-3f;
    for (Eigen::Index i = 0; i < parameters.values().size(); ++i) {
        DenoiserParameters plus = parameters;
        DenoiserParameters minus = parameters;
        plus.values()[i] += h;
        minus.values()[i] -= h;
        const double numeric = (double(noiseLoss(plus, embedding, noisy, steps, noise)) -
                                double(noiseLoss(minus, embedding, noisy, steps, noise))) / (2.0 * h);
        const double analytic = gradient[i];
        QVERIFY2(std::abs(numeric - analytic) <= 0.02 + 0.02 * std::abs(analytic),
                 qPrintable(QStringLiteral("parameter %1: analytic %2, numeric %3").arg(i).arg(analytic).arg(numeric)));
    }
    // Every layer: (2 + 4) x 7 + 7, 7 x 7 + 7, 7 x 2 + 2.
    QCOMPARE(parameters.values().size(), Eigen::Index(6 * 7 + 7 + 7 * 7 + 7 + 7 * 2 + 2));
}

namespace {

// The exact noise predictor for 1-D data N(μ, s²): x_t ~ N(√ᾱ μ, ᾱ s² + 1 − ᾱ), so
// E[ε | x_t] = √(1 − ᾱ) (x_t − √ᾱ μ) / (ᾱ s² + 1 − ᾱ).
NoisePredictor exactPredictor(const NoiseSchedule& schedule, double mean, double deviation)
{
    return [&schedule, mean, deviation](const Eigen::Ref<const Eigen::MatrixXf>& noisy, int step, Eigen::MatrixXf& epsilon) {
        const double alphaBar = schedule.alphaBar(step);
        const double variance = alphaBar * deviation * deviation + 1.0 - alphaBar;
        epsilon = (std::sqrt(1.0 - alphaBar) / variance * (noisy.array().cast<double>() - std::sqrt(alphaBar) * mean))
                      .cast<float>()
                      .matrix();
    };
}

constexpr double kMean = 1.5;
constexpr double kDeviation = 0.5;
constexpr Eigen::Index kDrawn = 4000;

} // namespace

void DiffusionTest::samplersDrawTheGaussianOfAnExactPredictor_data()
{
    QTest::addColumn<int>("sampler");
    QTest::addColumn<int>("ddimSteps");
    QTest::addRow("ancestral") << static_cast<int>(DiffusionSampler::Ancestral) << 0;
    QTest::addRow("DDIM, every step") << static_cast<int>(DiffusionSampler::Ddim) << 0;
    QTest::addRow("DDIM, 50 of 200 steps") << static_cast<int>(DiffusionSampler::Ddim) << 50;
}

void DiffusionTest::samplersDrawTheGaussianOfAnExactPredictor()
{
    QFETCH(int, sampler);
    QFETCH(int, ddimSteps);
    // With the exact predictor, a sampler draws p_0 up to its discretisation: over 200 steps of the
    // cosine schedule that is far below the sampling error, so mean and variance are judged by their
    // standard errors s/√n and s²√(2/(n − 1)), four of them.
    const NoiseSchedule schedule(NoiseScheduleKind::Cosine, 200);
    RandomStream random(11, 0, 0, Purpose::ModelSamples);
    Eigen::MatrixXf drawn;
    sampleReverse(exactPredictor(schedule, kMean, kDeviation), schedule, static_cast<DiffusionSampler>(sampler), ddimSteps,
                  1.0, 1, kDrawn, random, drawn);
    const auto [mean, variance] = moments(drawn.cast<double>().row(0));
    const double n = static_cast<double>(kDrawn);
    COLLAPSE_COMPARE_WITHIN(mean, kMean, 4.0 * kDeviation / std::sqrt(n));
    COLLAPSE_COMPARE_WITHIN(variance, kDeviation * kDeviation, 4.0 * kDeviation * kDeviation * std::sqrt(2.0 / (n - 1.0)));
}

void DiffusionTest::samplersAgreeInDistribution()
{
    // The ancestral and the DDIM sampler of one fixed model, a two-sample Kolmogorov–Smirnov test at
    // α = 0.001: D must stay below 1.95 √((n + m) / (n m)).
    const NoiseSchedule schedule(NoiseScheduleKind::Linear, 100);
    const NoisePredictor predict = exactPredictor(schedule, kMean, kDeviation);
    RandomStream first(12, 0, 0, Purpose::ModelSamples);
    RandomStream second(13, 0, 0, Purpose::ModelSamples);
    Eigen::MatrixXf ancestral;
    Eigen::MatrixXf ddim;
    sampleReverse(predict, schedule, DiffusionSampler::Ancestral, 0, 1.0, 1, kDrawn, first, ancestral);
    sampleReverse(predict, schedule, DiffusionSampler::Ddim, 0, 1.0, 1, kDrawn, second, ddim);
    const double critical = 1.95 * std::sqrt(2.0 / static_cast<double>(kDrawn));
    const double d = ksStatistic(asVector(ancestral), asVector(ddim));
    QVERIFY2(d < critical, qPrintable(QStringLiteral("D = %1, critical %2").arg(d).arg(critical)));
    // A temperature below 1 narrows the draw: the test can tell distributions apart.
    RandomStream third(14, 0, 0, Purpose::ModelSamples);
    Eigen::MatrixXf narrowed;
    sampleReverse(predict, schedule, DiffusionSampler::Ancestral, 0, 0.5, 1, kDrawn, third, narrowed);
    QVERIFY(ksStatistic(asVector(ancestral), asVector(narrowed)) > critical);
}

void DiffusionTest::trainedModelReproducesMeanAndVariance()
{
    // A network trained on 4000 draws of N(1.5, 0.5²) draws 4000 points whose mean and variance match
    // its data's within four standard errors of the difference of two samples' moments.
    RandomStream data(21, 0, 0, Purpose::OriginalData);
    Eigen::MatrixXd standard(1, kDrawn);
    data.fillNormals({standard.data(), static_cast<std::size_t>(kDrawn)});
    const Eigen::MatrixXf training = (kMean + kDeviation * standard.array()).cast<float>();
    const NoiseSchedule schedule(NoiseScheduleKind::Linear, 50);
    const TimeEmbedding embedding(50, 16);
    DenoiserParameters parameters({1, 64, 2, 16});
    RandomStream random(22, 0, 0, Purpose::Fitting);
    parameters.initialise(random);
    trainDenoiser(parameters, schedule, embedding, training, {300, 256, 2e-3}, random);
    Eigen::MatrixXf drawn;
    RandomStream sampling(23, 0, 0, Purpose::ModelSamples);
    sampleReverse(networkPredictor(parameters, embedding), schedule, DiffusionSampler::Ancestral, 0, 1.0, 1, kDrawn, sampling, drawn);
    const auto [dataMean, dataVariance] = moments(training.cast<double>().row(0));
    const auto [mean, variance] = moments(drawn.cast<double>().row(0));
    const double n = static_cast<double>(kDrawn);
    const double s2 = kDeviation * kDeviation;
    COLLAPSE_COMPARE_WITHIN(mean, dataMean, 4.0 * std::sqrt(2.0 * s2 / n));
    COLLAPSE_COMPARE_WITHIN(variance, dataVariance, 4.0 * s2 * std::sqrt(2.0 * 2.0 / (n - 1.0)));
}

void DiffusionTest::schedulesEndInNoise()
{
    for (const NoiseScheduleKind kind : {NoiseScheduleKind::Linear, NoiseScheduleKind::Cosine}) {
        for (const int steps : {20, 50, 200, 1000}) {
            const NoiseSchedule schedule(kind, steps);
            QCOMPARE(schedule.alphaBar(0), 1.0);
            // Almost no signal is left at T, and ᾱ falls at every step.
            QVERIFY2(schedule.alphaBar(steps) < 0.01, qPrintable(QString::number(schedule.alphaBar(steps))));
            for (int t = 1; t <= steps; ++t) {
                QVERIFY(schedule.alphaBar(t) < schedule.alphaBar(t - 1));
                QVERIFY(schedule.beta(t) > 0.0 && schedule.beta(t) <= 0.999);
            }
        }
    }
}

void DiffusionTest::imagesOfAnotherSizeOrNoCategoryAreRefused()
{
    DiffusionSettings settings;
    settings.dataset = "fashion-mnist-subset";
    settings.imageClass = 12;
    QVERIFY(errorOf([&] { diffusionReference(settings, 1); }).contains("no training image is of \"image_class\" 12"));
    settings.imageClass = 1;
    const Samples trousers = diffusionReference(settings, 1);
    QCOMPARE(trousers.rows(), Eigen::Index(14 * 14));
    QCOMPARE(trousers.cols(), Eigen::Index(200));
    QVERIFY(trousers.minCoeff() >= -1.0 && trousers.maxCoeff() <= 1.0);
}

QTEST_APPLESS_MAIN(DiffusionTest)
#include "test_diffusion.moc"
