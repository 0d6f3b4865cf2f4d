#include "core/models/text/transformer_language_model.h"

#include "core/models/text/text_corpus.h"
#include "core/models/text/vocabulary.h"
#include "core/random.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace collapse::text {

namespace {

std::atomic<std::uint64_t> nextSerial{1};

// Decoding states of one thread, each holding the keys and values of the tokens it was fed: a query
// reuses the state that shares the longest prefix with it. Few states suffice: sampling extends one
// sequence, beam search a handful.
class PrefixCache {
public:
    static constexpr std::size_t kStates = 8;

    // The logits after model ids `inputs` (<s> first).
    const Eigen::VectorXf& logitsAfter(std::uint64_t serial, const TransformerParameters& parameters,
                                       std::span<const std::int32_t> inputs)
    {
        if (serial != serial_) {
            entries_.clear();
            serial_ = serial;
        }
        ++clock_;
        // The entry sharing the longest prefix with `inputs`.
        Entry* best = nullptr;
        std::size_t shared = 0;
        for (Entry& entry : entries_) {
            const auto mismatch = std::mismatch(entry.tokens.begin(), entry.tokens.end(), inputs.begin(), inputs.end());
            const auto common = static_cast<std::size_t>(mismatch.first - entry.tokens.begin());
            if (common > shared || (best == nullptr && common == shared)) {
                best = &entry;
                shared = common;
            }
        }
        if (best != nullptr && shared == inputs.size() && best->tokens.size() == inputs.size()) {
            best->lastUse = clock_;
            return best->state.logits();
        }
        // The logits after the last input come from feeding it: when `inputs` is a prefix of a longer
        // cached sequence, all but its last token are copied.
        shared = std::min(shared, inputs.size() - 1);
        // Extend the best entry in place when all of it is a prefix (a state that shared part of it can
        // still copy that part later); otherwise copy the shared part into the least recently used slot.
        Entry* target = best;
        if (best == nullptr || shared < best->tokens.size()) {
            target = slotFor(parameters, best);
            if (best != nullptr && shared > 0) {
                target->state.copyPrefix(best->state, static_cast<int>(shared));
            } else {
                target->state.clear();
                shared = 0;
            }
            target->tokens.assign(inputs.begin(), inputs.begin() + static_cast<std::ptrdiff_t>(shared));
        }
        for (std::size_t i = shared; i < inputs.size(); ++i) {
            target->state.feed(parameters, inputs[i]);
            target->tokens.push_back(inputs[i]);
        }
        target->lastUse = clock_;
        return target->state.logits();
    }

private:
    struct Entry {
        explicit Entry(const TransformerParameters& parameters) : state(parameters) {}
        std::vector<std::int32_t> tokens;
        DecodingState state;
        std::uint64_t lastUse = 0;
    };

    Entry* slotFor(const TransformerParameters& parameters, const Entry* keep)
    {
        if (entries_.size() < kStates) {
            // Reserved up front, so that growing never moves an entry a caller holds.
            entries_.reserve(kStates);
            return &entries_.emplace_back(parameters);
        }
        Entry* oldest = nullptr;
        for (Entry& entry : entries_) {
            if (&entry != keep && (oldest == nullptr || entry.lastUse < oldest->lastUse)) {
                oldest = &entry;
            }
        }
        return oldest;
    }

    std::uint64_t serial_ = 0;
    std::uint64_t clock_ = 0;
    std::vector<Entry> entries_;
};

PrefixCache& threadCache()
{
    thread_local PrefixCache cache;
    return cache;
}

// Sampling at temperature λ from the cached logits: softmax(logits / λ) over the words.
class TransformerSampler final : public TokenSampler {
public:
    TransformerSampler(const TransformerLanguageModel& model, double temperature, std::function<void(std::span<const TokenId>, Eigen::VectorXf&)> logits)
        : model_(model), inverseTemperature_(1.0 / temperature), logits_(std::move(logits))
    {
    }

    TokenId next(std::span<const TokenId> context, RandomStream& random) override
    {
        logits_(context, scratch_);
        const ModelVocabulary& vocabulary = model_.modelVocabulary();
        weights_.resize(static_cast<std::size_t>(vocabulary.size()));
        weights_[kUnknownToken] = 0.0;
        weights_[kSequenceStart] = 0.0;
        double largest = -std::numeric_limits<double>::infinity();
        for (int id = kFirstWordToken; id < vocabulary.size(); ++id) {
            largest = std::max(largest, double(scratch_[id]));
        }
        for (int id = kFirstWordToken; id < vocabulary.size(); ++id) {
            weights_[static_cast<std::size_t>(id)] = std::exp((double(scratch_[id]) - largest) * inverseTemperature_);
        }
        return vocabulary.corpusId(static_cast<std::int32_t>(random.categorical(weights_)));
    }

private:
    const TransformerLanguageModel& model_;
    double inverseTemperature_;
    std::function<void(std::span<const TokenId>, Eigen::VectorXf&)> logits_;
    Eigen::VectorXf scratch_;
    std::vector<double> weights_;
};

} // namespace

// ModelVocabulary ---------------------------------------------------------------------------------------

ModelVocabulary ModelVocabulary::mostFrequent(const TextCorpus& corpus, int size)
{
    const std::span<const std::uint64_t> counts = corpus.trainingCounts();
    std::vector<TokenId> words(counts.size() - kFirstWordToken);
    std::iota(words.begin(), words.end(), kFirstWordToken);
    std::stable_sort(words.begin(), words.end(), [&](TokenId a, TokenId b) { return counts[a] > counts[b]; });
    words.resize(std::min(words.size(), static_cast<std::size_t>(std::max(size - 2, 0))));
    ModelVocabulary vocabulary;
    vocabulary.corpusIds_ = {kUnknownToken, kSequenceStart};
    vocabulary.corpusIds_.insert(vocabulary.corpusIds_.end(), words.begin(), words.end());
    vocabulary.modelIds_.assign(counts.size(), 0);
    vocabulary.modelIds_[kSequenceStart] = 1;
    for (std::size_t id = kFirstWordToken; id < vocabulary.corpusIds_.size(); ++id) {
        vocabulary.modelIds_[vocabulary.corpusIds_[id]] = static_cast<std::int32_t>(id);
    }
    return vocabulary;
}

ModelVocabulary ModelVocabulary::ofWords(std::span<const std::string> words, const Vocabulary& corpusVocabulary)
{
    ModelVocabulary vocabulary;
    vocabulary.modelIds_.assign(corpusVocabulary.size(), 0);
    vocabulary.modelIds_[kSequenceStart] = 1;
    vocabulary.corpusIds_ = {kUnknownToken, kSequenceStart};
    for (std::size_t id = kFirstWordToken; id < words.size(); ++id) {
        const TokenId corpusId = corpusVocabulary.find(words[id]);
        vocabulary.corpusIds_.push_back(corpusId);
        if (corpusId != kUnknownToken) {
            vocabulary.modelIds_[corpusId] = static_cast<std::int32_t>(id);
        }
    }
    return vocabulary;
}

std::vector<std::string> ModelVocabulary::words(const Vocabulary& vocabulary) const
{
    std::vector<std::string> words;
    words.reserve(corpusIds_.size());
    for (const TokenId id : corpusIds_) {
        words.push_back(vocabulary.word(id));
    }
    return words;
}

// TransformerLanguageModel ------------------------------------------------------------------------------

TransformerLanguageModel::TransformerLanguageModel(std::shared_ptr<const TransformerParameters> parameters,
                                                   ModelVocabulary vocabulary)
    : parameters_(std::move(parameters)), vocabulary_(std::move(vocabulary)), serial_(nextSerial++)
{
    if (parameters_->shape().vocabulary != vocabulary_.size()) {
        throw std::invalid_argument("the transformer's vocabulary and its words differ in size");
    }
}

void TransformerLanguageModel::logits(std::span<const TokenId> context, Eigen::VectorXf& out) const
{
    const auto kept = std::min<std::size_t>(context.size(), static_cast<std::size_t>(order() - 1));
    std::vector<std::int32_t> inputs{static_cast<std::int32_t>(kSequenceStart)};
    for (const TokenId id : context.last(kept)) {
        inputs.push_back(vocabulary_.modelId(id));
    }
    out = threadCache().logitsAfter(serial_, *parameters_, inputs);
    // <s> is never a next token.
    out[kSequenceStart] = -std::numeric_limits<float>::infinity();
    const float largest = out.maxCoeff();
    out.array() -= largest + std::log((out.array() - largest).exp().sum());
}

double TransformerLanguageModel::logProbability(std::span<const TokenId> context, TokenId next) const
{
    if (next == kSequenceStart) {
        return -std::numeric_limits<double>::infinity();
    }
    Eigen::VectorXf scores;
    logits(context, scores);
    return scores[vocabulary_.modelId(next)];
}

void TransformerLanguageModel::distribution(std::span<const TokenId> context, std::span<double> probabilities) const
{
    Eigen::VectorXf scores;
    logits(context, scores);
    std::fill(probabilities.begin(), probabilities.end(), 0.0);
    for (int id = 0; id < vocabulary_.size(); ++id) {
        if (id != kSequenceStart && (id == kUnknownToken || vocabulary_.corpusId(id) != kUnknownToken)) {
            probabilities[vocabulary_.corpusId(id)] += std::exp(double(scores[id]));
        }
    }
}

std::unique_ptr<TokenSampler> TransformerLanguageModel::sampler(double temperature) const
{
    if (!(temperature > 0.0) || !std::isfinite(temperature)) {
        throw std::invalid_argument("a sampling temperature must be positive and finite, not " + std::to_string(temperature));
    }
    return std::make_unique<TransformerSampler>(
        *this, temperature, [this](std::span<const TokenId> context, Eigen::VectorXf& out) { logits(context, out); });
}

double TransformerLanguageModel::logLikelihood(std::span<const TokenId> prompt, std::span<const TokenId> continuation) const
{
    std::vector<std::int32_t> sequence;
    sequence.reserve(prompt.size() + continuation.size());
    for (const TokenId id : prompt) {
        sequence.push_back(vocabulary_.modelId(id));
    }
    for (const TokenId id : continuation) {
        sequence.push_back(vocabulary_.modelId(id));
    }
    const auto context = static_cast<std::size_t>(order());
    const std::size_t stride = std::max<std::size_t>(1, context / 2);
    // Window w reads <s> and sequence[start, start + context − 1) and predicts sequence[start, start + context).
    std::vector<std::size_t> starts;
    for (std::size_t start = 0;; start += stride) {
        starts.push_back(start);
        if (start + context >= sequence.size()) {
            break;
        }
    }
    std::vector<double> sums(starts.size(), 0.0);
    bool impossible = false;
#pragma omp parallel for schedule(static) reduction(|| : impossible)
    for (std::size_t w = 0; w < starts.size(); ++w) {
        const std::size_t start = starts[w];
        const std::size_t end = std::min(sequence.size(), start + context);
        std::vector<std::int32_t> inputs{static_cast<std::int32_t>(kSequenceStart)};
        inputs.insert(inputs.end(), sequence.begin() + static_cast<std::ptrdiff_t>(start),
                      sequence.begin() + static_cast<std::ptrdiff_t>(end - 1));
        thread_local TransformerWorkspace workspace;
        thread_local Eigen::MatrixXf logProbabilities;
        logProbabilitiesAfter(*parameters_, inputs, workspace, logProbabilities);
        // Scored here: the tokens after the previous window's last, and from the prompt's end on.
        const std::size_t firstScored = std::max(w == 0 ? start : starts[w - 1] + context, prompt.size());
        for (std::size_t i = firstScored; i < end; ++i) {
            impossible = impossible || sequence[i] == kSequenceStart;
            // ln p over the words and <unk>, <s> taken out as logits() does.
            auto column = logProbabilities.col(static_cast<Eigen::Index>(i - start));
            const double withoutStart = std::log1p(-std::exp(double(column[kSequenceStart])));
            sums[w] += double(column[sequence[i]]) - withoutStart;
        }
    }
    if (impossible) {
        return -std::numeric_limits<double>::infinity();
    }
    return std::accumulate(sums.begin(), sums.end(), 0.0);
}

} // namespace collapse::text
