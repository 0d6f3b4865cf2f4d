#include "core/models/text/language_model.h"

#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace collapse::text {

namespace {

// Sampling from the full distribution: p^(1/λ) over the words, one categorical draw.
class DistributionSampler final : public TokenSampler {
public:
    DistributionSampler(const LanguageModel& model, double temperature)
        : model_(model), exponent_(1.0 / temperature), weights_(model.vocabularySize())
    {
    }

    TokenId next(std::span<const TokenId> context, RandomStream& random) override
    {
        model_.distribution(context, weights_);
        weights_[kUnknownToken] = 0.0;
        weights_[kSequenceStart] = 0.0;
        if (exponent_ != 1.0) {
            // Scaled by the largest probability first, so that small temperatures do not underflow every
            // weight to zero.
            const double largest = *std::max_element(weights_.begin(), weights_.end());
            for (double& w : weights_) {
                w = std::pow(w / largest, exponent_);
            }
        }
        return static_cast<TokenId>(random.categorical(weights_));
    }

private:
    const LanguageModel& model_;
    double exponent_;
    std::vector<double> weights_;
};

} // namespace

void LanguageModel::probabilities(std::span<const TokenId> context, std::span<const TokenId> tokens,
                                  std::span<double> probabilities) const
{
    if (probabilities.size() != tokens.size()) {
        throw std::invalid_argument("probabilities needs one entry per token");
    }
    std::vector<double> all(vocabularySize());
    distribution(context, all);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        probabilities[i] = all.at(tokens[i]);
    }
}

void LanguageModel::mostProbableWords(std::span<const TokenId> context, std::size_t count,
                                      std::span<const TokenId> excluded, std::vector<ScoredToken>& best) const
{
    std::vector<double> all(vocabularySize());
    distribution(context, all);
    best.clear();
    for (auto id = kFirstWordToken; id < all.size(); ++id) {
        if (all[id] > 0.0 && !std::binary_search(excluded.begin(), excluded.end(), id)) {
            best.push_back({id, all[id]});
        }
    }
    const auto byProbabilityThenId = [](const ScoredToken& a, const ScoredToken& b) {
        return a.probability != b.probability ? a.probability > b.probability : a.token < b.token;
    };
    const std::size_t kept = std::min(count, best.size());
    std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(kept), best.end(), byProbabilityThenId);
    best.resize(kept);
}

std::unique_ptr<TokenSampler> LanguageModel::sampler(double temperature) const
{
    if (!(temperature > 0.0) || !std::isfinite(temperature)) {
        throw std::invalid_argument("a sampling temperature must be positive and finite, not " +
                                    std::to_string(temperature));
    }
    return std::make_unique<DistributionSampler>(*this, temperature);
}

double perplexity(const LanguageModel& model, std::span<const TokenId> tokens)
{
    return continuationPerplexity(model, {}, tokens);
}

double LanguageModel::logLikelihood(std::span<const TokenId> prompt, std::span<const TokenId> continuation) const
{
    const auto contextLength = static_cast<std::size_t>(std::max(order() - 1, 0));
    std::vector<TokenId> sequence(prompt.begin(), prompt.end());
    sequence.insert(sequence.end(), continuation.begin(), continuation.end());
    double sum = 0.0;
    for (std::size_t i = prompt.size(); i < sequence.size(); ++i) {
        const std::size_t start = i > contextLength ? i - contextLength : 0;
        sum += logProbability(std::span(sequence).subspan(start, i - start), sequence[i]);
    }
    return sum;
}

double continuationPerplexity(const LanguageModel& model, std::span<const TokenId> prompt,
                              std::span<const TokenId> continuation)
{
    if (continuation.empty()) {
        return 1.0;
    }
    const double logLikelihood = model.logLikelihood(prompt, continuation);
    if (logLikelihood == -std::numeric_limits<double>::infinity()) {
        return std::numeric_limits<double>::infinity();
    }
    return std::exp(-logLikelihood / static_cast<double>(continuation.size()));
}

} // namespace collapse::text
