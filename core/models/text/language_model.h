#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace collapse {
class RandomStream;
}

namespace collapse::text {

using TokenId = std::uint32_t;

// Ids every vocabulary reserves. <unk> stands for a held-out word that the training text never had; <s>
// pads the start of a sequence so that its first words have contexts of full length. Neither is ever
// generated.
inline constexpr TokenId kUnknownToken = 0;
inline constexpr TokenId kSequenceStart = 1;
inline constexpr TokenId kFirstWordToken = 2;

// A token with its probability.
struct ScoredToken {
    TokenId token = 0;
    double probability = 0.0;
};

// Draws next tokens from one model at one temperature λ. Holds whatever the model precomputes for λ and
// scratch space, so one sampler serves many sequences; it is not thread-safe: give each thread its own.
class TokenSampler {
public:
    virtual ~TokenSampler() = default;

    // A word w (never <unk> or <s>) drawn with probability proportional to p(w | context)^(1/λ) over the
    // words, that is p(·|context)^(1/λ) renormalised with <unk> left out; at λ = 1 this is
    // p(w | context) / (1 - p(<unk> | context)). Uses exactly one random.uniform().
    virtual TokenId next(std::span<const TokenId> context, RandomStream& random) = 0;
};

// A next-token model over a fixed vocabulary of ids 0 .. vocabularySize() - 1: what the experiment needs of
// any language model (the n-gram model here, a neural one later). A context is the tokens before the
// predicted one, most recent last; a model reads as many of the last ones as it uses and treats a shorter
// context as the start of a sequence (preceded by <s>). All methods are const and thread-safe.
class LanguageModel {
public:
    virtual ~LanguageModel() = default;

    // Number of ids, <unk> and <s> included.
    virtual std::size_t vocabularySize() const = 0;
    // The model conditions on at most order() - 1 preceding tokens.
    virtual int order() const = 0;

    // ln p(next | context); -infinity when the probability is zero.
    virtual double logProbability(std::span<const TokenId> context, TokenId next) const = 0;
    // p(w | context) for every id w into `probabilities` (vocabularySize() entries). It sums to 1 over the
    // ids; p(<s>) = 0, and p(<unk>) is the model's probability of a word it does not know.
    virtual void distribution(std::span<const TokenId> context, std::span<double> probabilities) const = 0;

    // p(tokens[i] | context) into probabilities[i]: the numbers exp(logProbability) gives, computed together.
    // This implementation calls distribution(); models with structure do better.
    virtual void probabilities(std::span<const TokenId> context, std::span<const TokenId> tokens,
                               std::span<double> probabilities) const;
    // Into `best`, the `count` most probable words after `context` that are not in `excluded` (sorted
    // ascending), most probable first, ties by smaller id; words of probability zero, <unk> and <s> are
    // never listed, so there may be fewer. This implementation scans distribution().
    virtual void mostProbableWords(std::span<const TokenId> context, std::size_t count,
                                   std::span<const TokenId> excluded, std::vector<ScoredToken>& best) const;
    // A sampler at temperature λ > 0 (std::invalid_argument otherwise). It refers to this model, which must
    // outlive it. This implementation builds the whole distribution for every token (O(vocabulary) per draw);
    // models with structure sample faster.
    virtual std::unique_ptr<TokenSampler> sampler(double temperature) const;
    // Σ ln p(continuation[i] | the prompt and the continuation before i), each token conditioned on the up to
    // order() − 1 tokens before it; −infinity when a token has probability zero. This implementation calls
    // logProbability() once per token; a model that reads many positions at once does better.
    virtual double logLikelihood(std::span<const TokenId> prompt, std::span<const TokenId> continuation) const;
};

// exp of the mean negative log-probability of `tokens` read as one sequence from its start: token i is
// conditioned on the up to order() - 1 tokens before it (fewer at the start, where the model pads with
// <s>). Held-out words outside the vocabulary should be passed as <unk>: a smoothed model gives them
// p(<unk> | context), its probability of an unknown word; an unsmoothed one gives them zero, and the
// perplexity is then infinite. Empty `tokens`: 1.
double perplexity(const LanguageModel& model, std::span<const TokenId> tokens);

// The perplexity of `continuation` alone, each of its tokens conditioned on `prompt` and the continuation
// before it. Empty `continuation`: 1.
double continuationPerplexity(const LanguageModel& model, std::span<const TokenId> prompt,
                              std::span<const TokenId> continuation);

} // namespace collapse::text
