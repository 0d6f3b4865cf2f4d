// The cats: hue arithmetic on the circle, Wright–Fisher drift of the blue minority under a faithful
// fit (against the exact Markov chain), and shrinkage turning surviving blue cats green, then yellow.

#include "core/models/cats/cats_model.h"
#include "core/random.h"
#include "core/scenario.h"
#include "tests/common/statistics.h"

#include <QTest>

#include <cmath>

using namespace collapse;
using namespace collapse::testing;

namespace {

Scenario catScenario(double shrinkage, int generations, int replicates)
{
    Scenario scenario = defaultScenario<CatsSettings>();
    scenario.samples = 100;
    scenario.capacity = 2;
    scenario.as<CatsSettings>().shrinkage = shrinkage;
    scenario.generations = generations;
    scenario.replicates = replicates;
    scenario.seed = 2024;
    return scenario;
}

// P(X = 0) after the Wright–Fisher chain with population n: X_0 ~ Binomial(n, p), then `steps` times
// X' ~ Binomial(n, X / n), by exact propagation of the distribution over 0..n.
double wrightFisherLoss(int n, double p, int steps)
{
    const auto binomial = [n](int k, double q) {
        if (q <= 0.0) {
            return k == 0 ? 1.0 : 0.0;
        }
        if (q >= 1.0) {
            return k == n ? 1.0 : 0.0;
        }
        return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + k * std::log(q) +
                        (n - k) * std::log1p(-q));
    };
    std::vector<double> distribution(static_cast<std::size_t>(n + 1));
    for (int k = 0; k <= n; ++k) {
        distribution[static_cast<std::size_t>(k)] = binomial(k, p);
    }
    for (int step = 0; step < steps; ++step) {
        std::vector<double> next(static_cast<std::size_t>(n + 1), 0.0);
        for (int i = 0; i <= n; ++i) {
            for (int j = 0; j <= n; ++j) {
                next[static_cast<std::size_t>(j)] += distribution[static_cast<std::size_t>(i)] * binomial(j, double(i) / n);
            }
        }
        distribution = next;
    }
    return distribution[0];
}

} // namespace

class CatsTest : public QObject {
    Q_OBJECT

private slots:
    void huesWrapAroundTheCircle();
    void blueIsLostByWrightFisherDrift();
    void shrinkageTurnsBlueGreenThenYellow();
    void originalHasTenPercentBlue();
    void aLikelihoodFilterPrefersTheCommonColour();
};

void CatsTest::huesWrapAroundTheCircle()
{
    QCOMPARE(hueDifference(350.0, 10.0), -20.0);
    QCOMPARE(hueDifference(10.0, 350.0), 20.0);
    QCOMPARE(hueDifference(230.0, 55.0), 175.0);
    QVERIFY(std::abs(circularMean({350.0, 10.0}, {1.0, 1.0})) < 1e-9 ||
            std::abs(circularMean({350.0, 10.0}, {1.0, 1.0}) - 360.0) < 1e-9);
    COLLAPSE_COMPARE_WITHIN(circularMean({80.0, 100.0}, {3.0, 1.0}), 85.0, 0.2);
    QVERIFY(std::isnan(circularMean({0.0, 180.0}, {1.0, 1.0})));
}

void CatsTest::blueIsLostByWrightFisherDrift()
{
    // A faithful fit (shrinkage 0, two components) copies the share of blue cats exactly, so their
    // number follows the Wright–Fisher chain: the training set of generation 0 is Binomial(100, 0.1),
    // and each generation's 100 samples are Binomial(100, last count / 100). Blue is gone from
    // generation 49's cats with the chain's probability after 51 binomial draws (about 65%).
    constexpr int kReplicates = 2000;
    const RunResults results = runScenario(catScenario(0.0, 50, kReplicates));
    const std::vector<double> fractions = column(results, 49, "minority_fraction");
    double lost = 0.0;
    for (const double f : fractions) {
        lost += f == 0.0 ? 1.0 : 0.0;
    }
    lost /= kReplicates;
    const double expected = wrightFisherLoss(100, 0.1, 50);
    QVERIFY2(expected > 0.55 && expected < 0.75, qPrintable(QString::number(expected)));
    COLLAPSE_COMPARE_WITHIN(lost, expected, 4.0 * std::sqrt(expected * (1.0 - expected) / kReplicates));
    // While it lasts, a faithfully copied blue stays blue.
    std::vector<double> survivingHues;
    for (const double hue : column(results, 49, "minority_hue")) {
        if (!std::isnan(hue)) {
            survivingHues.push_back(hue);
        }
    }
    QVERIFY(!survivingHues.empty());
    COLLAPSE_COMPARE_WITHIN(median(survivingHues), kMinorityHue, 15.0);
}

void CatsTest::shrinkageTurnsBlueGreenThenYellow()
{
    // Shrinkage adds `s` pseudo-cats at the population's mean colour to every component's mean. The
    // blue component, with about ten cats, moves a fraction of the way along the shorter arc from 230°
    // toward the yellow majority every generation: through cyan and green (120°) to yellow (55°).
    // minority_hue cannot follow it past the midpoint between the two colours (it counts the cats nearer
    // blue), so this follows the fitted minority component itself, in every chain, through the
    // experiment's own steps.
    constexpr int kReplicates = 200;
    constexpr int kGenerations = 60;
    const Scenario scenario = catScenario(3.0, kGenerations, kReplicates);
    const CatsExperiment experiment(scenario);
    std::vector<std::vector<double>> minorityHues(kGenerations);
    for (int r = 0; r < kReplicates; ++r) {
        Samples data;
        for (int g = 0; g < kGenerations; ++g) {
            if (g == 0) {
                RandomStream original(scenario.seed, std::uint32_t(r), 0, Purpose::OriginalData);
                data = experiment.drawOriginal(scenario.samples, original);
            }
            RandomStream fitting(scenario.seed, std::uint32_t(r), std::uint32_t(g), Purpose::Fitting);
            const auto model = experiment.fit(data, fitting);
            const auto& components = static_cast<const HueMixture&>(*model).components();
            if (components.size() == 2) {
                const auto& minority = components[0].weight < components[1].weight ? components[0] : components[1];
                minorityHues[std::size_t(g)].push_back(minority.mean);
            }
            RandomStream sampling(scenario.seed, std::uint32_t(r), std::uint32_t(g), Purpose::ModelSamples);
            data = model->sample(scenario.samples, 1.0, sampling);
        }
    }
    QVERIFY2(median(minorityHues[0]) > 200.0, qPrintable(QString::number(median(minorityHues[0]))));
    int greenAt = -1;
    int yellowAt = -1;
    for (int g = 1; g < kGenerations; ++g) {
        // A chain whose minority is gone, or has merged into yellow, has a yellow minority in effect.
        std::vector<double> hues = minorityHues[std::size_t(g)];
        hues.resize(kReplicates, kMajorityHue);
        const double hue = median(hues);
        if (greenAt < 0 && hue > 90.0 && hue < 150.0) {
            greenAt = g;
        }
        if (greenAt >= 0 && yellowAt < 0 && hue < 90.0) {
            yellowAt = g;
        }
    }
    QVERIFY2(greenAt > 0, "the minority never turned green");
    QVERIFY2(yellowAt > greenAt, "the minority never turned yellow after green");
}

void CatsTest::originalHasTenPercentBlue()
{
    constexpr int kReplicates = 400;
    const RunResults results = runScenario(catScenario(0.0, 1, kReplicates));
    const std::vector<double> fractions = column(results, 0, "minority_fraction");
    // Two binomial draws of 100 from 10%: the variance is p(1-p)/100 (1 + 99/100).
    COLLAPSE_COMPARE_WITHIN(mean(fractions), 0.1, 4.0 * std::sqrt(0.09 / 100.0 * 1.99 / kReplicates));
}

void CatsTest::aLikelihoodFilterPrefersTheCommonColour()
{
    // Under the original (90% yellow at 55°, 10% blue at 230°) a yellow cat scores above a blue one, and
    // a score is ln of the hue's density.
    Scenario scenario = defaultScenario<CatsSettings>();
    const CatsExperiment experiment(scenario);
    Samples hues(1, 3);
    hues << 55.0, 230.0, 140.0;
    std::vector<double> scores(3);
    experiment.scoreSamples(experiment.original(), hues, Selection::Likelihood, scores);
    QVERIFY(scores[0] > scores[1]);
    QVERIFY(scores[1] > scores[2]);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(scores[static_cast<std::size_t>(i)], std::log(experiment.original().density(hues(0, i))));
    }
}

QTEST_APPLESS_MAIN(CatsTest)
#include "test_cats.moc"
