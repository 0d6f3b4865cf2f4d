#pragma once

// The text model: a word-level language model trained, generation after generation, on its own writing,
// as Shumailov et al. fine-tuned OPT-125m on wikitext-2 (core/README.md, "text"): an n-gram model fitted
// afresh each generation, or a small transformer whose pretrained weights each generation fine-tunes.

#include "core/experiment.h"
#include "core/metric.h"
#include "core/models/text/language_model.h"
#include "core/models/text/neural_text.h"
#include "core/models/text/text_corpus.h"
#include "core/models/text/text_settings.h"

#include <memory>
#include <string>
#include <vector>

namespace collapse {

namespace text_metrics {

inline constexpr MetricDescriptor perplexityReal{
    "perplexity_real", COLLAPSE_TRANSLATABLE("Metrics", "Perplexity of real text"),
    "The generation's model on the held-out tenth of the corpus: exp of the mean negative log-probability per "
    "word.",
    1.0};
inline constexpr MetricDescriptor perplexityGen0{
    "perplexity_gen0", COLLAPSE_TRANSLATABLE("Metrics", "Perplexity under generation 0"),
    "Median per-sequence perplexity of the generation's synthetic sequences under the generation-0 model (the "
    "x-axis of the paper's Fig. 1b).",
    1.0};
inline constexpr MetricDescriptor perplexityGen0Tail{
    "perplexity_gen0_p90", COLLAPSE_TRANSLATABLE("Metrics", "Perplexity under generation 0, p90"),
    "The 90th percentile of the generation's per-sequence perplexities under the generation-0 model: the right "
    "tail of the paper's Fig. 1b histogram.",
    1.0};
inline constexpr MetricDescriptor vocabulary{"vocabulary", COLLAPSE_TRANSLATABLE("Metrics", "Words in use"),
                                             "Distinct words in the generation's synthetic sequences.", 0.0};
inline constexpr MetricDescriptor distinct2{"distinct_2", COLLAPSE_TRANSLATABLE("Metrics", "Distinct word pairs"),
                                            "Distinct bigrams over all bigrams of the synthetic sequences "
                                            "(distinct-2).",
                                            0.0, 1.0};
inline constexpr MetricDescriptor repetition{"repetition", COLLAPSE_TRANSLATABLE("Metrics", "Repeated 4-grams"),
                                             "Share of the synthetic sequences' 4-grams that repeat one earlier in "
                                             "the same sequence.",
                                             0.0, 1.0};

} // namespace text_metrics

// A fitted language model that writes: continuations of real prompts, one per column of `sequence_length`
// token ids (as doubles, exact below 2^53).
class TextModel : public FittedModel {
public:
    TextModel(std::shared_ptr<const text::TextCorpus> corpus, std::shared_ptr<const text::LanguageModel> model,
              const TextSettings& settings);

    // `count` continuations, each of the opening `prompt_length` words of a randomly chosen real training
    // block; λ is the sampling temperature (beam search has none).
    void sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const override;
    // What continuation() samples with at temperature λ, made once for many sequences (at λ != 1 it
    // precomputes p^(1/λ)); null under beam search, which has no temperature.
    std::unique_ptr<text::TokenSampler> sampler(double temperature) const;
    // One continuation of `prompt`, `length` words, as the settings decode: with `sampler` (from sampler())
    // when sampling.
    std::vector<text::TokenId> continuation(std::span<const text::TokenId> prompt, int length, text::TokenSampler* sampler,
                                            RandomStream& random) const;

    const text::LanguageModel& languageModel() const { return *model_; }
    const text::TextCorpus& corpus() const { return *corpus_; }

private:
    std::shared_ptr<const text::TextCorpus> corpus_;
    std::shared_ptr<const text::LanguageModel> model_;
    TextSettings settings_;
};

// The corpus a text scenario reads: "austen" (bundled: Jane Austen's six novels) or the path of any UTF-8
// text file; loaded once and shared while in use. Throws DataError naming the file and what is wrong.
std::shared_ptr<const text::TextCorpus> loadTextCorpus(const std::string& dataset, int sequenceLength);

class TextExperiment : public Experiment {
public:
    explicit TextExperiment(const Scenario& scenario);

    // `count` real training blocks.
    void drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;
    std::string transcript(const FittedModel& model) const override;
    // Selection by likelihood is perplexity filtering: a sequence's score is its mean log-probability per
    // word, −ln of its perplexity, under the model that wrote it.
    void scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates, Selection selection,
                      std::span<double> scores) const override;

    const text::TextCorpus& corpus() const { return *corpus_; }
    // The prompts every generation continues on the stage and in the transcripts: evenly spaced in the
    // held-out text, so no model has trained on them.
    std::vector<std::span<const text::TokenId>> fixedPrompts() const;
    // The same for any corpus; DataError when its held-out part is shorter than a prompt.
    static std::vector<std::span<const text::TokenId>> promptsOf(const text::TextCorpus& corpus, const TextSettings& settings);
    // The fixed prompts continued by `model`, with the same random numbers in every generation, so that
    // what changes between generations is the model.
    std::vector<std::vector<text::TokenId>> fixedContinuations(const FittedModel& model) const;

    static constexpr int kFixedPrompts = 4;
    // The held-out text perplexity_real reads: all of it for the n-gram model; for the transformer, whose
    // every word costs a pass through the network, its first 8192 words (a perplexity from so many words
    // is known to about 3%, far closer than the changes the generations make).
    std::span<const text::TokenId> heldOutMeasured() const;
    static constexpr std::size_t kNetworkHeldOutTokens = 8192;

private:
    std::uint64_t seed_;
    int order_;
    double temperature_;
    TextSettings settings_;
    std::shared_ptr<const text::TextCorpus> corpus_;
    std::shared_ptr<const text::PretrainedModel> pretrained_; // lm = transformer only
};

} // namespace collapse
