#pragma once

#include "core/models/text/language_model.h"
#include "core/models/text/transformer.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace collapse::text {

class TextCorpus;
class Vocabulary;

// The words a transformer predicts, as model ids: 0 <unk>, 1 <s>, then words. A corpus word outside them is
// <unk> to the model (a vocabulary cap, as word-level neural language models have); the model writes
// only words it knows.
class ModelVocabulary {
public:
    // The `size` − 2 most frequent words of `corpus`'s training stream (ties by the smaller corpus id), or
    // all its words when it has fewer.
    static ModelVocabulary mostFrequent(const TextCorpus& corpus, int size);
    // The words of a weights file, found in `vocabulary`; a word the corpus does not have is <unk> to it.
    static ModelVocabulary ofWords(std::span<const std::string> words, const Vocabulary& vocabulary);

    int size() const { return static_cast<int>(corpusIds_.size()); }
    std::size_t corpusSize() const { return modelIds_.size(); }
    std::int32_t modelId(TokenId corpusId) const { return modelIds_[corpusId]; }
    TokenId corpusId(std::int32_t modelId) const { return corpusIds_[static_cast<std::size_t>(modelId)]; }
    // The words in model-id order, "<unk>" and "<s>" first: what a weights file stores.
    std::vector<std::string> words(const Vocabulary& vocabulary) const;

private:
    std::vector<TokenId> corpusIds_;     // model id → corpus id; kUnknownToken for a word the corpus lacks
    std::vector<std::int32_t> modelIds_; // corpus id → model id; 0 (<unk>) for words outside
};

// A trained transformer as a LanguageModel over a corpus's ids. It reads the last context − 1 tokens of a
// context after <s>, as it was trained on blocks that start with <s>. A corpus word outside its vocabulary
// is <unk> to it, in a context and as a next token (logProbability gives it p(<unk>), as word-level
// benchmarks score a capped vocabulary); distribution() puts p(<unk>) on <unk> alone, so the model never
// writes such a word. Next-token distributions come from a
// per-thread cache of decoding states (keys and values of every position) keyed by the tokens they hold,
// so that sampling and beam search, which extend a context one token at a time, compute each position
// once; every position is computed the same way whether cached or not, so results do not depend on the
// cache or on the thread.
class TransformerLanguageModel final : public LanguageModel {
public:
    TransformerLanguageModel(std::shared_ptr<const TransformerParameters> parameters, ModelVocabulary vocabulary);

    std::size_t vocabularySize() const override { return vocabulary_.corpusSize(); }
    int order() const override { return parameters_->shape().context; }
    double logProbability(std::span<const TokenId> context, TokenId next) const override;
    void distribution(std::span<const TokenId> context, std::span<double> probabilities) const override;
    std::unique_ptr<TokenSampler> sampler(double temperature) const override;
    // The continuation scored in windows of `context` positions, each read from <s>: the first window
    // scores its tokens, each next one starts half a context later and scores those not yet scored, so
    // every token after the first half-context sees at least half a context before it (the strided
    // evaluation of Hugging Face's perplexity guide). The windows run on the available threads and are
    // summed in order.
    double logLikelihood(std::span<const TokenId> prompt, std::span<const TokenId> continuation) const override;

    const TransformerParameters& parameters() const { return *parameters_; }
    const ModelVocabulary& modelVocabulary() const { return vocabulary_; }

private:
    // ln softmax over the model's ids after `context` (its <s> and <unk> entries included).
    void logits(std::span<const TokenId> context, Eigen::VectorXf& out) const;

    std::shared_ptr<const TransformerParameters> parameters_;
    ModelVocabulary vocabulary_;
    std::uint64_t serial_; // tells the per-thread caches of two models apart
};

} // namespace collapse::text
