#include "core/models/text/ngram_model.h"

#include "core/random.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace collapse::text {

namespace {

__extension__ using Uint128 = unsigned __int128;

constexpr std::uint32_t kEmptySlot = std::numeric_limits<std::uint32_t>::max();

// How many of a context's continuations the fit puts in order of probability, for contexts with more than
// that: the rest follow, each no more probable than the last ranked one, in no particular order. Smaller
// contexts are left in id order and read whole. Finding the few most probable words rarely needs more, and
// sorting every context would cost a third of the fit.
constexpr std::uint32_t kRankedContinuations = 32;

std::uint32_t rankedPlaces(std::uint32_t continuations)
{
    return continuations > kRankedContinuations ? kRankedContinuations : 0;
}

std::uint64_t lowWord(Uint128 key)
{
    return static_cast<std::uint64_t>(key);
}
std::uint64_t highWord(Uint128 key)
{
    return static_cast<std::uint64_t>(key >> 64);
}
std::uint64_t lowWord(std::uint64_t key)
{
    return key;
}
std::uint64_t highWord(std::uint64_t)
{
    return 0;
}

// A 64-bit mix of both halves of a packed key (the finaliser of SplitMix64, Steele et al. 2014).
std::uint64_t hashKey(std::uint64_t low, std::uint64_t high)
{
    std::uint64_t h = low ^ (high * 0x9E3779B97F4A7C15ull);
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 31;
    return h;
}

template <class Key> Key lowBits(int bits)
{
    // numeric_limits is not specialised for the 128-bit type in strict ISO mode; sizeof is.
    return bits >= static_cast<int>(8 * sizeof(Key)) ? ~Key{0} : (Key{1} << bits) - 1;
}

// One n-gram while counting: its ids packed oldest first (the predicted word in the lowest bits), its count,
// and where it came from.
template <class Key> struct Gram {
    Key key;
    std::uint32_t count;
    std::uint32_t source;
};

// Least-significant-digit radix sort on the low `bits` bits of `keyOf(element)`, 11 bits per pass. The
// histograms of all passes are counted in one read; a pass whose digit is the same for every key is skipped.
template <class Element, class KeyOf>
void radixSort(std::vector<Element>& elements, std::vector<Element>& scratch, int bits, KeyOf keyOf)
{
    constexpr int kDigitBits = 11;
    constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
    const auto passes = static_cast<std::size_t>((bits + kDigitBits - 1) / kDigitBits);
    std::vector<std::size_t> offsets(passes * kBuckets, 0);
    for (const Element& e : elements) {
        const auto key = keyOf(e);
        for (std::size_t pass = 0; pass < passes; ++pass) {
            ++offsets[pass * kBuckets + (static_cast<std::size_t>(key >> (kDigitBits * pass)) & (kBuckets - 1))];
        }
    }
    scratch.resize(elements.size());
    for (std::size_t pass = 0; pass < passes; ++pass) {
        const auto histogram = offsets.begin() + static_cast<std::ptrdiff_t>(pass * kBuckets);
        if (std::find(histogram, histogram + kBuckets, elements.size()) != histogram + kBuckets) {
            continue;
        }
        std::exclusive_scan(histogram, histogram + kBuckets, histogram, std::size_t{0});
        const int shift = kDigitBits * static_cast<int>(pass);
        for (const Element& e : elements) {
            scratch[histogram[static_cast<std::size_t>(keyOf(e) >> shift) & (kBuckets - 1)]++] = e;
        }
        elements.swap(scratch);
    }
}

// The counts of one order as the fit hands them to the model: contexts with their packed keys, and their
// continuations (grouped by context, sorted by word) with counts and the index of the same word after the
// shortened context one order down.
struct CountedOrder {
    std::vector<std::uint64_t> contextKeyLow;
    std::vector<std::uint64_t> contextKeyHigh;
    std::vector<std::uint32_t> contextFirst;
    std::vector<TokenId> words;
    std::vector<std::uint32_t> counts;
    std::vector<std::uint32_t> lower;
};

// Sums the counts of equal keys in sorted `grams`; where[source] receives each gram's index in the result.
template <class Key>
std::vector<Gram<Key>> mergeEqual(const std::vector<Gram<Key>>& grams, std::vector<std::uint32_t>& where)
{
    std::vector<Gram<Key>> merged;
    merged.reserve(grams.size());
    for (const Gram<Key>& g : grams) {
        if (merged.empty() || merged.back().key != g.key) {
            merged.push_back({g.key, 0, 0});
        }
        merged.back().count += g.count;
        where[g.source] = static_cast<std::uint32_t>(merged.size() - 1);
    }
    return merged;
}

template <class Key> CountedOrder groupByContext(const std::vector<Gram<Key>>& grams, int bitsPerToken)
{
    CountedOrder counted;
    counted.words.reserve(grams.size());
    counted.counts.reserve(grams.size());
    const Key tokenMask = lowBits<Key>(bitsPerToken);
    for (std::size_t i = 0; i < grams.size(); ++i) {
        const Key context = grams[i].key >> bitsPerToken;
        if (i == 0 || context != grams[i - 1].key >> bitsPerToken) {
            counted.contextKeyLow.push_back(lowWord(context));
            counted.contextKeyHigh.push_back(highWord(context));
            counted.contextFirst.push_back(static_cast<std::uint32_t>(i));
        }
        counted.words.push_back(static_cast<TokenId>(grams[i].key & tokenMask));
        counted.counts.push_back(grams[i].count);
    }
    return counted;
}

// Counts every order's n-grams with one sort per order. The highest order's n-grams are read off the padded
// sequences; each lower order's come from the distinct n-grams one order up by dropping their oldest id.
// Under Kneser–Ney each distinct longer n-gram adds 1 to its suffix (so the suffix's count is the number of
// distinct words seen before it), except a suffix starting with <s>, which adds the longer n-gram's count;
// under maximum likelihood every suffix adds the count, which gives occurrence counts.
template <class Key>
std::vector<CountedOrder> countNgrams(std::span<const std::span<const TokenId>> sequences, std::size_t tokenCount,
                                      int order, int bitsPerToken, Smoothing smoothing)
{
    // The highest order's n-grams are sorted as bare keys, half the bytes of a Gram, then counted.
    std::vector<Key> keys;
    keys.reserve(tokenCount);
    Key start = 0;
    for (int i = 0; i + 1 < order; ++i) {
        start = (start << bitsPerToken) | kSequenceStart;
    }
    const Key mask = lowBits<Key>(order * bitsPerToken);
    for (const std::span<const TokenId> sequence : sequences) {
        Key key = start;
        for (const TokenId token : sequence) {
            key = ((key << bitsPerToken) | token) & mask;
            keys.push_back(key);
        }
    }
    {
        std::vector<Key> scratch;
        radixSort(keys, scratch, order * bitsPerToken, [](Key k) { return k; });
    }
    std::vector<Gram<Key>> distinct;
    distinct.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i == 0 || keys[i] != keys[i - 1]) {
            distinct.push_back({keys[i], 0, 0});
        }
        ++distinct.back().count;
    }
    keys = {};
    std::vector<Gram<Key>> grams;
    std::vector<Gram<Key>> scratch;

    std::vector<CountedOrder> counted(static_cast<std::size_t>(order));
    counted.back() = groupByContext(distinct, bitsPerToken);
    const Key tokenMask = lowBits<Key>(bitsPerToken);
    for (int k = order - 1; k >= 1; --k) {
        const Key suffixMask = lowBits<Key>(k * bitsPerToken);
        grams.clear();
        for (std::size_t i = 0; i < distinct.size(); ++i) {
            const Key suffix = distinct[i].key & suffixMask;
            const bool startsWithPadding = ((suffix >> ((k - 1) * bitsPerToken)) & tokenMask) == kSequenceStart;
            const bool continuation = smoothing == Smoothing::KneserNey && !startsWithPadding;
            grams.push_back({suffix, continuation ? 1u : distinct[i].count, static_cast<std::uint32_t>(i)});
        }
        radixSort(grams, scratch, k * bitsPerToken, [](const Gram<Key>& g) { return g.key; });
        std::vector<std::uint32_t>& lower = counted[static_cast<std::size_t>(k)].lower;
        lower.resize(distinct.size());
        distinct = mergeEqual(grams, lower);
        counted[static_cast<std::size_t>(k - 1)] = groupByContext(distinct, bitsPerToken);
    }
    return counted;
}

double discountOf(const Discounts& d, std::uint32_t count)
{
    return count == 1 ? d.one : count == 2 ? d.two : d.threePlus;
}

// Index of the first position in [first, last) whose inclusive running sum exceeds `target`; when rounding
// leaves the target at the very top, the last position that carries weight.
std::size_t searchCumulative(const std::vector<double>& cumulative, std::size_t first, std::size_t last, double target)
{
    const auto begin = cumulative.begin() + static_cast<std::ptrdiff_t>(first);
    const auto end = cumulative.begin() + static_cast<std::ptrdiff_t>(last);
    auto found = std::upper_bound(begin, end, target);
    if (found != end) {
        return static_cast<std::size_t>(found - cumulative.begin());
    }
    std::size_t i = last - 1;
    while (i > first && cumulative[i] == cumulative[i - 1]) {
        --i;
    }
    return i;
}

} // namespace

Discounts modifiedKneserNeyDiscounts(const std::array<std::uint64_t, 4>& countOfCounts)
{
    const auto n = [&](int c) { return static_cast<double>(countOfCounts[static_cast<std::size_t>(c - 1)]); };
    if (n(1) == 0.0) {
        return {0.5, 0.5, 0.5};
    }
    const double y = n(1) / (n(1) + 2.0 * n(2));
    // D_c = c - (c + 1) Y n_(c+1) / n_c, where n_c > 0 and the value is positive; Y otherwise.
    const auto estimate = [&](int c) {
        if (n(c) == 0.0) {
            return y;
        }
        const double d = c - (c + 1) * y * n(c + 1) / n(c);
        return d > 0.0 ? d : y;
    };
    return {estimate(1), estimate(2), estimate(3)};
}

NgramModel::NgramModel(std::span<const std::span<const TokenId>> sequences, std::size_t vocabularySize, int order,
                       Smoothing smoothing)
    : vocabularySize_(vocabularySize), order_(order), smoothing_(smoothing)
{
    if (order < 1 || order > kMaximumOrder) {
        throw std::invalid_argument("an n-gram model's order must be 1 to 6, not " + std::to_string(order));
    }
    if (vocabularySize <= kFirstWordToken) {
        throw std::invalid_argument("an n-gram model needs a vocabulary with at least one word");
    }
    bitsPerToken_ = std::max(1, static_cast<int>(std::bit_width(vocabularySize - 1)));
    if (bitsPerToken_ * order > 128) {
        throw std::length_error("a vocabulary of " + std::to_string(vocabularySize) +
                                " ids is too large for an n-gram model of order " + std::to_string(order));
    }
    std::size_t tokenCount = 0;
    for (const std::span<const TokenId> sequence : sequences) {
        for (const TokenId token : sequence) {
            if (token < kFirstWordToken || token >= vocabularySize) {
                throw std::invalid_argument("training token id " + std::to_string(token) +
                                            " is not a word of a vocabulary of " + std::to_string(vocabularySize) +
                                            " ids");
            }
        }
        tokenCount += sequence.size();
    }
    if (tokenCount == 0) {
        throw std::invalid_argument("an n-gram model needs at least one training token");
    }
    if (tokenCount > std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error("an n-gram model is fitted to fewer than 2^32 tokens");
    }

    std::vector<CountedOrder> counted =
        bitsPerToken_ * order <= 64 ? countNgrams<std::uint64_t>(sequences, tokenCount, order, bitsPerToken_, smoothing)
                                    : countNgrams<Uint128>(sequences, tokenCount, order, bitsPerToken_, smoothing);

    const bool kneserNey = smoothing == Smoothing::KneserNey;
    orders_.resize(static_cast<std::size_t>(order));
    for (int k = 1; k <= order; ++k) {
        CountedOrder& c = counted[static_cast<std::size_t>(k - 1)];
        Order& o = orders_[static_cast<std::size_t>(k - 1)];
        const std::size_t size = c.words.size();
        o.words = std::move(c.words);
        o.lower = std::move(c.lower);
        for (const std::uint32_t count : c.counts) {
            if (count <= 4) {
                ++o.countOfCounts[count - 1];
            }
        }
        if (kneserNey) {
            o.discounts = modifiedKneserNeyDiscounts(o.countOfCounts);
        }
        o.probability.resize(size);
        o.cumulativeDiscounted.resize(size);
        o.ranking.resize(size);
        o.contexts.resize(c.contextFirst.size());
        for (std::size_t h = 0; h < o.contexts.size(); ++h) {
            const std::uint32_t first = c.contextFirst[h];
            const auto end = static_cast<std::uint32_t>(h + 1 < o.contexts.size() ? c.contextFirst[h + 1] : size);
            double total = 0.0;
            std::array<double, 3> bySize{}; // N1(h•), N2(h•), N3+(h•)
            for (std::uint32_t i = first; i < end; ++i) {
                total += c.counts[i];
                bySize[std::min(c.counts[i], 3u) - 1] += 1.0;
            }
            // γ(h): the discounted mass, which the lower order redistributes (Chen & Goodman eq. 19).
            const double backoff =
                kneserNey
                    ? (o.discounts.one * bySize[0] + o.discounts.two * bySize[1] + o.discounts.threePlus * bySize[2]) /
                          total
                    : 0.0;
            o.contexts[h] = {first, end - first, backoff};
            double running = 0.0;
            for (std::uint32_t i = first; i < end; ++i) {
                const double discounted =
                    kneserNey ? std::max(c.counts[i] - discountOf(o.discounts, c.counts[i]), 0.0) / total
                              : c.counts[i] / total;
                running += discounted;
                o.cumulativeDiscounted[i] = running;
                // p_k(w | h) = discounted part + γ(h) p_(k-1)(w | h') (eq. 17); the unigram's lower order is
                // the uniform distribution, added below.
                const double lowerProbability =
                    k == 1 ? 0.0 : orders_[static_cast<std::size_t>(k - 2)].probability[o.lower[i]];
                o.probability[i] = discounted + backoff * lowerProbability;
            }
        }
        if (k == 1) {
            // The unigram order has the one empty context; every id but <s> shares γ uniformly.
            const double backoff = o.contexts.front().backoff;
            uniformProbability_ = backoff / static_cast<double>(vocabularySize - 1);
            unigramProbability_.assign(vocabularySize, uniformProbability_);
            unigramProbability_[kSequenceStart] = 0.0;
            for (std::size_t i = 0; i < size; ++i) {
                o.probability[i] += uniformProbability_;
                unigramProbability_[o.words[i]] = o.probability[i];
            }
            // Words never seen have the bare uniform share, no more than any seen word: they are merged in after
            // the sorted seen ones, in id order.
            unigramRanking_.assign(o.words.begin(), o.words.end());
            std::sort(unigramRanking_.begin(), unigramRanking_.end(), [&](TokenId a, TokenId b) {
                const double pa = unigramProbability_[a];
                const double pb = unigramProbability_[b];
                return pa != pb ? pa > pb : a < b;
            });
            const auto seenWords = static_cast<std::ptrdiff_t>(unigramRanking_.size());
            auto seen = o.words.begin();
            for (auto w = kFirstWordToken; w < vocabularySize; ++w) {
                if (seen != o.words.end() && *seen == w) {
                    ++seen;
                } else {
                    unigramRanking_.push_back(w);
                }
            }
            std::inplace_merge(unigramRanking_.begin(), unigramRanking_.begin() + seenWords, unigramRanking_.end(),
                               [&](TokenId a, TokenId b) {
                                   const double pa = unigramProbability_[a];
                                   const double pb = unigramProbability_[b];
                                   return pa != pb ? pa > pb : a < b;
                               });
        } else {
            for (const Context& h : o.contexts) {
                const auto offsets = o.ranking.begin() + h.first;
                std::iota(offsets, offsets + h.count, 0u);
                if (rankedPlaces(h.count) > 0) {
                    const double* p = o.probability.data() + h.first;
                    const auto better = [p](std::uint32_t a, std::uint32_t b) {
                        return p[a] != p[b] ? p[a] > p[b] : a < b;
                    };
                    const auto ranked = offsets + rankedPlaces(h.count);
                    std::nth_element(offsets, ranked - 1, offsets + h.count, better);
                    std::sort(offsets, ranked, better);
                }
            }
        }
        const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(2 * o.contexts.size(), 2));
        o.slotKeyLow.assign(capacity, 0);
        o.slotKeyHigh.assign(capacity, 0);
        o.slotContext.assign(capacity, kEmptySlot);
        for (std::size_t h = 0; h < o.contexts.size(); ++h) {
            std::size_t slot = hashKey(c.contextKeyLow[h], c.contextKeyHigh[h]) & (capacity - 1);
            while (o.slotContext[slot] != kEmptySlot) {
                slot = (slot + 1) & (capacity - 1);
            }
            o.slotKeyLow[slot] = c.contextKeyLow[h];
            o.slotKeyHigh[slot] = c.contextKeyHigh[h];
            o.slotContext[slot] = static_cast<std::uint32_t>(h);
        }
    }
}

std::uint32_t NgramModel::findContext(const Order& order, std::uint64_t keyLow, std::uint64_t keyHigh) const
{
    const std::size_t mask = order.slotContext.size() - 1;
    for (std::size_t slot = hashKey(keyLow, keyHigh) & mask;; slot = (slot + 1) & mask) {
        const std::uint32_t context = order.slotContext[slot];
        if (context == kEmptySlot || (order.slotKeyLow[slot] == keyLow && order.slotKeyHigh[slot] == keyHigh)) {
            return context;
        }
    }
}

std::int64_t NgramModel::findContinuation(const Order& order, std::uint32_t contextIndex, TokenId word) const
{
    // A branch-free binary search (Khuong & Morin 2017, "Array layouts for comparison-based searching"): the
    // halving does not depend on the comparisons, which become conditional moves, so long continuation lists
    // cost no mispredicted branches. `base` ends at the last word <= `word`, or at the first word.
    const Context& h = order.contexts[contextIndex];
    const TokenId* base = order.words.data() + h.first;
    for (std::size_t n = h.count; n > 1;) {
        const std::size_t half = n / 2;
        base = base[half] <= word ? base + half : base;
        n -= half;
    }
    return *base == word ? base - order.words.data() : -1;
}

void NgramModel::checkToken(TokenId token) const
{
    if (token >= vocabularySize_) {
        throw std::out_of_range("token id " + std::to_string(token) + " is not in a vocabulary of " +
                                std::to_string(vocabularySize_) + " ids");
    }
}

NgramModel::Resolved NgramModel::resolve(std::span<const TokenId> context) const
{
    Resolved resolved;
    resolved.context[1] = 0;
    // A context seen at order k has its shortened context seen at order k - 1, so the search climbs from the
    // unigram and stops at the first order whose context was never seen.
    Uint128 key = 0;
    for (int k = 2; k <= order_; ++k) {
        const auto back = static_cast<std::size_t>(k - 1); // this order adds the back-th most recent token
        const TokenId token = back <= context.size() ? context[context.size() - back] : kSequenceStart;
        checkToken(token);
        key |= static_cast<Uint128>(token) << (bitsPerToken_ * (k - 2));
        const std::uint32_t index = findContext(tables(k), lowWord(key), highWord(key));
        if (index == kEmptySlot) {
            break;
        }
        resolved.context[static_cast<std::size_t>(k)] = index;
        resolved.top = k;
    }
    resolved.scale[static_cast<std::size_t>(resolved.top)] = 1.0;
    for (int k = resolved.top; k >= 2; --k) {
        const auto ku = static_cast<std::size_t>(k);
        resolved.scale[ku - 1] = resolved.scale[ku] * tables(k).contexts[resolved.context[ku]].backoff;
    }
    return resolved;
}

double NgramModel::probability(const Resolved& resolved, TokenId word) const
{
    for (int k = resolved.top; k >= 2; --k) {
        const auto ku = static_cast<std::size_t>(k);
        const Order& o = tables(k);
        const std::int64_t index = findContinuation(o, resolved.context[ku], word);
        if (index >= 0) {
            return resolved.scale[ku] * o.probability[static_cast<std::size_t>(index)];
        }
    }
    return resolved.scale[1] * unigramProbability_[word];
}

double NgramModel::logProbability(std::span<const TokenId> context, TokenId next) const
{
    checkToken(next);
    return std::log(probability(resolve(context), next));
}

void NgramModel::distribution(std::span<const TokenId> context, std::span<double> probabilities) const
{
    if (probabilities.size() != vocabularySize_) {
        throw std::invalid_argument("a distribution needs one entry per vocabulary id");
    }
    const Resolved resolved = resolve(context);
    const double unigramScale = resolved.scale[1];
    for (std::size_t w = 0; w < vocabularySize_; ++w) {
        probabilities[w] = unigramScale * unigramProbability_[w];
    }
    // Higher orders overwrite: a word's probability is that of the highest order that saw it after its context.
    for (int k = 2; k <= resolved.top; ++k) {
        const auto ku = static_cast<std::size_t>(k);
        const Order& o = tables(k);
        const Context& h = o.contexts[resolved.context[ku]];
        for (std::uint32_t i = h.first; i < h.first + h.count; ++i) {
            probabilities[o.words[i]] = resolved.scale[ku] * o.probability[i];
        }
    }
}

void NgramModel::probabilities(std::span<const TokenId> context, std::span<const TokenId> tokens,
                               std::span<double> probabilities) const
{
    if (probabilities.size() != tokens.size()) {
        throw std::invalid_argument("probabilities needs one entry per token");
    }
    const Resolved resolved = resolve(context);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        checkToken(tokens[i]);
        probabilities[i] = probability(resolved, tokens[i]);
    }
}

// The words whose probability comes from order k (seen after h_k but not after h_(k+1)) all have probability
// s_k p_k(w | h_k): one factor times a number fixed by the context h_k. Their ranking is therefore the ranking
// of p_k(w | h_k), which the fit stored for large contexts (their first places); for the unigram order, the
// ranking of p_1 over the whole vocabulary. So each order's ranking is walked, best first, offering its words
// to one selection of the `count` best (by probability, then smaller id); within the ranked places a walk
// stops at the first word whose probability is below the selection's worst once it is full, since every
// later word of that order is at most as probable. Only words that can still enter are checked against the
// higher order's continuations and the excluded words.
void NgramModel::mostProbableWords(std::span<const TokenId> context, std::size_t count,
                                   std::span<const TokenId> excluded, std::vector<ScoredToken>& best) const
{
    best.clear();
    if (count == 0) {
        return;
    }
    const auto before = [](const ScoredToken& a, const ScoredToken& b) {
        return a.probability != b.probability ? a.probability > b.probability : a.token < b.token;
    };
    const Resolved resolved = resolve(context);
    for (int k = resolved.top; k >= 1; --k) {
        const auto ku = static_cast<std::size_t>(k);
        const double scale = resolved.scale[ku];
        if (scale == 0.0) {
            break;
        }
        // Returns false once no later word of this order can enter the selection, which the order's ranking
        // tells only where it is sorted.
        const auto offer = [&](TokenId word, double orderProbability, bool sorted) {
            const ScoredToken candidate{word, scale * orderProbability};
            if (candidate.probability == 0.0 ||
                (best.size() == count && candidate.probability < best.back().probability)) {
                return !sorted;
            }
            if ((best.size() == count && !before(candidate, best.back())) ||
                (k < resolved.top && findContinuation(tables(k + 1), resolved.context[ku + 1], word) >= 0) ||
                std::binary_search(excluded.begin(), excluded.end(), word)) {
                return true;
            }
            if (best.size() == count) {
                best.pop_back();
            }
            best.insert(std::upper_bound(best.begin(), best.end(), candidate, before), candidate);
            return true;
        };
        if (k >= 2) {
            const Order& o = tables(k);
            const Context& h = o.contexts[resolved.context[ku]];
            for (std::uint32_t r = 0; r < h.count; ++r) {
                const std::uint32_t i = h.first + o.ranking[h.first + r];
                if (!offer(o.words[i], o.probability[i], r < rankedPlaces(h.count))) {
                    break;
                }
            }
        } else {
            for (const TokenId word : unigramRanking_) {
                if (!offer(word, unigramProbability_[word], true)) {
                    break;
                }
            }
        }
    }
}

Discounts NgramModel::discounts(int ngramOrder) const
{
    if (ngramOrder < 1 || ngramOrder > order_) {
        throw std::out_of_range("no n-gram order " + std::to_string(ngramOrder));
    }
    return tables(ngramOrder).discounts;
}

const std::array<std::uint64_t, 4>& NgramModel::countOfCounts(int ngramOrder) const
{
    if (ngramOrder < 1 || ngramOrder > order_) {
        throw std::out_of_range("no n-gram order " + std::to_string(ngramOrder));
    }
    return tables(ngramOrder).countOfCounts;
}

std::size_t NgramModel::ngramCount(int ngramOrder) const
{
    if (ngramOrder < 1 || ngramOrder > order_) {
        throw std::out_of_range("no n-gram order " + std::to_string(ngramOrder));
    }
    return tables(ngramOrder).words.size();
}

std::size_t NgramModel::memoryBytes() const
{
    const auto bytes = [](const auto& v) { return v.size() * sizeof(v[0]); };
    std::size_t total = bytes(unigramProbability_) + bytes(unigramRanking_);
    for (const Order& o : orders_) {
        total += bytes(o.slotKeyLow) + bytes(o.slotKeyHigh) + bytes(o.slotContext) + bytes(o.contexts) +
                 bytes(o.words) + bytes(o.probability) + bytes(o.cumulativeDiscounted) + bytes(o.lower) +
                 bytes(o.ranking);
    }
    return total;
}

// Sampling at λ = 1 without the full distribution. The interpolated distribution is a mixture,
//   p(w | h) = Σ_k s_k a_k(w | h_k) + s_1 γ_1 u(w),
// with a_k the discounted part of order k (summing to 1 - γ_k over h_k's continuations), u the uniform
// distribution over the V - 1 ids other than <s>, and s_k as in Resolved. One uniform number u is laid over
// the components in the order top, ..., 1, uniform, with <unk>'s share of the uniform component cut off the
// end (the draw is conditioned on a word), and inverted: a binary search in the chosen context's running sums
// of a_k, or an index into the uniform component. Exactly one uniform() per token.
class NgramSampler final : public TokenSampler {
public:
    explicit NgramSampler(const NgramModel& model) : model_(model) {}

    TokenId next(std::span<const TokenId> context, RandomStream& random) override
    {
        const NgramModel::Resolved resolved = model_.resolve(context);
        const double u = random.uniform();
        std::array<double, NgramModel::kMaximumOrder + 1> mass{};
        double total = 0.0;
        for (int k = resolved.top; k >= 1; --k) {
            const auto ku = static_cast<std::size_t>(k);
            const NgramModel::Order& o = model_.tables(k);
            const NgramModel::Context& h = o.contexts[resolved.context[ku]];
            mass[ku] = resolved.scale[ku] * o.cumulativeDiscounted[h.first + h.count - 1];
            total += mass[ku];
        }
        const double uniformEach = resolved.scale[1] * model_.uniformProbability_;
        const auto wordCount = static_cast<double>(model_.vocabularySize_ - kFirstWordToken);
        total += uniformEach * wordCount;
        double target = u * total;
        int lastWithMass = 0;
        for (int k = resolved.top; k >= 1; --k) {
            const auto ku = static_cast<std::size_t>(k);
            if (mass[ku] <= 0.0) {
                continue;
            }
            lastWithMass = k;
            if (target < mass[ku]) {
                return pick(k, resolved.context[ku], target / resolved.scale[ku]);
            }
            target -= mass[ku];
        }
        if (uniformEach > 0.0) {
            const double index = std::min(std::floor(target / uniformEach), wordCount - 1);
            return kFirstWordToken + static_cast<TokenId>(index);
        }
        // Rounding pushed the target past the last component: the top of the lowest order that has weight.
        return pick(lastWithMass, resolved.context[static_cast<std::size_t>(lastWithMass)],
                    std::numeric_limits<double>::infinity());
    }

private:
    TokenId pick(int k, std::uint32_t contextIndex, double target) const
    {
        const NgramModel::Order& o = model_.tables(k);
        const NgramModel::Context& h = o.contexts[contextIndex];
        return o.words[searchCumulative(o.cumulativeDiscounted, h.first, h.first + h.count, target)];
    }

    const NgramModel& model_;
};

// Sampling at λ != 1: q(w) ∝ p(w | h)^β, β = 1/λ. By Resolved, p(w | h) = s_k p_k(w | h_k) where k is the
// highest order that saw w after its context; the words split into disjoint shares by that order: order k
// has the continuations of h_k minus those of h_(k+1) (the "holes"); order 1 has every word minus those of
// h_2. Order k's share of the tempered mass is s_k^β (Σ over h_k's continuations of p_k^β - Σ over the
// holes of p_k^β); the sampler precomputes, per context, the running sums of p_k^β and of the holes'
// p_(k-1)^β one order down, so that each share costs O(1) and the draw inside a share is a binary search
// over the gaps between holes and then over the running sums. Every p^β is stored relative to the largest
// in its context (the exponent is applied to logarithms), so small temperatures do not underflow. Exactly
// one uniform() per token: it picks the share, and what is left of it the word.
class TemperedNgramSampler final : public TokenSampler {
public:
    TemperedNgramSampler(const NgramModel& model, double temperature)
        : model_(model), exponent_(1.0 / temperature), levels_(static_cast<std::size_t>(model.order_) + 1)
    {
        const std::size_t v = model.vocabularySize_;
        // Order 1, over every id: <unk> and <s> have no weight, so they are never drawn.
        Level& unigram = levels_[1];
        double largest = 0.0;
        for (std::size_t w = kFirstWordToken; w < v; ++w) {
            largest = std::max(largest, model.unigramProbability_[w]);
        }
        unigram.logLargest.assign(1, std::log(largest));
        unigram.tempered.resize(v);
        unigram.cumulative.resize(v);
        double running = 0.0;
        for (std::size_t w = 0; w < v; ++w) {
            const bool word = w >= kFirstWordToken;
            unigram.tempered[w] = word ? temper(model.unigramProbability_[w], unigram.logLargest[0]) : 0.0;
            running += unigram.tempered[w];
            unigram.cumulative[w] = running;
        }
        for (int k = 2; k <= model.order_; ++k) {
            const NgramModel::Order& o = model.tables(k);
            const Level& below = levels_[static_cast<std::size_t>(k - 1)];
            Level& level = levels_[static_cast<std::size_t>(k)];
            level.logLargest.resize(o.contexts.size());
            level.tempered.resize(o.words.size());
            level.cumulative.resize(o.words.size());
            level.holeCumulative.resize(o.words.size());
            for (std::size_t c = 0; c < o.contexts.size(); ++c) {
                const NgramModel::Context& h = o.contexts[c];
                const std::uint32_t end = h.first + h.count;
                level.logLargest[c] =
                    std::log(*std::max_element(o.probability.begin() + h.first, o.probability.begin() + end));
                double sum = 0.0;
                double holes = 0.0;
                for (std::uint32_t i = h.first; i < end; ++i) {
                    level.tempered[i] = temper(o.probability[i], level.logLargest[c]);
                    sum += level.tempered[i];
                    level.cumulative[i] = sum;
                    // The same word's tempered weight one order down, where it is a hole.
                    holes += below.tempered[k == 2 ? o.words[i] : o.lower[i]];
                    level.holeCumulative[i] = holes;
                }
            }
        }
    }

    TokenId next(std::span<const TokenId> context, RandomStream& random) override
    {
        const NgramModel::Resolved resolved = model_.resolve(context);
        const double u = random.uniform();
        const int top = resolved.top;
        std::array<double, NgramModel::kMaximumOrder + 1> share{};
        std::array<double, NgramModel::kMaximumOrder + 1> logFactor{};
        double largestLogFactor = -std::numeric_limits<double>::infinity();
        for (int k = top; k >= 1; --k) {
            const auto ku = static_cast<std::size_t>(k);
            if (resolved.scale[ku] == 0.0) {
                break;
            }
            const Range range = rangeOf(k, resolved.context[ku]);
            const double holes = k < top ? holeRangeOf(k + 1, resolved.context[ku + 1]).total : 0.0;
            share[ku] = std::max(levels_[ku].cumulative[range.last - 1] - holes, 0.0);
            logFactor[ku] = exponent_ * (std::log(resolved.scale[ku]) + levels_[ku].logLargest[range.contextIndex]);
            if (share[ku] > 0.0) {
                largestLogFactor = std::max(largestLogFactor, logFactor[ku]);
            }
        }
        std::array<double, NgramModel::kMaximumOrder + 1> factor{};
        double total = 0.0;
        for (int k = top; k >= 1; --k) {
            const auto ku = static_cast<std::size_t>(k);
            factor[ku] = share[ku] > 0.0 ? std::exp(logFactor[ku] - largestLogFactor) : 0.0;
            total += factor[ku] * share[ku];
        }
        double target = u * total;
        int chosen = 0;
        for (int k = top; k >= 1; --k) {
            const auto ku = static_cast<std::size_t>(k);
            const double weight = factor[ku] * share[ku];
            if (weight <= 0.0) {
                continue;
            }
            chosen = k;
            if (target < weight) {
                break;
            }
            target -= weight;
        }
        const auto cu = static_cast<std::size_t>(chosen);
        const double inside = std::min(target / factor[cu], share[cu]);
        return pickOutsideHoles(chosen, resolved, inside);
    }

private:
    struct Level {
        std::vector<double> logLargest;     // per context: ln of its largest p_k
        std::vector<double> tempered;       // per continuation: (p_k / largest)^β
        std::vector<double> cumulative;     // running sum of `tempered` within the context
        std::vector<double> holeCumulative; // running sum of the same words' `tempered` one order down
    };

    // Positions of a context's continuations in its order's arrays (for order 1: the ids).
    struct Range {
        std::size_t first = 0;
        std::size_t last = 0;
        std::size_t contextIndex = 0;
    };

    // The continuations of h_(k+1), the holes of order k: where they are, and their tempered weight at order k.
    struct HoleRange {
        std::size_t first = 0;
        std::size_t count = 0;
        double total = 0.0;
    };

    double temper(double probability, double logLargest) const
    {
        return std::exp(exponent_ * (std::log(probability) - logLargest));
    }

    Range rangeOf(int k, std::uint32_t contextIndex) const
    {
        if (k == 1) {
            return {0, model_.vocabularySize_, 0};
        }
        const NgramModel::Context& h = model_.tables(k).contexts[contextIndex];
        return {h.first, std::size_t{h.first} + h.count, contextIndex};
    }

    HoleRange holeRangeOf(int k, std::uint32_t contextIndex) const
    {
        const NgramModel::Context& h = model_.tables(k).contexts[contextIndex];
        return {h.first, h.count, levels_[static_cast<std::size_t>(k)].holeCumulative[h.first + h.count - 1]};
    }

    // Where the j-th hole sits among order k's positions.
    std::size_t holePosition(int k, const HoleRange& holes, std::size_t j) const
    {
        const NgramModel::Order& upper = model_.tables(k + 1);
        return k == 1 ? upper.words[holes.first + j] : upper.lower[holes.first + j];
    }

    // The position at which the running sum of order k's tempered weights, holes left out, first exceeds
    // `target`. With H_j the holes' weight before hole j and C(x) the running sum before position x, the mass
    // outside the holes before hole j, C(pos_j) - H_j, grows with j: a binary search finds the gap between
    // holes that holds the target, and one inside the gap the position.
    TokenId pickOutsideHoles(int k, const NgramModel::Resolved& resolved, double target) const
    {
        const auto ku = static_cast<std::size_t>(k);
        const Level& level = levels_[ku];
        const Range range = rangeOf(k, resolved.context[ku]);
        const auto before = [&](std::size_t position) {
            return position == range.first ? 0.0 : level.cumulative[position - 1];
        };
        HoleRange holes;
        if (k < resolved.top) {
            holes = holeRangeOf(k + 1, resolved.context[ku + 1]);
        }
        const Level* upper = k < resolved.top ? &levels_[ku + 1] : nullptr;
        const auto holesBefore = [&](std::size_t j) {
            return j == 0 ? 0.0 : upper->holeCumulative[holes.first + j - 1];
        };
        std::size_t low = 0;
        std::size_t high = holes.count;
        while (low < high) {
            const std::size_t middle = low + (high - low) / 2;
            if (before(holePosition(k, holes, middle)) - holesBefore(middle) > target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        const std::size_t gapFirst = low == 0 ? range.first : holePosition(k, holes, low - 1) + 1;
        const std::size_t gapLast = low == holes.count ? range.last : holePosition(k, holes, low);
        if (gapFirst < gapLast) {
            const double shifted = target + holesBefore(low);
            const auto begin = level.cumulative.begin() + static_cast<std::ptrdiff_t>(gapFirst);
            const auto end = level.cumulative.begin() + static_cast<std::ptrdiff_t>(gapLast);
            const auto found = std::upper_bound(begin, end, shifted);
            if (found != end) {
                return wordAt(k, static_cast<std::size_t>(found - level.cumulative.begin()));
            }
        }
        return lastOutsideHoles(k, range, holes);
    }

    // Rounding left the target at the very top: the last position with weight that is not a hole.
    TokenId lastOutsideHoles(int k, const Range& range, const HoleRange& holes) const
    {
        const Level& level = levels_[static_cast<std::size_t>(k)];
        std::size_t j = holes.count;
        for (std::size_t position = range.last; position-- > range.first;) {
            while (j > 0 && holePosition(k, holes, j - 1) > position) {
                --j;
            }
            const bool hole = j > 0 && holePosition(k, holes, j - 1) == position;
            if (!hole && level.tempered[position] > 0.0) {
                return wordAt(k, position);
            }
        }
        throw std::logic_error("an n-gram order with a positive share has no word outside its holes");
    }

    TokenId wordAt(int k, std::size_t position) const
    {
        return k == 1 ? static_cast<TokenId>(position) : model_.tables(k).words[position];
    }

    const NgramModel& model_;
    double exponent_;
    std::vector<Level> levels_;
};

std::unique_ptr<TokenSampler> NgramModel::sampler(double temperature) const
{
    if (!(temperature > 0.0) || !std::isfinite(temperature)) {
        throw std::invalid_argument("a sampling temperature must be positive and finite, not " +
                                    std::to_string(temperature));
    }
    if (temperature == 1.0) {
        return std::make_unique<NgramSampler>(*this);
    }
    return std::make_unique<TemperedNgramSampler>(*this, temperature);
}

} // namespace collapse::text
