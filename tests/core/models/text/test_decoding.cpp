// Generating from a language model: ancestral sampling follows the model (and its tempered versions) by
// Pearson's chi-square test, uses one uniform number per word, is reproducible and thread-independent; the
// unigram maximum-likelihood model resamples like Wright–Fisher; beam search is greedy at width 1, follows
// Hugging Face's repetition penalty, and finds the best sequence when the beam holds every prefix; perplexity.

#include "core/models/text/decoding.h"
#include "core/models/text/ngram_model.h"
#include "core/random.h"
#include "text_test_support.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <thread>

using namespace collapse;
using namespace collapse::text;
using namespace collapse::text::testing;

Q_DECLARE_METATYPE(Smoothing)
Q_DECLARE_METATYPE(BeamNormalisation)

namespace {

constexpr double kSignificance = 0.001;

std::vector<TokenId> idsOf(const Vocabulary& vocabulary, const QStringList& words)
{
    std::vector<TokenId> result;
    for (const QString& word : words) {
        result.push_back(vocabulary.find(word.toStdString()));
    }
    return result;
}

// p(w | context)^(1/λ) over the words, normalised: what a sampler at temperature λ must draw from.
std::vector<double> temperedWordDistribution(const LanguageModel& model, std::span<const TokenId> context,
                                             double temperature)
{
    std::vector<double> p(model.vocabularySize());
    model.distribution(context, p);
    p[kUnknownToken] = 0.0;
    p[kSequenceStart] = 0.0;
    for (double& value : p) {
        value = std::pow(value, 1.0 / temperature);
    }
    const double total = std::accumulate(p.begin(), p.end(), 0.0);
    for (double& value : p) {
        value /= total;
    }
    return p;
}

// The most probable word after `context` by a scan of the whole distribution, ties to the smaller id.
TokenId argmaxWord(const LanguageModel& model, std::span<const TokenId> context)
{
    std::vector<double> p(model.vocabularySize());
    model.distribution(context, p);
    TokenId best = kFirstWordToken;
    for (TokenId w = kFirstWordToken; w < p.size(); ++w) {
        best = p[w] > p[best] ? w : best;
    }
    return best;
}

// The score beam search gives `continuation` after `prompt`, from full distributions: each word's
// log-probability, multiplied by r when the word is already in the sequence, minus the log of the
// normaliser over all words when renormalised.
double sequenceScore(const LanguageModel& model, const std::vector<TokenId>& prompt,
                     const std::vector<TokenId>& continuation, double penalty, BeamNormalisation normalisation)
{
    std::vector<TokenId> sequence = prompt;
    std::vector<double> p(model.vocabularySize());
    double score = 0.0;
    for (const TokenId next : continuation) {
        model.distribution(sequence, p);
        const auto penalised = [&](TokenId w) {
            const bool repeated = std::find(sequence.begin(), sequence.end(), w) != sequence.end();
            return repeated ? penalty * std::log(p[w]) : std::log(p[w]);
        };
        double normaliser = 0.0;
        for (TokenId w = kFirstWordToken; w < p.size(); ++w) {
            normaliser += std::exp(penalised(w));
        }
        score += penalised(next) - (normalisation == BeamNormalisation::Renormalised ? std::log(normaliser) : 0.0);
        sequence.push_back(next);
    }
    return score;
}

} // namespace

class DecodingTest : public QObject {
    Q_OBJECT

private slots:
    void samplingFollowsTheTemperedModel_data();
    void samplingFollowsTheTemperedModel();
    void oneUniformNumberPerToken_data();
    void oneUniformNumberPerToken();
    void samplingIsReproducibleOnAnyThread();
    void neverGeneratesUnknownOrStart();
    void unigramResamplingIsWrightFisher();
    void beamOfOneIsGreedy_data();
    void beamOfOneIsGreedy();
    void repetitionPenaltyChangesTheChoice();
    void widerBeamFindsTheLikelierSequence();
    void fullBeamMatchesExhaustiveSearch_data();
    void fullBeamMatchesExhaustiveSearch();
    void perplexityByHand();
};

void DecodingTest::samplingFollowsTheTemperedModel_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("order");
    QTest::addColumn<Smoothing>("smoothing");
    QTest::addColumn<QStringList>("context");
    QTest::addColumn<double>("temperature");
    const QString prose = QString::fromUtf8(kProse);
    const QStringList myDear = {"my", "dear"};
    const QStringList unseen = {"daughters", "Bennet"};
    for (const double temperature : {1.0, 0.5, 0.8, 1.7}) {
        QTest::addRow("start of a sequence, λ = %g", temperature)
            << prose << 3 << Smoothing::KneserNey << QStringList() << temperature;
        QTest::addRow("seen context, λ = %g", temperature)
            << prose << 3 << Smoothing::KneserNey << myDear << temperature;
        QTest::addRow("unseen context, λ = %g", temperature)
            << prose << 3 << Smoothing::KneserNey << unseen << temperature;
        QTest::addRow("4-gram, seen context, λ = %g", temperature)
            << prose << 4 << Smoothing::KneserNey << QStringList{"to", "be", "sure"} << temperature;
        QTest::addRow("maximum likelihood, unseen context, λ = %g", temperature)
            << prose << 3 << Smoothing::None << unseen << temperature;
        // Few words and little text: the uniform share, and with it <unk>'s, is large.
        QTest::addRow("small vocabulary, λ = %g", temperature)
            << "a b a c a b b d a" << 2 << Smoothing::KneserNey << QStringList{"b"} << temperature;
    }
}

void DecodingTest::samplingFollowsTheTemperedModel()
{
    QFETCH(QString, text);
    QFETCH(int, order);
    QFETCH(Smoothing, smoothing);
    QFETCH(QStringList, context);
    QFETCH(double, temperature);
    const QByteArray utf8 = text.toUtf8();
    const TokenizedText tokenized =
        tokenizeText(utf8.constData(), std::min<std::size_t>(16, tokenize(utf8.constData()).size()));
    const NgramModel model(tokenized.sequences, tokenized.vocabulary.size(), order, smoothing);
    const std::vector<TokenId> contextIds = idsOf(tokenized.vocabulary, context);
    QVERIFY(std::find(contextIds.begin(), contextIds.end(), kUnknownToken) == contextIds.end());
    const std::vector<double> expected = temperedWordDistribution(model, contextIds, temperature);

    constexpr int draws = 100000;
    RandomStream random(2024, 0, 0, Purpose::ModelSamples);
    const std::unique_ptr<TokenSampler> sampler = model.sampler(temperature);
    std::vector<double> observed(model.vocabularySize());
    for (int i = 0; i < draws; ++i) {
        const TokenId token = sampler->next(contextIds, random);
        QVERIFY(token >= kFirstWordToken && token < observed.size());
        observed[token] += 1.0;
    }
    for (std::size_t w = 0; w < observed.size(); ++w) {
        if (expected[w] == 0.0) {
            QCOMPARE(observed[w], 0.0);
        }
    }
    int degreesOfFreedom = 0;
    const double statistic = pearsonChiSquare(observed, expected, draws, degreesOfFreedom);
    QVERIFY(degreesOfFreedom >= 1);
    const double critical = chiSquareCriticalValue(degreesOfFreedom, kSignificance);
    QVERIFY2(statistic <= critical, qPrintable(QStringLiteral("chi-square %1 with %2 degrees of freedom exceeds %3")
                                                   .arg(statistic)
                                                   .arg(degreesOfFreedom)
                                                   .arg(critical)));
}

void DecodingTest::oneUniformNumberPerToken_data()
{
    QTest::addColumn<double>("temperature");
    QTest::addColumn<bool>("generic");
    QTest::addRow("n-gram sampler, λ = 1") << 1.0 << false;
    QTest::addRow("n-gram sampler, λ = 0.6") << 0.6 << false;
    QTest::addRow("full-distribution sampler, λ = 1") << 1.0 << true;
    QTest::addRow("full-distribution sampler, λ = 0.6") << 0.6 << true;
}

void DecodingTest::oneUniformNumberPerToken()
{
    QFETCH(double, temperature);
    QFETCH(bool, generic);
    const TokenizedText text = tokenizeText(kProse, 32);
    const NgramModel model(text.sequences, text.vocabulary.size(), 3, Smoothing::KneserNey);
    const std::unique_ptr<TokenSampler> sampler =
        generic ? model.LanguageModel::sampler(temperature) : model.sampler(temperature);
    constexpr int length = 333;
    RandomStream used(5, 1, 2, Purpose::ModelSamples);
    RandomStream reference(5, 1, 2, Purpose::ModelSamples);
    QCOMPARE(sampleContinuation(*sampler, text.sequences[3].first(5), length, used).size(), std::size_t{length});
    for (int i = 0; i < length; ++i) {
        reference.uniform();
    }
    QCOMPARE(used.nextU64(), reference.nextU64());
}

void DecodingTest::samplingIsReproducibleOnAnyThread()
{
    const TokenizedText text = tokenizeText(kProse, 32);
    const NgramModel model(text.sequences, text.vocabulary.size(), 3, Smoothing::KneserNey);
    const auto generate = [&](std::uint32_t replicate, double temperature) {
        RandomStream random(77, replicate, 3, Purpose::ModelSamples);
        const std::unique_ptr<TokenSampler> sampler = model.sampler(temperature);
        std::vector<TokenId> all;
        for (int s = 0; s < 50; ++s) {
            const std::vector<TokenId> part = sampleContinuation(*sampler, {}, 40, random);
            all.insert(all.end(), part.begin(), part.end());
        }
        return all;
    };
    const std::vector<TokenId> first = generate(0, 1.0);
    const std::vector<TokenId> second = generate(1, 0.7);
    QCOMPARE(generate(0, 1.0), first);
    QVERIFY(generate(1, 1.0) != first);
    // The model is shared read-only by two threads, each with its own sampler and stream.
    std::vector<TokenId> onThreadA;
    std::vector<TokenId> onThreadB;
    std::thread a([&] { onThreadA = generate(0, 1.0); });
    std::thread b([&] { onThreadB = generate(1, 0.7); });
    a.join();
    b.join();
    QCOMPARE(onThreadA, first);
    QCOMPARE(onThreadB, second);
}

void DecodingTest::neverGeneratesUnknownOrStart()
{
    // Two words and three tokens: most of the unigram's mass is the uniform share, a third of it <unk>'s.
    const TokenizedText text = tokenizeText("a b a", 3);
    const NgramModel model(text.sequences, text.vocabulary.size(), 2, Smoothing::KneserNey);
    std::vector<double> p(model.vocabularySize());
    model.distribution(std::vector<TokenId>{kFirstWordToken + 1}, p);
    QVERIFY(p[kUnknownToken] > 0.05);
    RandomStream random(3, 0, 0, Purpose::ModelSamples);
    for (const double temperature : {1.0, 0.5, 2.0}) {
        for (const TokenId token : sampleContinuation(model, {}, 20000, temperature, random)) {
            QVERIFY(token >= kFirstWordToken);
        }
    }
    for (const TokenId token : beamContinuation(model, {}, 30, 4, 1.0)) {
        QVERIFY(token >= kFirstWordToken);
    }
}

void DecodingTest::unigramResamplingIsWrightFisher()
{
    // M = 1000 training tokens: the focus word 100 times (p = 0.1), nine others 100 times each; one word of the
    // vocabulary does not occur. Refitting the unigram maximum-likelihood model to M draws from it is one
    // Wright–Fisher generation: the focus word's count is Binomial(M, 0.1), mean Mp = 100, variance
    // Mp(1 - p) = 90, and the absent word stays absent.
    constexpr int m = 1000;
    Vocabulary vocabulary;
    const TokenId focus = vocabulary.add("focus");
    std::vector<TokenId> training;
    for (int i = 0; i < m; ++i) {
        training.push_back(i % 10 == 0 ? focus : vocabulary.add("other" + std::to_string(i % 10)));
    }
    const TokenId absent = vocabulary.add("absent");
    const std::vector<std::span<const TokenId>> sequences = {training};
    const NgramModel model(sequences, vocabulary.size(), 1, Smoothing::None);
    const std::unique_ptr<TokenSampler> sampler = model.sampler(1.0);

    constexpr int replicates = 4000;
    std::vector<double> counts;
    for (std::uint32_t r = 0; r < replicates; ++r) {
        RandomStream random(11, r, 1, Purpose::ModelSamples);
        const std::vector<TokenId> sample = sampleContinuation(*sampler, {}, m, random);
        QVERIFY(std::find(sample.begin(), sample.end(), absent) == sample.end());
        counts.push_back(static_cast<double>(std::count(sample.begin(), sample.end(), focus)));
    }
    const double p = 0.1;
    const double mean = std::accumulate(counts.begin(), counts.end(), 0.0) / replicates;
    double squares = 0.0;
    for (const double c : counts) {
        squares += (c - mean) * (c - mean);
    }
    const double variance = squares / (replicates - 1);
    // Tolerances of four standard errors: of the mean, sqrt(Mp(1-p)/R); of the sample variance,
    // sqrt((μ4 - σ⁴)/R) with the binomial's μ4 = Mp(1-p)(1 + 3(M-2)p(1-p)).
    const double binomialVariance = m * p * (1 - p);
    const double fourthMoment = binomialVariance * (1 + 3 * (m - 2) * p * (1 - p));
    COLLAPSE_COMPARE_WITHIN(mean, m * p, 4 * std::sqrt(binomialVariance / replicates));
    COLLAPSE_COMPARE_WITHIN(variance, binomialVariance,
                        4 * std::sqrt((fourthMoment - binomialVariance * binomialVariance) / replicates));
}

void DecodingTest::beamOfOneIsGreedy_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<Smoothing>("smoothing");
    QTest::addColumn<BeamNormalisation>("normalisation");
    for (const int order : {1, 2, 3, 5}) {
        QTest::addRow("Kneser-Ney, n = %d", order) << order << Smoothing::KneserNey << BeamNormalisation::Renormalised;
        QTest::addRow("Kneser-Ney, n = %d, not renormalised", order)
            << order << Smoothing::KneserNey << BeamNormalisation::AsPenalised;
        QTest::addRow("maximum likelihood, n = %d", order)
            << order << Smoothing::None << BeamNormalisation::Renormalised;
    }
}

void DecodingTest::beamOfOneIsGreedy()
{
    QFETCH(int, order);
    QFETCH(Smoothing, smoothing);
    QFETCH(BeamNormalisation, normalisation);
    const TokenizedText text = tokenizeText(kProse, 32);
    const NgramModel model(text.sequences, text.vocabulary.size(), order, smoothing);
    for (std::size_t start = 0; start + 40 < text.tokens.size(); start += 97) {
        const std::span<const TokenId> prompt = std::span(text.tokens).subspan(start, 6);
        std::vector<TokenId> sequence(prompt.begin(), prompt.end());
        for (int i = 0; i < 25; ++i) {
            sequence.push_back(argmaxWord(model, sequence));
        }
        const std::vector<TokenId> greedy(sequence.begin() + 6, sequence.end());
        QCOMPARE(beamContinuation(model, prompt, 25, 1, 1.0, normalisation), greedy);
    }
}

void DecodingTest::repetitionPenaltyChangesTheChoice()
{
    // Bigram maximum likelihood: after "b" come "a" (3 of 5 times) and "c" (2 of 5). After the prompt "a b",
    // "a" is a repeat: its log-probability ln 0.6 is multiplied by r, which prefers "c" once 0.6^r < 0.4, that
    // is r > ln 0.4 / ln 0.6 = 1.794. Renormalising subtracts the same constant from both.
    const TokenizedText text = tokenizeText("b a b a b a b c b c", 2);
    const Vocabulary& v = text.vocabulary;
    const NgramModel model(text.sequences, v.size(), 2, Smoothing::None);
    const std::vector<TokenId> prompt = idsOf(v, {"a", "b"});
    const std::vector<TokenId> promptWithoutA = idsOf(v, {"b"});
    const std::vector<TokenId> a = {v.find("a")};
    const std::vector<TokenId> c = {v.find("c")};
    for (const BeamNormalisation normalisation : {BeamNormalisation::Renormalised, BeamNormalisation::AsPenalised}) {
        QCOMPARE(beamContinuation(model, prompt, 1, 1, 1.0, normalisation), a);
        QCOMPARE(beamContinuation(model, prompt, 1, 1, 1.7, normalisation), a);
        QCOMPARE(beamContinuation(model, prompt, 1, 1, 1.9, normalisation), c);
        QCOMPARE(beamContinuation(model, prompt, 1, 3, 2.0, normalisation), c);
        QCOMPARE(beamContinuation(model, promptWithoutA, 1, 1, 2.0, normalisation), a);
    }
}

void DecodingTest::widerBeamFindsTheLikelierSequence()
{
    // From the start: "a" 0.6, "b" 0.4; after "a": "x" or "y", 0.5 each; after "b": "z" always. Greedy takes
    // "a x" (0.3); a beam of two keeps "b" and finds "b z" (0.4).
    const TokenizedText text = tokenizeText("a x a x a x a y a y a y b z b z b z b z", 2);
    const Vocabulary& v = text.vocabulary;
    const NgramModel model(text.sequences, v.size(), 2, Smoothing::None);
    QCOMPARE(beamContinuation(model, {}, 2, 1, 1.0), idsOf(v, {"a", "x"}));
    QCOMPARE(beamContinuation(model, {}, 2, 2, 1.0), idsOf(v, {"b", "z"}));
}

void DecodingTest::fullBeamMatchesExhaustiveSearch_data()
{
    QTest::addColumn<double>("penalty");
    QTest::addColumn<BeamNormalisation>("normalisation");
    for (const double penalty : {1.0, 1.5, 3.0, 0.7}) {
        QTest::addRow("r = %g, renormalised", penalty) << penalty << BeamNormalisation::Renormalised;
        QTest::addRow("r = %g, as penalised", penalty) << penalty << BeamNormalisation::AsPenalised;
    }
}

void DecodingTest::fullBeamMatchesExhaustiveSearch()
{
    // Four words and continuations of three: a beam of 4^2 = 16 keeps every two-word prefix, so its best
    // sequence is the best of all 64, which the full distributions score directly.
    QFETCH(double, penalty);
    QFETCH(BeamNormalisation, normalisation);
    const TokenizedText text = tokenizeText("a b c d a a b c a b d d c a b b a c d b a d c c b a a d", 7);
    const NgramModel model(text.sequences, text.vocabulary.size(), 2, Smoothing::KneserNey);
    const std::vector<TokenId> prompt = idsOf(text.vocabulary, {"a"});
    const std::vector<TokenId> words = idsOf(text.vocabulary, {"a", "b", "c", "d"});
    std::vector<TokenId> best;
    double bestScore = -std::numeric_limits<double>::infinity();
    double runnerUp = -std::numeric_limits<double>::infinity();
    for (const TokenId first : words) {
        for (const TokenId second : words) {
            for (const TokenId third : words) {
                const std::vector<TokenId> candidate = {first, second, third};
                const double score = sequenceScore(model, prompt, candidate, penalty, normalisation);
                if (score > bestScore) {
                    runnerUp = bestScore;
                    bestScore = score;
                    best = candidate;
                } else {
                    runnerUp = std::max(runnerUp, score);
                }
            }
        }
    }
    QVERIFY(bestScore - runnerUp > 1e-9);
    QCOMPARE(beamContinuation(model, prompt, 3, 16, penalty, normalisation), best);
}

void DecodingTest::perplexityByHand()
{
    // Bigram maximum likelihood on "a b a c": p(a | <s>) = 1, p(b | a) = p(c | a) = 1/2, p(a | b) = 1. The
    // sequence's perplexity is exp(-(0 + ln 1/2 + 0 + ln 1/2) / 4) = sqrt 2.
    const TokenizedText text = tokenizeText("a b a c", 4);
    const Vocabulary& v = text.vocabulary;
    const NgramModel bigram(text.sequences, v.size(), 2, Smoothing::None);
    const std::vector<TokenId> sequence = idsOf(v, {"a", "b", "a", "c"});
    COLLAPSE_COMPARE_WITHIN(perplexity(bigram, sequence), std::sqrt(2.0), 1e-14);
    COLLAPSE_COMPARE_WITHIN(continuationPerplexity(bigram, idsOf(v, {"a"}), idsOf(v, {"b"})), 2.0, 1e-14);
    QCOMPARE(perplexity(bigram, {}), 1.0);
    // Unigram: a 1/2, b 1/4, c 1/4, whatever the context.
    const NgramModel unigram(text.sequences, v.size(), 1, Smoothing::None);
    COLLAPSE_COMPARE_WITHIN(perplexity(unigram, idsOf(v, {"a", "b"})), std::sqrt(8.0), 1e-14);
    COLLAPSE_COMPARE_WITHIN(continuationPerplexity(unigram, idsOf(v, {"a"}), idsOf(v, {"b", "c"})), 4.0, 1e-14);
    // An unknown word: probability zero without smoothing, p(<unk>) with Kneser–Ney.
    const std::vector<TokenId> withUnknown = {kFirstWordToken, kUnknownToken};
    QCOMPARE(perplexity(unigram, withUnknown), std::numeric_limits<double>::infinity());
    const NgramModel smoothed(text.sequences, v.size(), 2, Smoothing::KneserNey);
    const double smoothedPerplexity = perplexity(smoothed, withUnknown);
    QVERIFY(std::isfinite(smoothedPerplexity) && smoothedPerplexity > 1.0);
    COLLAPSE_COMPARE_WITHIN(std::log(smoothedPerplexity),
                        -(smoothed.logProbability({}, kFirstWordToken) +
                          smoothed.logProbability(std::vector<TokenId>{kFirstWordToken}, kUnknownToken)) /
                            2.0,
                        1e-12);
}

QTEST_APPLESS_MAIN(DecodingTest)
#include "test_decoding.moc"
