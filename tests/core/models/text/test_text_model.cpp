// The text model's recursion (core/README.md, "text"): a unigram model refitted to its own writing is
// Wright–Fisher drift, the paper's language experiment collapses and 10% real text holds it back, and a
// corpus that cannot be used is refused by name. Fixed seeds; tolerances of four standard errors.

#include "core/data_error.h"
#include "core/random.h"
#include "core/models/text/text_model.h"
#include "core/scenario.h"
#include "tests/common/quick_scenarios.h"
#include "tests/common/statistics.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

using namespace collapse;
using namespace collapse::testing;

namespace {

// A passage of 20 tokens, each word a given number of times; a corpus of it repeated has every training
// block equal to it, so every chain's generation 0 trains on the same counts. "a" is 5% of the corpus:
// its rare tail.
constexpr int kPassageLength = 20;
const std::vector<std::pair<std::string, int>> kPassageWords = {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 10}};

std::string repeatedPassage(int times)
{
    std::string passage;
    for (const auto& [word, count] : kPassageWords) {
        for (int i = 0; i < count; ++i) {
            passage += word + " ";
        }
    }
    std::string text;
    for (int i = 0; i < times; ++i) {
        text += passage + "\n";
    }
    return text;
}

// Probability that a word with `initialCount` of `population` tokens is still present after `steps`
// Wright–Fisher generations: the count's chain x' ~ Binomial(N, x / N), iterated exactly.
double survival(int initialCount, int population, int steps)
{
    const int n = population;
    std::vector<double> distribution(static_cast<std::size_t>(n + 1), 0.0);
    distribution[static_cast<std::size_t>(initialCount)] = 1.0;
    const auto binomial = [n](int k, double p) {
        if (p <= 0.0 || p >= 1.0) {
            return (p <= 0.0 ? k == 0 : k == n) ? 1.0 : 0.0;
        }
        return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + k * std::log(p) +
                        (n - k) * std::log1p(-p));
    };
    for (int step = 0; step < steps; ++step) {
        std::vector<double> next(distribution.size(), 0.0);
        for (int x = 0; x <= n; ++x) {
            const double weight = distribution[static_cast<std::size_t>(x)];
            if (weight == 0.0) {
                continue;
            }
            for (int k = 0; k <= n; ++k) {
                next[static_cast<std::size_t>(k)] += weight * binomial(k, static_cast<double>(x) / n);
            }
        }
        distribution = std::move(next);
    }
    return 1.0 - distribution[0];
}

RunResults runPreset(const std::string& name, std::size_t side, int replicates)
{
    Scenario scenario = presetScenario(name, side);
    scenario.replicates = replicates;
    return runScenario(scenario);
}

double medianAt(const RunResults& results, int generation, const std::string& metric)
{
    return median(column(results, generation, metric));
}

} // namespace

class TextModelTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void unigramDriftIsWrightFisher_data();
    void unigramDriftIsWrightFisher();
    void rareTailMeanStaysWhileItsMedianFalls();
    void jackrabbitsCollapseAndRealTextHoldsItBack();
    void perplexityFilteringKeepsTheLikeliestText();
    void unusableCorporaAreRefusedByName_data();
    void unusableCorporaAreRefusedByName();

private:
    QTemporaryDir folder_;
    RunResults drift_;
    static constexpr int kDriftSamples = 5;
    static constexpr int kDriftGenerations = 60;
};

void TextModelTest::initTestCase()
{
    QVERIFY(folder_.isValid());
    const std::string path = folder_.filePath("passage.txt").toStdString();
    std::ofstream(path) << repeatedPassage(100);
    // Unigram, maximum likelihood, faithful sampling, nothing real after generation 0: each generation
    // trains on N = M L tokens drawn from the last one's counts.
    Scenario scenario = defaultScenario<TextSettings>();
    TextSettings& text = scenario.as<TextSettings>();
    text.dataset = path;
    text.sequenceLength = kPassageLength;
    text.promptLength = 1;
    text.smoothing = TextSmoothing::None;
    text.decoding = Decoding::Sample;
    scenario.capacity = 1;
    scenario.samplingBias = 1.0;
    scenario.humanFraction = 0.0;
    scenario.policy = Policy::Replace;
    scenario.samples = kDriftSamples;
    scenario.generations = kDriftGenerations;
    scenario.replicates = 2000;
    scenario.seed = 1859;
    drift_ = runScenario(scenario);
}

void TextModelTest::unigramDriftIsWrightFisher_data()
{
    QTest::addColumn<int>("generation");
    for (const int g : {0, 4, 19, 59}) {
        QTest::addRow("g=%d", g) << g;
    }
}

void TextModelTest::unigramDriftIsWrightFisher()
{
    // Generation g's writing is g + 1 binomial steps from generation 0's training counts M c_w: the
    // expected number of distinct words is the sum over words of their chance to survive them.
    QFETCH(int, generation);
    const int population = kDriftSamples * kPassageLength;
    double expected = 0.0;
    for (const auto& [word, count] : kPassageWords) {
        expected += survival(kDriftSamples * count, population, generation + 1);
    }
    const std::vector<double> words = column(drift_, generation, "vocabulary");
    COLLAPSE_COMPARE_WITHIN(mean(words), expected, 4 * standardErrorOfMean(words));
}

void TextModelTest::rareTailMeanStaysWhileItsMedianFalls()
{
    // The rare word's share is a martingale: its mean stays at 5% while most chains lose it (83% by
    // generation 59, from the same chain), so the median falls to 0.
    for (const int g : {0, kDriftGenerations - 1}) {
        const std::vector<double> tail = column(drift_, g, "tail_mass");
        COLLAPSE_COMPARE_WITHIN(mean(tail), 0.05, 4 * standardErrorOfMean(tail));
    }
    QCOMPARE(median(column(drift_, 0, "tail_mass")), 0.05);
    QCOMPARE(median(column(drift_, kDriftGenerations - 1, "tail_mass")), 0.0);
}

void TextModelTest::jackrabbitsCollapseAndRealTextHoldsItBack()
{
    // The paper's Fig. 1b and 1c: beam search, ten generations; the two sides of text-human-10 are
    // text-jackrabbits and the same with 10% real text.
    const RunResults alone = runPreset("text-human-10", 0, 2);
    const RunResults withReal = runPreset("text-human-10", 1, 2);
    QCOMPARE(presetScenario("text-human-10", 0), presetScenario("text-jackrabbits"));
    const int last = 9;
    const double rise = medianAt(alone, last, "perplexity_real") / medianAt(alone, 0, "perplexity_real");
    const double riseWithReal = medianAt(withReal, last, "perplexity_real") / medianAt(withReal, 0, "perplexity_real");
    QVERIFY2(rise > 4.0, qPrintable(QString::number(rise)));
    QVERIFY2(medianAt(alone, last, "vocabulary") < 0.5 * medianAt(alone, 0, "vocabulary"), "vocabulary");
    QVERIFY2(medianAt(alone, last, "distinct_2") < 0.5 * medianAt(alone, 0, "distinct_2"), "distinct_2");
    QVERIFY2(riseWithReal < 0.5 * rise, qPrintable(QString("%1 against %2").arg(riseWithReal).arg(rise)));
}

void TextModelTest::perplexityFilteringKeepsTheLikeliestText()
{
    // A sequence's score is its mean log-probability per word under the model that wrote it, −ln of its
    // perplexity.
    Scenario scenario = defaultScenario<TextSettings>();
    scenario.samples = 200;
    scenario.generations = 4;
    scenario.replicates = 12;
    const auto experiment = makeExperiment(scenario);
    RandomStream random(8, 0, 0, Purpose::OriginalData);
    const auto model = experiment->fit(experiment->drawOriginal(200, random), random);
    const Samples candidates = model->sample(20, 1.0, random);
    std::vector<double> scores(20);
    experiment->scoreSamples(*model, candidates, Selection::Likelihood, scores);
    const auto& language = static_cast<const TextModel&>(*model).languageModel();
    for (Eigen::Index column = 0; column < candidates.cols(); ++column) {
        std::vector<text::TokenId> words;
        for (Eigen::Index row = 0; row < candidates.rows(); ++row) {
            words.push_back(static_cast<text::TokenId>(candidates(row, column)));
        }
        double logProbability = 0.0;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const std::size_t context = std::min<std::size_t>(i, static_cast<std::size_t>(language.order() - 1));
            logProbability += language.logProbability(std::span(words).subspan(i - context, context), words[i]);
        }
        COLLAPSE_COMPARE_WITHIN(scores[static_cast<std::size_t>(column)], logProbability / double(words.size()), 1e-9);
    }
    // Keeping the fifth each model finds likeliest trains the next on its most typical writing: by the last
    // generation its text is more probable under generation 0 than the unfiltered chains' (each chain's
    // median, four standard errors of the difference of the means apart).
    const std::vector<double> unfiltered = column(runScenario(scenario), scenario.generations - 1, "perplexity_gen0");
    scenario.selection = Selection::Likelihood;
    scenario.selectionKeep = 0.2;
    const std::vector<double> filtered = column(runScenario(scenario), scenario.generations - 1, "perplexity_gen0");
    const double gap = mean(unfiltered) - mean(filtered);
    const double gapError = std::hypot(standardErrorOfMean(unfiltered), standardErrorOfMean(filtered));
    QVERIFY2(gap > 4.0 * gapError, qPrintable(QString("perplexity %1 unfiltered against %2 filtered, standard error %3")
                                                  .arg(mean(unfiltered)).arg(mean(filtered)).arg(gapError)));
}

void TextModelTest::unusableCorporaAreRefusedByName_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");
    QTest::addRow("empty") << QByteArray("") << "is empty";
    QTest::addRow("binary") << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0", 10) << "is a binary file";
    QTest::addRow("Latin-1") << QByteArray("caf\xe9 au lait") << "is not valid UTF-8 (byte 0xE9 at byte offset 3)";
    QTest::addRow("white space") << QByteArray(" \n\t ") << "holds no words";
    QTest::addRow("too short") << QByteArray("Only a few words.") << "too few for one training block of 64 tokens";
}

void TextModelTest::unusableCorporaAreRefusedByName()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    const QString path = folder_.filePath("corpus.txt");
    std::ofstream(path.toStdString(), std::ios::binary).write(contents.constData(), contents.size());
    Scenario scenario = defaultScenario<TextSettings>();
    scenario.as<TextSettings>().dataset = path.toStdString();
    try {
        makeExperiment(scenario);
        QFAIL("the corpus was accepted");
    } catch (const DataError& error) {
        QVERIFY2(QString(error.what()).startsWith(path), error.what());
        QVERIFY2(QString(error.what()).contains(message), error.what());
    }
}

QTEST_MAIN(TextModelTest)
#include "test_text_model.moc"
