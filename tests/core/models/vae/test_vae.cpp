// The VAE: hand-written gradients against finite differences, training that lowers the loss and
// survives a runaway learning rate, the classifier, and a short recursion in which the generation-0
// encoder sees the latent codes of generated images shrink.

#include "core/models/vae/vae_model.h"
#include "core/models/vae/vae_training.h"
#include "core/random.h"
#include "tests/common/statistics.h"

#include <QTest>

#include <omp.h>

#include <sstream>

using namespace collapse;
using namespace collapse::testing;

namespace {

Eigen::MatrixXf uniformMatrix(Eigen::Index rows, Eigen::Index cols, RandomStream& random)
{
    Eigen::MatrixXf m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) {
        m.data()[i] = static_cast<float>(random.uniform());
    }
    return m;
}

Scenario smallVae()
{
    Scenario scenario = defaultScenario<VaeSettings>();
    scenario.samples = 1500;
    scenario.generations = 4;
    scenario.as<VaeSettings>().hidden = 128;
    scenario.capacity = 8;
    scenario.as<VaeSettings>().epochs = 8;
    scenario.seed = 7;
    return scenario;
}

} // namespace

class VaeTest : public QObject {
    Q_OBJECT

private slots:
    void gradientMatchesFiniteDifferences();
    void trainingLowersTheLoss();
    void runawayLearningRateLeavesFiniteWeights();
    void classifierLearnsTheClasses();
    void latentSpreadShrinksOverGenerations();
    void sameBytesForAnyThreadCount();
};

void VaeTest::gradientMatchesFiniteDifferences()
{
    // Central differences (f(θ + h) - f(θ - h)) / 2h in double precision through a float network:
    // with h = 1e-3 the truncation error is O(h²) and the rounding error ~1e-7 |f| / h, so a tolerance
    // of 2% of the gradient plus 0.02 absolute holds every coordinate away from ReLU kinks.
    RandomStream random(3, 0, 0, Purpose::Initialisation);
    VaeParameters parameters({12, 7, 3});
    parameters.initialise(random);
    for (Eigen::Index i = 0; i < parameters.values().size(); ++i) {
        parameters.values()[i] += static_cast<float>(0.1 * (random.uniform() - 0.5));  // biases off zero
    }
    const Eigen::MatrixXf images = uniformMatrix(12, 5, random);
    Eigen::MatrixXf noise(3, 5);
    for (Eigen::Index i = 0; i < noise.size(); ++i) {
        noise.data()[i] = static_cast<float>(random.normal());
    }
    VaeParameters accumulated(parameters.shape());
    negativeElboAndGradient(parameters, images, noise, accumulated);
    const Eigen::VectorXf& gradient = accumulated.values();
    constexpr float h = 1e-3f;
    int checked = 0;
    for (Eigen::Index i = 0; i < parameters.values().size(); ++i) {
        VaeParameters plus = parameters;
        VaeParameters minus = parameters;
        plus.values()[i] += h;
        minus.values()[i] -= h;
        const double numeric =
            (double(negativeElbo(plus, images, noise)) - double(negativeElbo(minus, images, noise))) / (2.0 * h);
        const double analytic = gradient[i];
        QVERIFY2(std::abs(numeric - analytic) <= 0.02 + 0.02 * std::abs(analytic),
                 qPrintable(QStringLiteral("parameter %1: analytic %2, numeric %3").arg(i).arg(analytic).arg(numeric)));
        ++checked;
    }
    QCOMPARE(checked, 12 * 7 + 7 + 2 * (7 * 3 + 3) + 3 * 7 + 7 + 7 * 12 + 12);
}

void VaeTest::trainingLowersTheLoss()
{
    const ImageData data = loadImageData("fashion-mnist-subset", "the VAE");
    const Eigen::MatrixXf images = data.training.pixels.leftCols(1000);
    RandomStream random(5, 0, 0, Purpose::Fitting);
    VaeParameters parameters({784, 64, 8});
    parameters.initialise(random);
    RandomStream noiseRandom(5, 0, 0, Purpose::HeldOut);
    Eigen::MatrixXf noise(8, 1000);
    for (Eigen::Index i = 0; i < noise.size(); ++i) {
        noise.data()[i] = static_cast<float>(noiseRandom.normal());
    }
    const double before = negativeElbo(parameters, images, noise) / 1000.0;
    const VaeTrainingReport report = trainVae(parameters, images, {5, 64, 1e-3}, random);
    const double after = negativeElbo(parameters, images, noise) / 1000.0;
    QCOMPARE(report.skippedBatches, 0);
    // An untrained decoder pays ln 2 per pixel (~543 nats); a trained one on Fashion-MNIST far less.
    QVERIFY2(before > 500.0, qPrintable(QString::number(before)));
    QVERIFY2(after < 0.7 * before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

void VaeTest::runawayLearningRateLeavesFiniteWeights()
{
    const ImageData data = loadImageData("fashion-mnist-subset", "the VAE");
    RandomStream random(6, 0, 0, Purpose::Fitting);
    VaeParameters parameters({784, 32, 4});
    parameters.initialise(random);
    trainVae(parameters, data.training.pixels.leftCols(512), {3, 64, 1.0}, random);
    QVERIFY(parameters.values().allFinite());
}

void VaeTest::classifierLearnsTheClasses()
{
    // Softmax regression reaches about 84% on Fashion-MNIST (Xiao et al. 2017, Table 3); on a tenth of
    // the training data, 78% is a safe floor, ten times chance.
    const Scenario scenario = smallVae();
    const VaeExperiment experiment(scenario);
    QVERIFY2(experiment.classifierAccuracy() > 0.78, qPrintable(QString::number(experiment.classifierAccuracy())));
}

void VaeTest::latentSpreadShrinksOverGenerations()
{
    // Trained on its own images, each VAE's samples come out blurrier and more alike: the generation-0
    // encoder's latent means of them shrink, their classes narrow, and real images fit worse.
    const RunResults results = runScenario(smallVae());
    const auto at = [&](int generation, const char* metric) { return column(results, generation, metric).front(); };
    QVERIFY2(at(3, "latent_std") < at(0, "latent_std"),
             qPrintable(QStringLiteral("%1 -> %2").arg(at(0, "latent_std")).arg(at(3, "latent_std"))));
    QVERIFY(at(3, "pixel_diversity") < at(0, "pixel_diversity"));
    QVERIFY(at(3, "class_entropy") < at(0, "class_entropy"));
    QVERIFY(at(3, "elbo_real") < at(0, "elbo_real"));
    QVERIFY(std::isfinite(at(3, "elbo_real")));
}

void VaeTest::sameBytesForAnyThreadCount()
{
    Scenario scenario = smallVae();
    scenario.generations = 2;
    scenario.samples = 300;
    scenario.as<VaeSettings>().epochs = 1;
    const auto csv = [&] {
        std::ostringstream out;
        out << metricsCsv(runScenario(scenario));
        return out.str();
    };
    omp_set_num_threads(1);
    const std::string one = csv();
    omp_set_num_threads(2);
    QCOMPARE(csv(), one);
}

QTEST_APPLESS_MAIN(VaeTest)
#include "test_vae.moc"
