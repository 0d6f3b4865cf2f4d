#include "core/models/text/decoding.h"

#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>

namespace collapse::text {

namespace {

void checkLength(int length)
{
    if (length < 0) {
        throw std::invalid_argument("a continuation's length cannot be negative (" + std::to_string(length) + ")");
    }
}

struct Beam {
    std::vector<TokenId> sequence;  // the prompt, then the continuation
    std::vector<TokenId> penalised; // the distinct words of `sequence`, ascending
    double score = 0.0;
};

struct Candidate {
    double score = 0.0;
    TokenId token = 0;
    std::uint32_t beam = 0;
};

bool isWord(TokenId token)
{
    return token >= kFirstWordToken;
}

} // namespace

std::vector<TokenId> sampleContinuation(const LanguageModel& model, std::span<const TokenId> prompt, int length,
                                        double temperature, RandomStream& random)
{
    const std::unique_ptr<TokenSampler> sampler = model.sampler(temperature);
    return sampleContinuation(*sampler, prompt, length, random);
}

std::vector<TokenId> sampleContinuation(TokenSampler& sampler, std::span<const TokenId> prompt, int length,
                                        RandomStream& random)
{
    checkLength(length);
    std::vector<TokenId> sequence(prompt.begin(), prompt.end());
    sequence.reserve(prompt.size() + static_cast<std::size_t>(length));
    for (int i = 0; i < length; ++i) {
        sequence.push_back(sampler.next(sequence, random));
    }
    return {sequence.begin() + static_cast<std::ptrdiff_t>(prompt.size()), sequence.end()};
}

std::vector<TokenId> beamContinuation(const LanguageModel& model, std::span<const TokenId> prompt, int length,
                                      int beamWidth, double repetitionPenalty, BeamNormalisation normalisation)
{
    checkLength(length);
    if (beamWidth < 1) {
        throw std::invalid_argument("a beam search needs at least one beam, not " + std::to_string(beamWidth));
    }
    if (!(repetitionPenalty > 0.0) || !std::isfinite(repetitionPenalty)) {
        throw std::invalid_argument("a repetition penalty must be positive and finite, not " +
                                    std::to_string(repetitionPenalty));
    }
    const auto width = static_cast<std::size_t>(beamWidth);
    const bool penalise = repetitionPenalty != 1.0;
    const bool renormalise = normalisation == BeamNormalisation::Renormalised;

    Beam first;
    first.sequence.assign(prompt.begin(), prompt.end());
    std::copy_if(prompt.begin(), prompt.end(), std::back_inserter(first.penalised), isWord);
    std::sort(first.penalised.begin(), first.penalised.end());
    first.penalised.erase(std::unique(first.penalised.begin(), first.penalised.end()), first.penalised.end());
    std::vector<Beam> beams{std::move(first)};

    std::vector<TokenId> queried;
    std::vector<double> probabilities;
    std::vector<double> penalisedLogs;
    std::vector<ScoredToken> best;
    std::vector<Candidate> candidates;
    for (int step = 0; step < length; ++step) {
        candidates.clear();
        for (std::size_t b = 0; b < beams.size(); ++b) {
            const Beam& beam = beams[b];
            const std::span<const TokenId> penalised =
                penalise ? std::span<const TokenId>(beam.penalised) : std::span<const TokenId>();
            queried.assign(penalised.begin(), penalised.end());
            queried.push_back(kUnknownToken);
            probabilities.resize(queried.size());
            model.probabilities(beam.sequence, queried, probabilities);
            // HF: a negative score, here a log-probability, is multiplied by the penalty.
            penalisedLogs.resize(penalised.size());
            double normaliser = 1.0 - probabilities.back();
            for (std::size_t i = 0; i < penalised.size(); ++i) {
                penalisedLogs[i] = repetitionPenalty * std::log(probabilities[i]);
                normaliser += std::exp(penalisedLogs[i]) - probabilities[i];
            }
            const double logNormaliser = renormalise ? std::log(normaliser) : 0.0;
            const auto beamIndex = static_cast<std::uint32_t>(b);
            model.mostProbableWords(beam.sequence, width, penalised, best);
            for (const ScoredToken& s : best) {
                candidates.push_back({beam.score + std::log(s.probability) - logNormaliser, s.token, beamIndex});
            }
            for (std::size_t i = 0; i < penalised.size(); ++i) {
                if (probabilities[i] > 0.0) {
                    candidates.push_back({beam.score + penalisedLogs[i] - logNormaliser, penalised[i], beamIndex});
                }
            }
        }
        if (candidates.empty()) {
            break;
        }
        const std::size_t kept = std::min(width, candidates.size());
        std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(kept), candidates.end(),
                          [](const Candidate& a, const Candidate& c) {
                              if (a.score != c.score) {
                                  return a.score > c.score;
                              }
                              return a.token != c.token ? a.token < c.token : a.beam < c.beam;
                          });
        std::vector<Beam> next(kept);
        for (std::size_t i = 0; i < kept; ++i) {
            const Candidate& c = candidates[i];
            const Beam& parent = beams[c.beam];
            next[i].sequence.reserve(parent.sequence.size() + 1);
            next[i].sequence = parent.sequence;
            next[i].sequence.push_back(c.token);
            next[i].penalised = parent.penalised;
            const auto at = std::lower_bound(next[i].penalised.begin(), next[i].penalised.end(), c.token);
            if (at == next[i].penalised.end() || *at != c.token) {
                next[i].penalised.insert(at, c.token);
            }
            next[i].score = c.score;
        }
        beams = std::move(next);
    }
    const std::vector<TokenId>& sequence = beams.front().sequence;
    return {sequence.begin() + static_cast<std::ptrdiff_t>(prompt.size()), sequence.end()};
}

} // namespace collapse::text
