#pragma once

#include "core/models/text/language_model.h"

#include <span>
#include <vector>

namespace collapse {
class RandomStream;
}

namespace collapse::text {

// Ancestral sampling: `length` words after `prompt`, each drawn from p(· | prompt and the words so far)^(1/λ)
// renormalised over the words (never <unk> or <s>), λ = temperature > 0; λ = 1 samples the model as it is.
// Exactly one random.uniform() per word, so a stream position fixes the text. Makes a sampler for the call;
// when λ != 1 that costs O(stored n-grams) for the n-gram model, so a caller drawing many sequences should
// make one sampler and use the overload below.
std::vector<TokenId> sampleContinuation(const LanguageModel& model, std::span<const TokenId> prompt, int length,
                                        double temperature, RandomStream& random);
std::vector<TokenId> sampleContinuation(TokenSampler& sampler, std::span<const TokenId> prompt, int length,
                                        RandomStream& random);

// How beam search turns penalised log-probabilities into scores.
enum class BeamNormalisation {
    // Log-softmax again after the penalty, so each step's scores are a distribution over the words: Hugging
    // Face's generate(..., renormalize_logits=True).
    Renormalised,
    // The penalised log-probabilities as they are: generate()'s default, whose beam search takes the
    // log-softmax first and then applies the processors (transformers' GenerationMixin._beam_search).
    AsPenalised,
};

// Beam search as Hugging Face transformers' generate(num_beams = beamWidth, repetition_penalty = r,
// do_sample = False) runs it with no end token: each step extends every beam by every word; a word's score is
// its log-probability after RepetitionPenaltyLogitsProcessor (a word already in the beam's sequence, prompt
// included, has its log-probability multiplied by r, the log-probabilities being negative) and, with
// Renormalised, after a log-softmax over the words; <unk> and <s> are never candidates (HF's
// suppress_tokens). Beams are ranked by the sum of their scores and the best `beamWidth` extensions of all
// beams kept (HF keeps the best 2 beamWidth and continues the best beamWidth that have not ended, which
// without an end token is the same); ties go to the smaller word id, then the lower beam index. Returns the
// best beam's `length` words (fewer only if every extension has probability zero).
//
// The log-softmax needs no pass over the vocabulary: with P the penalised words, the normaliser is
// Z = Σ_(w word) p'(w) = 1 - p(<unk>) + Σ_(w in P) (p(w)^r - p(w)), and the candidates of one beam are its
// penalised words plus the model's beamWidth most probable other words (LanguageModel::mostProbableWords).
std::vector<TokenId> beamContinuation(const LanguageModel& model, std::span<const TokenId> prompt, int length,
                                      int beamWidth, double repetitionPenalty,
                                      BeamNormalisation normalisation = BeamNormalisation::Renormalised);

} // namespace collapse::text
