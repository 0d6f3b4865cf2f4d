#pragma once

#include "core/models/text/language_model.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace collapse::text {

enum class Smoothing {
    KneserNey, // interpolated modified Kneser–Ney (Chen & Goodman 1998)
    None,      // maximum likelihood, backing off only from contexts never seen
};

// The three discounts of modified Kneser–Ney for one order: D(c) for c = 1, 2 and c >= 3.
struct Discounts {
    double one = 0.0;
    double two = 0.0;
    double threePlus = 0.0;
};

// Chen & Goodman's estimates (TR-10-98, §3 and §4.1.6) from the count-of-counts n1..n4 of one order (the
// number of n-grams seen exactly 1, 2, 3 and 4 times; for the lower orders, of the continuation counts):
//   Y = n1 / (n1 + 2 n2),  D1 = 1 - 2Y n2/n1,  D2 = 2 - 3Y n3/n2,  D3+ = 3 - 4Y n4/n3.
// The estimates assume the count-of-counts fall with c, as they do in natural text; degenerate counts fall
// back to the single discount of plain Kneser–Ney, D = Y (Ney, Essen & Kneser 1994):
// - a formula whose denominator n_c is zero, or whose value is not positive, gives Y instead;
// - with no singletons (n1 = 0) Y itself carries no information, and all three discounts are 1/2.
// Every discount then lies in (0, c] for the counts c it applies to, so a seen n-gram never gets a negative
// weight and every seen context passes some probability to the lower order.
Discounts modifiedKneserNeyDiscounts(const std::array<std::uint64_t, 4>& countOfCounts);

// A word n-gram model of order n = 1..6, fitted to token sequences.
//
// Each training sequence is read on its own, after n - 1 start symbols <s>, so that no n-gram crosses from
// one sequence into the next and the first words are predicted from "start of sequence" contexts. There is
// no end symbol: the sequences are fixed-length blocks cut from running text, whose ends are not ends of
// anything. Training sequences hold words only (ids >= kFirstWordToken).
//
// KneserNey: interpolated modified Kneser–Ney (Chen & Goodman 1998, §3, eq. 17–19; Kneser & Ney 1995):
//   p(w | h) = max(c(hw) - D(c(hw)), 0) / c(h) + γ(h) p(w | h'),
//   γ(h) = (D1 N1(h•) + D2 N2(h•) + D3+ N3+(h•)) / c(h),
// h' being h without its oldest word and N_i(h•) the number of words seen i times (3 or more) after h. The
// highest order counts occurrences; each lower order counts continuations, c(h'w) = N1+(•h'w), the number of
// distinct words seen before h'w, except that an n-gram starting with <s> keeps its occurrence count, since
// only padding can stand before it (as in KenLM: Heafield et al. 2013, §3.1). The discounts are estimated
// per order (see modifiedKneserNeyDiscounts). The unigram distribution is interpolated the same way with the
// uniform distribution over the vocabulary's V - 1 outcomes (every id but <s>: the words and <unk>), so
// every word, and <unk>, has a positive probability. A context never seen in training has no counts: the
// model backs off to h' entirely (γ = 1).
//
// None: maximum likelihood, p(w | h) = c(hw) / c(h) with occurrence counts at every order; a context never
// seen backs off entirely to the maximum-likelihood estimate of the next lower order, down to the unigram
// c(w) / N. A word not seen after a seen context has probability zero, and so does <unk>. For n = 1 this is
// exactly p(w) = c(w) / N: a word whose count drops to zero can never be drawn again (Wright–Fisher drift).
//
// Storage: per order, the distinct n-grams grouped by context (contexts found by a hash of their packed ids),
// each continuation with its interpolated probability p_n(w | h), the running sum of its discounted part
// (for sampling), the position of the same word after h' one order down, and for contexts with many
// continuations the most probable ones in order (for beam search); plus the unigram distribution over the
// whole vocabulary and its ranking. About 55 bytes per stored n-gram: 4.7 MB for 64 000 tokens at order 3.
// The model is immutable once fitted: all const methods are thread-safe.
class NgramModel final : public LanguageModel {
public:
    static constexpr int kMaximumOrder = 6;

    // Fits the model to `sequences`; the ids are < vocabularySize, which counts <unk> and <s>. Throws
    // std::invalid_argument for an order outside 1..6, no training token, or a token that is not a word of
    // the vocabulary, and std::length_error for a vocabulary too large to pack `order` ids into 128 bits
    // (2^21 ids at order 6).
    NgramModel(std::span<const std::span<const TokenId>> sequences, std::size_t vocabularySize, int order,
               Smoothing smoothing);

    std::size_t vocabularySize() const override { return vocabularySize_; }
    int order() const override { return order_; }
    Smoothing smoothing() const { return smoothing_; }

    double logProbability(std::span<const TokenId> context, TokenId next) const override;
    void distribution(std::span<const TokenId> context, std::span<double> probabilities) const override;
    void probabilities(std::span<const TokenId> context, std::span<const TokenId> tokens,
                       std::span<double> probabilities) const override;
    void mostProbableWords(std::span<const TokenId> context, std::size_t count, std::span<const TokenId> excluded,
                           std::vector<ScoredToken>& best) const override;
    // Exact samplers that never build the whole distribution: at λ = 1 an inverse-CDF draw over the
    // interpolation's mixture components, O(continuations); at other λ a draw over the orders' disjoint
    // shares, with tables of p^(1/λ) built once per sampler (O(stored n-grams)). Both use exactly one
    // uniform() per token.
    std::unique_ptr<TokenSampler> sampler(double temperature) const override;

    // The discounts of n-gram order 1..order() (zero for Smoothing::None).
    Discounts discounts(int ngramOrder) const;
    // n1..n4 of n-gram order 1..order(): how many of its n-grams have (continuation) count 1, 2, 3 and 4.
    const std::array<std::uint64_t, 4>& countOfCounts(int ngramOrder) const;
    // Number of distinct n-grams of order 1..order() seen in training.
    std::size_t ngramCount(int ngramOrder) const;
    // Bytes of the model's tables.
    std::size_t memoryBytes() const;

private:
    friend class NgramSampler;
    friend class TemperedNgramSampler;

    struct Context {
        std::uint32_t first = 0; // its first continuation in the order's arrays
        std::uint32_t count = 0; // its number of continuations
        double backoff = 0.0;    // γ(h)
    };

    // The tables of one n-gram order k. Continuations are grouped by context, each group sorted by word id.
    struct Order {
        // Open-addressing hash table from a context's packed ids (k - 1 of them, most recent in the lowest
        // bits) to its index in `contexts`.
        std::vector<std::uint64_t> slotKeyLow;
        std::vector<std::uint64_t> slotKeyHigh;
        std::vector<std::uint32_t> slotContext;
        std::vector<Context> contexts;
        std::vector<TokenId> words;
        std::vector<double> probability;          // p_k(w | h), interpolated down to the uniform
        std::vector<double> cumulativeDiscounted; // Σ of max(c - D, 0) / c(h) over the group up to this word
        std::vector<std::uint32_t> lower;         // index of (h', w) in order k - 1 (k >= 2)
        std::vector<std::uint32_t> ranking;       // per group: offsets, the most probable first (see .cpp)
        std::array<std::uint64_t, 4> countOfCounts{};
        Discounts discounts;
    };

    // A context looked up once: the highest order `top` whose context was seen, each order's context index,
    // and the weight s_k of order k: s_top = 1 and s_(k-1) = s_k γ_k, so that p(w | h) = s_k p_k(w | h_k)
    // for the highest order k at which w was seen after h_k (nested: seen after h_k implies seen after h_k').
    struct Resolved {
        int top = 1;
        std::array<std::uint32_t, kMaximumOrder + 1> context{};
        std::array<double, kMaximumOrder + 1> scale{};
    };

    const Order& tables(int ngramOrder) const { return orders_[static_cast<std::size_t>(ngramOrder - 1)]; }
    Resolved resolve(std::span<const TokenId> context) const;
    std::uint32_t findContext(const Order& order, std::uint64_t keyLow, std::uint64_t keyHigh) const;
    // Index of `word` in the group of context `contextIndex`, or -1.
    std::int64_t findContinuation(const Order& order, std::uint32_t contextIndex, TokenId word) const;
    double probability(const Resolved& resolved, TokenId word) const;
    void checkToken(TokenId token) const;

    std::size_t vocabularySize_ = 0;
    int order_ = 1;
    int bitsPerToken_ = 1;
    Smoothing smoothing_ = Smoothing::KneserNey;
    std::vector<Order> orders_;
    // The full unigram distribution p_1(w) for every id, its share from the uniform distribution, and the
    // word ids by p_1 descending, then id.
    std::vector<double> unigramProbability_;
    double uniformProbability_ = 0.0;
    std::vector<TokenId> unigramRanking_;
};

} // namespace collapse::text
