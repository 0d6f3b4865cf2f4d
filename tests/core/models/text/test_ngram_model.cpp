// The n-gram model: modified Kneser–Ney's discounts, continuation counts and probabilities (against hand
// computations and a literal map-based implementation of Chen & Goodman's formulas), maximum likelihood,
// normalisation for every context, and the fast queries against full scans of the distribution.

#include "core/models/text/ngram_model.h"
#include "text_test_support.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <vector>

using namespace collapse::text;
using namespace collapse::text::testing;

Q_DECLARE_METATYPE(Smoothing)

namespace {

// Interpolated modified Kneser–Ney written straight from its definition (Chen & Goodman 1998, §3), with maps
// of n-grams: occurrence counts at the highest order; at each lower order the number of distinct words seen
// before the n-gram, or its occurrences when it starts with <s>.
class ReferenceKneserNey {
public:
    ReferenceKneserNey(const std::vector<std::span<const TokenId>>& sequences, std::size_t vocabularySize, int order)
        : vocabularySize_(vocabularySize), order_(order), counts_(static_cast<std::size_t>(order) + 1),
          discounts_(static_cast<std::size_t>(order) + 1)
    {
        // Every k-gram ending at every position, with its left neighbour, over the padded sequences.
        std::vector<std::map<Gram, double>> occurrences(static_cast<std::size_t>(order) + 1);
        std::vector<std::set<Gram>> extended(static_cast<std::size_t>(order) + 1);
        for (const auto& sequence : sequences) {
            std::vector<TokenId> padded(static_cast<std::size_t>(order - 1), kSequenceStart);
            padded.insert(padded.end(), sequence.begin(), sequence.end());
            for (std::size_t i = static_cast<std::size_t>(order - 1); i < padded.size(); ++i) {
                for (int k = 1; k <= order; ++k) {
                    const auto start = padded.begin() + static_cast<std::ptrdiff_t>(i + 1) - k;
                    occurrences[static_cast<std::size_t>(k)]
                               [Gram(start, padded.begin() + static_cast<std::ptrdiff_t>(i + 1))] += 1.0;
                    if (k < order) {
                        extended[static_cast<std::size_t>(k)].insert(
                            Gram(start - 1, padded.begin() + static_cast<std::ptrdiff_t>(i + 1)));
                    }
                }
            }
        }
        counts_[static_cast<std::size_t>(order)] = occurrences[static_cast<std::size_t>(order)];
        for (int k = 1; k < order; ++k) {
            for (const auto& [gram, occurrenceCount] : occurrences[static_cast<std::size_t>(k)]) {
                double count = occurrenceCount;
                if (gram.front() != kSequenceStart) {
                    count = 0.0;
                    for (const Gram& longer : extended[static_cast<std::size_t>(k)]) {
                        count += std::equal(gram.begin(), gram.end(), longer.begin() + 1) ? 1.0 : 0.0;
                    }
                }
                counts_[static_cast<std::size_t>(k)][gram] = count;
            }
        }
        for (int k = 1; k <= order; ++k) {
            std::array<std::uint64_t, 4> countOfCounts{};
            for (const auto& entry : counts_[static_cast<std::size_t>(k)]) {
                if (entry.second <= 4.0) {
                    ++countOfCounts[static_cast<std::size_t>(entry.second) - 1];
                }
            }
            const double n1 = double(countOfCounts[0]), n2 = double(countOfCounts[1]);
            const double n3 = double(countOfCounts[2]), n4 = double(countOfCounts[3]);
            const double y = n1 / (n1 + 2 * n2);
            discounts_[static_cast<std::size_t>(k)] = {1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3};
        }
    }

    const Discounts& discounts(int k) const { return discounts_[static_cast<std::size_t>(k)]; }

    // p(w | the last order - 1 tokens of `context`, padded with <s>).
    double probability(const std::vector<TokenId>& context, TokenId word) const
    {
        std::vector<TokenId> history(static_cast<std::size_t>(order_ - 1), kSequenceStart);
        history.insert(history.end(), context.begin(), context.end());
        history.erase(history.begin(), history.end() - (order_ - 1));
        return interpolated(history, word, order_);
    }

private:
    using Gram = std::vector<TokenId>;

    double interpolated(const Gram& history, TokenId word, int k) const
    {
        if (k == 0) {
            return word == kSequenceStart ? 0.0 : 1.0 / double(vocabularySize_ - 1);
        }
        const Gram context(history.end() - (k - 1), history.end());
        double total = 0.0;
        std::array<double, 3> bySize{};
        double count = 0.0;
        // The n-grams that start with `context` are adjacent in the map's lexicographic order.
        const auto& grams = counts_[static_cast<std::size_t>(k)];
        for (auto it = grams.lower_bound(context);
             it != grams.end() && std::equal(context.begin(), context.end(), it->first.begin()); ++it) {
            const double c = it->second;
            total += c;
            bySize[static_cast<std::size_t>(std::min(c, 3.0)) - 1] += 1.0;
            count = it->first.back() == word ? c : count;
        }
        if (total == 0.0) {
            return interpolated(history, word, k - 1);
        }
        const Discounts& d = discounts(k);
        const double discount = count == 0.0 ? 0.0 : count == 1.0 ? d.one : count == 2.0 ? d.two : d.threePlus;
        const double backoff = (d.one * bySize[0] + d.two * bySize[1] + d.threePlus * bySize[2]) / total;
        return std::max(count - discount, 0.0) / total + backoff * interpolated(history, word, k - 1);
    }

    std::size_t vocabularySize_;
    int order_;
    std::vector<std::map<Gram, double>> counts_;
    std::vector<Discounts> discounts_;
};

// Every context the training sequences hold: each position's up to order - 1 preceding tokens.
std::vector<std::vector<TokenId>> trainingContexts(const std::vector<std::span<const TokenId>>& sequences, int order)
{
    std::set<std::vector<TokenId>> contexts;
    for (const auto& sequence : sequences) {
        for (std::size_t i = 0; i < sequence.size(); ++i) {
            const std::size_t start = i >= std::size_t(order - 1) ? i - std::size_t(order - 1) : 0;
            contexts.insert(std::vector<TokenId>(sequence.begin() + static_cast<std::ptrdiff_t>(start),
                                                 sequence.begin() + static_cast<std::ptrdiff_t>(i)));
        }
    }
    return {contexts.begin(), contexts.end()};
}

std::vector<TokenId> ids(const Vocabulary& vocabulary, const std::vector<std::string>& words)
{
    std::vector<TokenId> result;
    for (const std::string& word : words) {
        result.push_back(vocabulary.find(word));
    }
    return result;
}

} // namespace

class NgramModelTest : public QObject {
    Q_OBJECT

private slots:
    void discountsFromCountOfCounts_data();
    void discountsFromCountOfCounts();
    void unigramKneserNeyByHand();
    void continuationCountsByHand();
    void kneserNeyMatchesTheDefinition_data();
    void kneserNeyMatchesTheDefinition();
    void sumsToOneForEveryTrainingContext_data();
    void sumsToOneForEveryTrainingContext();
    void kneserNeyGivesEveryWordAPositiveProbability();
    void maximumLikelihoodIsTheCountRatio();
    void unseenContextsBackOffEntirely();
    void logProbabilityAgreesWithTheDistribution_data();
    void logProbabilityAgreesWithTheDistribution();
    void mostProbableWordsMatchAFullScan_data();
    void mostProbableWordsMatchAFullScan();
    void rejectsBadInput();
};

void NgramModelTest::discountsFromCountOfCounts_data()
{
    QTest::addColumn<QList<quint64>>("countOfCounts");
    QTest::addColumn<double>("one");
    QTest::addColumn<double>("two");
    QTest::addColumn<double>("threePlus");
    // Y = 4/8; D1 = 1 - 2(1/2)(2/4); D2 = 2 - 3(1/2)(1/2); D3+ = 3 - 4(1/2)(1/1).
    QTest::addRow("textbook") << QList<quint64>{4, 2, 1, 1} << 0.5 << 1.25 << 1.0;
    // Y = 10/18 = 5/9; D1 = 1 - 2(5/9)(4/10) = 5/9; D2 = 2 - 3(5/9)(3/4) = 3/4; D3+ = 3 - 4(5/9)(2/3) = 41/27.
    QTest::addRow("falling counts") << QList<quint64>{10, 4, 3, 2} << 5.0 / 9.0 << 0.75 << 41.0 / 27.0;
    // No doubletons: Y = 1, D1 = 1; D2's denominator n2 = 0 and D3+'s n3 = 0 give Y.
    QTest::addRow("singletons only") << QList<quint64>{3, 0, 0, 0} << 1.0 << 1.0 << 1.0;
    // D3+ = 3 - 4(1/3)(100) < 0 gives Y = 1/3; D2 = 2 - 3(1/3)(1) = 1.
    QTest::addRow("rising fourth count") << QList<quint64>{1, 1, 1, 100} << 1.0 / 3.0 << 1.0 << 1.0 / 3.0;
    QTest::addRow("no singletons") << QList<quint64>{0, 3, 2, 1} << 0.5 << 0.5 << 0.5;
}

void NgramModelTest::discountsFromCountOfCounts()
{
    QFETCH(QList<quint64>, countOfCounts);
    QFETCH(double, one);
    QFETCH(double, two);
    QFETCH(double, threePlus);
    const Discounts d =
        modifiedKneserNeyDiscounts({countOfCounts[0], countOfCounts[1], countOfCounts[2], countOfCounts[3]});
    COLLAPSE_COMPARE_WITHIN(d.one, one, 1e-15);
    COLLAPSE_COMPARE_WITHIN(d.two, two, 1e-15);
    COLLAPSE_COMPARE_WITHIN(d.threePlus, threePlus, 1e-15);
}

void NgramModelTest::unigramKneserNeyByHand()
{
    // Counts a..d: 1 each, e, f: 2, g: 3, h: 4; N = 15; n1..n4 = 4, 2, 1, 1, so D = 1/2, 5/4, 1 (above).
    // γ = (4 (1/2) + 2 (5/4) + 2 (1)) / 15 = 6.5/15, shared by the 9 ids other than <s> (8 words and <unk>):
    // p(a) = 0.5/15 + 6.5/135 = 11/135, p(e) = 0.75/15 + 6.5/135 = 13.25/135, p(g) = 2/15 + 6.5/135 = 24.5/135,
    // p(h) = 3/15 + 6.5/135 = 33.5/135, p(<unk>) = 6.5/135.
    const TokenizedText text = tokenizeText("a b c d e e f f g g g h h h h", 15);
    const NgramModel model(text.sequences, text.vocabulary.size(), 1, Smoothing::KneserNey);
    QCOMPARE(model.countOfCounts(1), (std::array<std::uint64_t, 4>{4, 2, 1, 1}));
    COLLAPSE_COMPARE_WITHIN(model.discounts(1).one, 0.5, 1e-15);
    COLLAPSE_COMPARE_WITHIN(model.discounts(1).two, 1.25, 1e-15);
    COLLAPSE_COMPARE_WITHIN(model.discounts(1).threePlus, 1.0, 1e-15);
    std::vector<double> p(text.vocabulary.size());
    model.distribution({}, p);
    const Vocabulary& v = text.vocabulary;
    COLLAPSE_COMPARE_WITHIN(p[v.find("a")], 11.0 / 135.0, 1e-15);
    COLLAPSE_COMPARE_WITHIN(p[v.find("d")], 11.0 / 135.0, 1e-15);
    COLLAPSE_COMPARE_WITHIN(p[v.find("e")], 13.25 / 135.0, 1e-15);
    COLLAPSE_COMPARE_WITHIN(p[v.find("g")], 24.5 / 135.0, 1e-15);
    COLLAPSE_COMPARE_WITHIN(p[v.find("h")], 33.5 / 135.0, 1e-15);
    COLLAPSE_COMPARE_WITHIN(p[kUnknownToken], 6.5 / 135.0, 1e-15);
    QCOMPARE(p[kSequenceStart], 0.0);
}

void NgramModelTest::continuationCountsByHand()
{
    // Sequences "a b", "c b", "a b". Bigram model: the bigrams count occurrences, (<s> a) 2, (a b) 2, (<s> c) 1,
    // (c b) 1; the unigrams count distinct left neighbours, b: {a, c} = 2, a: {<s>} = 1, c: {<s>} = 1.
    const TokenizedText text = tokenizeText("a b c b a b", 2);
    const NgramModel bigram(text.sequences, text.vocabulary.size(), 2, Smoothing::KneserNey);
    QCOMPARE(bigram.ngramCount(2), std::size_t{4});
    QCOMPARE(bigram.ngramCount(1), std::size_t{3});
    QCOMPARE(bigram.countOfCounts(2), (std::array<std::uint64_t, 4>{2, 2, 0, 0}));
    QCOMPARE(bigram.countOfCounts(1), (std::array<std::uint64_t, 4>{2, 1, 0, 0}));
    // Trigram model: the bigrams now count distinct left neighbours, (a b): {<s>} = 1, (c b): {<s>} = 1, except
    // those starting with <s>, which keep their occurrences: (<s> a) 2, (<s> c) 1.
    const NgramModel trigram(text.sequences, text.vocabulary.size(), 3, Smoothing::KneserNey);
    QCOMPARE(trigram.countOfCounts(2), (std::array<std::uint64_t, 4>{3, 1, 0, 0}));
    QCOMPARE(trigram.countOfCounts(1), (std::array<std::uint64_t, 4>{2, 1, 0, 0}));
    // Maximum likelihood counts occurrences at every order: a 2, b 3, c 1.
    const NgramModel counts(text.sequences, text.vocabulary.size(), 3, Smoothing::None);
    QCOMPARE(counts.countOfCounts(1), (std::array<std::uint64_t, 4>{1, 1, 1, 0}));
}

void NgramModelTest::kneserNeyMatchesTheDefinition_data()
{
    QTest::addColumn<int>("order");
    for (int order = 1; order <= 4; ++order) {
        QTest::addRow("n = %d", order) << order;
    }
}

void NgramModelTest::kneserNeyMatchesTheDefinition()
{
    QFETCH(int, order);
    const TokenizedText text = tokenizeText(kProse, 40);
    const NgramModel model(text.sequences, text.vocabulary.size(), order, Smoothing::KneserNey);
    const ReferenceKneserNey reference(text.sequences, text.vocabulary.size(), order);
    for (int k = 1; k <= order; ++k) {
        COLLAPSE_COMPARE_WITHIN(model.discounts(k).one, reference.discounts(k).one, 1e-14);
        COLLAPSE_COMPARE_WITHIN(model.discounts(k).two, reference.discounts(k).two, 1e-14);
        COLLAPSE_COMPARE_WITHIN(model.discounts(k).threePlus, reference.discounts(k).threePlus, 1e-14);
    }
    std::vector<std::vector<TokenId>> contexts = trainingContexts(text.sequences, order);
    contexts.resize(std::min<std::size_t>(contexts.size(), 120));
    contexts.push_back(ids(text.vocabulary, {"daughters", "Bennet"})); // never seen together
    std::vector<double> p(text.vocabulary.size());
    for (const std::vector<TokenId>& context : contexts) {
        model.distribution(context, p);
        for (TokenId w = 0; w < p.size(); ++w) {
            const double expected = reference.probability(context, w);
            if (std::abs(p[w] - expected) > 1e-13 * std::max(expected, 1e-3)) {
                QFAIL(qPrintable(QStringLiteral("p(%1 | %2 tokens of context) = %3, by the definition %4")
                                     .arg(QString::fromStdString(text.vocabulary.word(w)))
                                     .arg(context.size())
                                     .arg(p[w], 0, 'g', 17)
                                     .arg(expected, 0, 'g', 17)));
            }
        }
    }
}

void NgramModelTest::sumsToOneForEveryTrainingContext_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<Smoothing>("smoothing");
    for (int order = 1; order <= 6; ++order) {
        QTest::addRow("Kneser-Ney, n = %d", order) << order << Smoothing::KneserNey;
        QTest::addRow("maximum likelihood, n = %d", order) << order << Smoothing::None;
    }
}

void NgramModelTest::sumsToOneForEveryTrainingContext()
{
    QFETCH(int, order);
    QFETCH(Smoothing, smoothing);
    const TokenizedText text = tokenizeText(kProse, 32);
    const NgramModel model(text.sequences, text.vocabulary.size(), order, smoothing);
    std::vector<std::vector<TokenId>> contexts = trainingContexts(text.sequences, order);
    QVERIFY(contexts.size() > (order == 1 ? 0u : 250u));
    contexts.push_back(ids(text.vocabulary, {"Lizzy", "Lizzy", "Lizzy", "Lizzy", "Lizzy"}));
    std::vector<double> p(text.vocabulary.size());
    for (const std::vector<TokenId>& context : contexts) {
        model.distribution(context, p);
        const double sum = std::accumulate(p.begin(), p.end(), 0.0);
        COLLAPSE_COMPARE_WITHIN(sum, 1.0, 1e-9);
        QCOMPARE(p[kSequenceStart], 0.0);
    }
}

void NgramModelTest::kneserNeyGivesEveryWordAPositiveProbability()
{
    const TokenizedText text = tokenizeText(kProse, 32);
    for (int order = 1; order <= 6; ++order) {
        const NgramModel model(text.sequences, text.vocabulary.size(), order, Smoothing::KneserNey);
        std::vector<double> p(text.vocabulary.size());
        for (const std::vector<TokenId>& context : trainingContexts(text.sequences, order)) {
            model.distribution(context, p);
            QVERIFY(*std::min_element(p.begin() + kFirstWordToken, p.end()) > 0.0);
            QVERIFY(p[kUnknownToken] > 0.0);
        }
    }
}

void NgramModelTest::maximumLikelihoodIsTheCountRatio()
{
    // Sequences "a b a c" and "a b d d". Bigrams: (<s> a) 2, (a b) 2, (a c) 1, (b a) 1, (b d) 1, (d d) 1; unigrams a 3,
    // b 2, c 1, d 2 of N = 8.
    const TokenizedText text = tokenizeText("a b a c a b d d", 4);
    const Vocabulary& v = text.vocabulary;
    const NgramModel model(text.sequences, v.size(), 2, Smoothing::None);
    const TokenId a = v.find("a"), b = v.find("b"), c = v.find("c"), d = v.find("d");
    std::vector<double> p(v.size());
    const auto distributionAfter = [&](std::vector<TokenId> context) {
        model.distribution(context, p);
        return p;
    };
    const std::vector<double> afterA = distributionAfter({a});
    QCOMPARE(afterA[b], 2.0 / 3.0);
    QCOMPARE(afterA[c], 1.0 / 3.0);
    QCOMPARE(afterA[a], 0.0);
    QCOMPARE(afterA[d], 0.0);
    QCOMPARE(afterA[kUnknownToken], 0.0);
    const std::vector<double> afterB = distributionAfter({b});
    QCOMPARE(afterB[a], 0.5);
    QCOMPARE(afterB[d], 0.5);
    QCOMPARE(distributionAfter({})[a], 1.0); // the start context (<s>)
    QCOMPARE(distributionAfter({d})[d], 1.0);
    // "c" is never followed by anything: its context was never seen, so the unigram counts answer.
    const std::vector<double> afterC = distributionAfter({c});
    QCOMPARE(afterC[a], 3.0 / 8.0);
    QCOMPARE(afterC[b], 2.0 / 8.0);
    QCOMPARE(afterC[c], 1.0 / 8.0);
    QCOMPARE(afterC[d], 2.0 / 8.0);
    QCOMPARE(model.logProbability(std::vector<TokenId>{a}, d), -std::numeric_limits<double>::infinity());
    QCOMPARE(model.discounts(2).one, 0.0);

    const NgramModel unigram(text.sequences, v.size(), 1, Smoothing::None);
    unigram.distribution({}, p);
    QCOMPARE(p[a], 3.0 / 8.0);
    QCOMPARE(p[b], 2.0 / 8.0);
    QCOMPARE(p[c], 1.0 / 8.0);
    QCOMPARE(p[kUnknownToken], 0.0);
}

void NgramModelTest::unseenContextsBackOffEntirely()
{
    // Trigram contexts (x, "Bennet") never seen: both back off to the bigram context "Bennet", with γ = 1.
    const TokenizedText text = tokenizeText(kProse, 32);
    const Vocabulary& v = text.vocabulary;
    const NgramModel model(text.sequences, v.size(), 3, Smoothing::KneserNey);
    std::vector<double> first(v.size());
    std::vector<double> second(v.size());
    std::vector<double> seen(v.size());
    model.distribution(ids(v, {"daughters", "Bennet"}), first);
    model.distribution(ids(v, {"nerves", "Bennet"}), second);
    model.distribution(ids(v, {"Mr", "."}), seen);
    QCOMPARE(first, second);
    QVERIFY(first != seen);
    // An unknown word in the context is never part of a seen context either.
    model.distribution(std::vector<TokenId>{kUnknownToken, v.find("Bennet")}, second);
    QCOMPARE(first, second);
}

void NgramModelTest::logProbabilityAgreesWithTheDistribution_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<Smoothing>("smoothing");
    for (const int order : {1, 2, 3, 5}) {
        QTest::addRow("Kneser-Ney, n = %d", order) << order << Smoothing::KneserNey;
        QTest::addRow("maximum likelihood, n = %d", order) << order << Smoothing::None;
    }
}

void NgramModelTest::logProbabilityAgreesWithTheDistribution()
{
    QFETCH(int, order);
    QFETCH(Smoothing, smoothing);
    const TokenizedText text = tokenizeText(kProse, 32);
    const NgramModel model(text.sequences, text.vocabulary.size(), order, smoothing);
    std::vector<double> p(text.vocabulary.size());
    std::vector<TokenId> all(text.vocabulary.size());
    std::iota(all.begin(), all.end(), TokenId{0});
    std::vector<double> batch(all.size());
    for (std::size_t i = 0; i + 8 < text.tokens.size(); i += 37) {
        const std::span<const TokenId> context = std::span(text.tokens).subspan(i, 7);
        model.distribution(context, p);
        model.probabilities(context, all, batch);
        QCOMPARE(batch, p);
        for (TokenId w = 0; w < p.size(); w += 7) {
            QCOMPARE(model.logProbability(context, w), std::log(p[w]));
        }
    }
}

void NgramModelTest::mostProbableWordsMatchAFullScan_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<Smoothing>("smoothing");
    for (const int order : {1, 2, 3, 4}) {
        QTest::addRow("Kneser-Ney, n = %d", order) << order << Smoothing::KneserNey;
        QTest::addRow("maximum likelihood, n = %d", order) << order << Smoothing::None;
    }
}

void NgramModelTest::mostProbableWordsMatchAFullScan()
{
    QFETCH(int, order);
    QFETCH(Smoothing, smoothing);
    const TokenizedText text = tokenizeText(kProse, 32);
    const NgramModel model(text.sequences, text.vocabulary.size(), order, smoothing);
    const LanguageModel& generic = model;
    std::vector<ScoredToken> fast;
    std::vector<ScoredToken> scanned;
    int compared = 0;
    for (std::size_t i = 0; i + 12 < text.tokens.size(); i += 11) {
        const std::span<const TokenId> context = std::span(text.tokens).subspan(i, 6);
        // Exclude the context's own words, as the repetition penalty does, for every other context.
        std::vector<TokenId> excluded;
        if (i % 2 == 0) {
            excluded.assign(text.tokens.begin() + static_cast<std::ptrdiff_t>(i),
                            text.tokens.begin() + static_cast<std::ptrdiff_t>(i + 12));
            std::sort(excluded.begin(), excluded.end());
            excluded.erase(std::unique(excluded.begin(), excluded.end()), excluded.end());
        }
        for (const std::size_t count : {std::size_t{1}, std::size_t{5}, std::size_t{40}}) {
            model.mostProbableWords(context, count, excluded, fast);
            generic.LanguageModel::mostProbableWords(context, count, excluded, scanned);
            QCOMPARE(fast.size(), scanned.size());
            for (std::size_t j = 0; j < fast.size(); ++j) {
                QCOMPARE(fast[j].token, scanned[j].token);
                QCOMPARE(fast[j].probability, scanned[j].probability);
            }
            ++compared;
        }
    }
    QVERIFY(compared > 100);
}

void NgramModelTest::rejectsBadInput()
{
    const TokenizedText text = tokenizeText(kProse, 32);
    const std::size_t v = text.vocabulary.size();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, NgramModel(text.sequences, v, 0, Smoothing::KneserNey));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, NgramModel(text.sequences, v, 7, Smoothing::KneserNey));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, NgramModel({}, v, 3, Smoothing::KneserNey));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, NgramModel(text.sequences, 2, 3, Smoothing::KneserNey));
    for (const TokenId bad : {kUnknownToken, kSequenceStart, static_cast<TokenId>(v)}) {
        const std::vector<TokenId> sequence = {kFirstWordToken, bad};
        const std::vector<std::span<const TokenId>> sequences = {sequence};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, NgramModel(sequences, v, 2, Smoothing::KneserNey));
    }
    QVERIFY_THROWS_EXCEPTION(std::length_error, NgramModel(text.sequences, std::size_t{1} << 22, 6, Smoothing::None));
    const NgramModel model(text.sequences, v, 3, Smoothing::KneserNey);
    const std::vector<TokenId> outside = {static_cast<TokenId>(v)};
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, model.logProbability(outside, kFirstWordToken));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, model.logProbability({}, static_cast<TokenId>(v)));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, model.discounts(4));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.sampler(0.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.sampler(-1.0));
}

QTEST_APPLESS_MAIN(NgramModelTest)
#include "test_ngram_model.moc"
