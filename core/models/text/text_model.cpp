#include "core/models/text/text_model.h"

#include "core/bundled_data.h"
#include "core/column_summary.h"
#include "core/model_registry.h"
#include "core/models/text/text_reproduction.h"
#include "core/models/text/decoding.h"
#include "core/models/text/ngram_model.h"
#include "core/models/text/tokenizer.h"
#include "core/parameter_builders.h"
#include "core/random.h"

#include <omp.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <unordered_set>

namespace collapse {

namespace {

constexpr const char* kBundledCorpus = "austen";

text::Smoothing smoothingOf(TextSmoothing smoothing)
{
    return smoothing == TextSmoothing::KneserNey ? text::Smoothing::KneserNey : text::Smoothing::None;
}

// A column of token ids (stored as doubles) as ids.
std::vector<text::TokenId> tokensOf(const Eigen::Ref<const Samples>& samples, Eigen::Index column)
{
    std::vector<text::TokenId> tokens(static_cast<std::size_t>(samples.rows()));
    for (Eigen::Index row = 0; row < samples.rows(); ++row) {
        tokens[static_cast<std::size_t>(row)] = static_cast<text::TokenId>(samples(row, column));
    }
    return tokens;
}

} // namespace

// TextModel -------------------------------------------------------------------------------------------

TextModel::TextModel(std::shared_ptr<const text::TextCorpus> corpus, std::shared_ptr<const text::LanguageModel> model,
                     const TextSettings& settings)
    : corpus_(std::move(corpus)), model_(std::move(model)), settings_(settings)
{
}

std::unique_ptr<text::TokenSampler> TextModel::sampler(double temperature) const
{
    return settings_.decoding == Decoding::Sample ? model_->sampler(temperature) : nullptr;
}

std::vector<text::TokenId> TextModel::continuation(std::span<const text::TokenId> prompt, int length,
                                                   text::TokenSampler* sampler, RandomStream& random) const
{
    if (sampler != nullptr) {
        return text::sampleContinuation(*sampler, prompt, length, random);
    }
    // As the paper's Hugging Face generation: beam search with the repetition penalty on the log-softmax
    // scores (generate()'s default, without renormalising).
    return text::beamContinuation(*model_, prompt, length, settings_.beamWidth, settings_.repetitionPenalty,
                                  text::BeamNormalisation::AsPenalised);
}

void TextModel::sampleInto(Samples& sequences, Eigen::Index count, double samplingBias, RandomStream& random) const
{
    const int length = settings_.sequenceLength;
    sequences.resize(length, count);
    const auto write = [&](Eigen::Index i, text::TokenSampler* writer, RandomStream& stream) {
        // The prompts stay real, as in the paper: the opening words of a training block.
        const auto block = corpus_->block(stream.below(corpus_->blockCount()));
        const auto prompt = block.first(static_cast<std::size_t>(settings_.promptLength));
        const std::vector<text::TokenId> words = continuation(prompt, length, writer, stream);
        for (int row = 0; row < length; ++row) {
            // A continuation that ran out of words (every word of probability zero) repeats its last one.
            const std::size_t at = std::min<std::size_t>(static_cast<std::size_t>(row), words.size() - 1);
            sequences(row, i) = words.empty() ? double(prompt.back()) : static_cast<double>(words[at]);
        }
    };
    if (settings_.languageModel == LanguageModelKind::Ngram) {
        const std::unique_ptr<text::TokenSampler> writer = sampler(samplingBias);
        for (Eigen::Index i = 0; i < count; ++i) {
            write(i, writer.get(), random);
        }
        return;
    }
    // A transformer writes a word in the time the n-gram model writes thousands: its sequences are shared
    // out among the threads, each drawing from a stream of its own keyed by one number of `random`, so the
    // text is the same for any thread count.
    const std::uint64_t key = random.below(std::numeric_limits<std::size_t>::max());
#pragma omp parallel
    {
        const std::unique_ptr<text::TokenSampler> writer = sampler(samplingBias);
#pragma omp for schedule(dynamic, 4)
        for (Eigen::Index i = 0; i < count; ++i) {
            RandomStream stream(key, static_cast<std::uint32_t>(i), 0, Purpose::ModelSamples);
            write(i, writer.get(), stream);
        }
    }
}

// The corpus ------------------------------------------------------------------------------------------

std::shared_ptr<const text::TextCorpus> loadTextCorpus(const std::string& dataset, int sequenceLength)
{
    const std::filesystem::path path =
        dataset == kBundledCorpus ? bundledDataFolder(kBundledCorpus) / "austen.txt" : std::filesystem::path(dataset);
    // Loaded corpora are immutable: every experiment on the same file and block length shares one, so a
    // sweep or a slider drag reads and tokenises a corpus once.
    static std::mutex mutex;
    static std::map<std::pair<std::string, int>, std::weak_ptr<const text::TextCorpus>> loaded;
    const std::pair<std::string, int> key{path.string(), sequenceLength};
    {
        const std::lock_guard lock(mutex);
        if (auto corpus = loaded[key].lock()) {
            return corpus;
        }
    }
    auto corpus = std::make_shared<const text::TextCorpus>(text::TextCorpus::load(path, sequenceLength));
    const std::lock_guard lock(mutex);
    loaded[key] = corpus;
    return corpus;
}

// TextExperiment --------------------------------------------------------------------------------------

TextExperiment::TextExperiment(const Scenario& scenario)
    : seed_(scenario.seed), order_(scenario.capacity), temperature_(scenario.samplingBias),
      settings_(scenario.as<TextSettings>()), corpus_(loadTextCorpus(settings_.dataset, settings_.sequenceLength))
{
    // A held-out part too short for a prompt is refused before the run, not in its first generation.
    fixedPrompts();
    if (settings_.languageModel == LanguageModelKind::Transformer) {
        pretrained_ = text::loadPretrained(settings_, *corpus_);
    }
}

void TextExperiment::drawOriginalInto(Samples& blocks, Eigen::Index count, RandomStream& random) const
{
    blocks.resize(settings_.sequenceLength, count);
    for (Eigen::Index i = 0; i < count; ++i) {
        const auto block = corpus_->block(random.below(corpus_->blockCount()));
        for (Eigen::Index row = 0; row < blocks.rows(); ++row) {
            blocks(row, i) = static_cast<double>(block[static_cast<std::size_t>(row)]);
        }
    }
}

std::shared_ptr<const FittedModel> TextExperiment::fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const
{
    std::vector<std::vector<text::TokenId>> sequences;
    sequences.reserve(static_cast<std::size_t>(training.cols()));
    for (Eigen::Index column = 0; column < training.cols(); ++column) {
        sequences.push_back(tokensOf(training, column));
    }
    const std::vector<std::span<const text::TokenId>> spans(sequences.begin(), sequences.end());
    if (pretrained_) {
        return std::make_shared<TextModel>(corpus_, text::fineTune(*pretrained_, spans, settings_, random), settings_);
    }
    auto model = std::make_shared<const text::NgramModel>(spans, corpus_->vocabulary().size(), order_,
                                                          smoothingOf(settings_.smoothing));
    return std::make_shared<TextModel>(corpus_, std::move(model), settings_);
}

void TextExperiment::measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                             std::span<double> values) const
{
    const auto& current = static_cast<const TextModel&>(model).languageModel();
    const auto& first = static_cast<const TextModel&>(firstModel).languageModel();
    const text::RareTail& tail = corpus_->rareTail();

    std::unordered_set<text::TokenId> words;
    std::unordered_set<std::uint64_t> pairs;
    std::size_t rare = 0;
    std::size_t bigrams = 0;
    std::size_t fourGrams = 0;
    std::size_t repeated = 0;
    // Each sequence's perplexity under generation 0, the sequences shared out among the threads.
    std::vector<double> perplexities(static_cast<std::size_t>(drawn.cols()));
#pragma omp parallel for schedule(dynamic, 16)
    for (Eigen::Index column = 0; column < drawn.cols(); ++column) {
        perplexities[static_cast<std::size_t>(column)] = text::perplexity(first, tokensOf(drawn, column));
    }
    for (Eigen::Index column = 0; column < drawn.cols(); ++column) {
        const std::vector<text::TokenId> sequence = tokensOf(drawn, column);
        std::set<std::array<text::TokenId, 4>> seenFourGrams;
        for (std::size_t i = 0; i < sequence.size(); ++i) {
            words.insert(sequence[i]);
            rare += tail.contains(sequence[i]) ? 1 : 0;
            if (i >= 1) {
                pairs.insert((std::uint64_t{sequence[i - 1]} << 32) | sequence[i]);
                ++bigrams;
            }
            if (i >= 3) {
                const std::array<text::TokenId, 4> fourGram{sequence[i - 3], sequence[i - 2], sequence[i - 1], sequence[i]};
                repeated += seenFourGrams.insert(fourGram).second ? 0 : 1;
                ++fourGrams;
            }
        }
    }
    const auto tokens = static_cast<double>(drawn.size());
    values[0] = tokens > 0.0 ? static_cast<double>(rare) / tokens : std::nan("");
    values[1] = text::perplexity(current, heldOutMeasured());
    std::sort(perplexities.begin(), perplexities.end());
    const std::size_t middle = perplexities.size() / 2;
    values[2] = perplexities.empty() ? std::nan("")
                : perplexities.size() % 2 == 1 ? perplexities[middle]
                                               : 0.5 * (perplexities[middle - 1] + perplexities[middle]);
    values[3] = perplexities.empty() ? std::nan("") : quantileOfSorted(perplexities, 0.9);
    values[4] = static_cast<double>(words.size());
    values[5] = bigrams > 0 ? static_cast<double>(pairs.size()) / static_cast<double>(bigrams) : std::nan("");
    values[6] = fourGrams > 0 ? static_cast<double>(repeated) / static_cast<double>(fourGrams) : std::nan("");
}

std::span<const text::TokenId> TextExperiment::heldOutMeasured() const
{
    const std::span<const text::TokenId> heldOut = corpus_->heldOutTokens();
    return pretrained_ ? heldOut.first(std::min(heldOut.size(), kNetworkHeldOutTokens)) : heldOut;
}

std::vector<std::span<const text::TokenId>> TextExperiment::promptsOf(const text::TextCorpus& corpus, const TextSettings& settings)
{
    return corpus.prompts(kFixedPrompts, static_cast<std::size_t>(settings.promptLength));
}

std::vector<std::span<const text::TokenId>> TextExperiment::fixedPrompts() const
{
    return promptsOf(*corpus_, settings_);
}

std::vector<std::vector<text::TokenId>> TextExperiment::fixedContinuations(const FittedModel& model) const
{
    const auto& writer = static_cast<const TextModel&>(model);
    std::vector<std::vector<text::TokenId>> continuations;
    const auto prompts = fixedPrompts();
    const std::unique_ptr<text::TokenSampler> sampler = writer.sampler(temperature_);
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        // The same numbers in every generation: only the model differs.
        RandomStream random(seed_, static_cast<std::uint32_t>(i), 0, Purpose::Display);
        continuations.push_back(writer.continuation(prompts[i], settings_.sequenceLength, sampler.get(), random));
    }
    return continuations;
}

void TextExperiment::scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates, Selection,
                                  std::span<double> scores) const
{
    const auto& language = static_cast<const TextModel&>(model).languageModel();
#pragma omp parallel for schedule(dynamic, 16)
    for (Eigen::Index column = 0; column < candidates.cols(); ++column) {
        scores[static_cast<std::size_t>(column)] = -std::log(text::perplexity(language, tokensOf(candidates, column)));
    }
}

std::string TextExperiment::transcript(const FittedModel& model) const
{
    const text::Vocabulary& vocabulary = corpus_->vocabulary();
    const auto prompts = fixedPrompts();
    const auto continuations = fixedContinuations(model);
    std::string written;
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        written += "Prompt " + std::to_string(i + 1) + ": " + text::detokenize(corpus_->heldOutWords(prompts[i])) + "\n";
        written += "Continued: " + vocabulary.detokenize(continuations[i]) + "\n\n";
    }
    return written;
}

// The descriptor --------------------------------------------------------------------------------------

const ModelDescriptor& TextSettings::descriptor()
{
    static const ModelDescriptor model = [] {
        using namespace parameters;
        ModelDescriptor d;
        d.name = "text";
        d.title = COLLAPSE_TRANSLATABLE("Models", "Text (language model)");
        d.defaults = {.samples = 1000, .generations = 20, .replicates = 8, .capacity = 3};
        d.capacity = {1, text::NgramModel::kMaximumOrder, "n-gram order"};
        d.capacityApplies = [](const Scenario& scenario) {
            return scenario.as<TextSettings>().languageModel == LanguageModelKind::Ngram;
        };
        ParameterSpec dataset = parameters::text("dataset", &TextSettings::dataset, COLLAPSE_TRANSLATABLE("Parameters", "Text"),
                                     COLLAPSE_TRANSLATABLE("Parameters", "The real text: the bundled novels of Jane "
                                                                         "Austen, or any UTF-8 text file; its last "
                                                                         "tenth is held out."));
        dataset.editor = ParameterEditor::File;
        dataset.fileFilter = COLLAPSE_TRANSLATABLE("Parameters", "Text files (*.txt *.raw *.tokens)");
        ParameterSpec penalty = real("repetition_penalty", &TextSettings::repetitionPenalty, 1.0, false, 10.0,
                                     COLLAPSE_TRANSLATABLE("Parameters", "Repetition penalty"),
                                     COLLAPSE_TRANSLATABLE("Parameters", "Beam search scales down a word the sequence "
                                                                         "already holds, as the paper's decoding did "
                                                                         "(3); 1 for none."));
        penalty.decimals = 1;
        penalty.applies = [](const Scenario& scenario) { return scenario.as<TextSettings>().decoding == Decoding::Beam; };
        ParameterSpec width = integer("beam_width", &TextSettings::beamWidth, 1, 16,
                                      COLLAPSE_TRANSLATABLE("Parameters", "Beam width"),
                                      COLLAPSE_TRANSLATABLE("Parameters", "Continuations beam search keeps at each "
                                                                          "word (5 in the paper)."));
        width.applies = penalty.applies;
        const auto neural = [](const Scenario& scenario) {
            return scenario.as<TextSettings>().languageModel == LanguageModelKind::Transformer;
        };
        ParameterSpec languageModel =
            choice("lm", &TextSettings::languageModel,
                   {{{"ngram", COLLAPSE_TRANSLATABLE("Parameters", "n-gram model")}, LanguageModelKind::Ngram},
                    {{"transformer", COLLAPSE_TRANSLATABLE("Parameters", "Transformer (neural)")}, LanguageModelKind::Transformer}},
                   COLLAPSE_TRANSLATABLE("Parameters", "Language model"),
                   COLLAPSE_TRANSLATABLE("Parameters", "An n-gram model counted afresh each generation, or a small "
                                                       "GPT-style transformer whose pretrained weights each "
                                                       "generation fine-tunes, as the paper fine-tuned OPT-125m."));
        ParameterSpec weights = parameters::text("weights", &TextSettings::weights, COLLAPSE_TRANSLATABLE("Parameters", "Pretrained weights"),
                                                 COLLAPSE_TRANSLATABLE("Parameters", "The transformer every generation starts "
                                                                                     "from: the one shipped, pretrained on "
                                                                                     "Jane Austen, or a file made by "
                                                                                     "collapselab-cli pretrain."));
        weights.editor = ParameterEditor::File;
        weights.fileFilter = COLLAPSE_TRANSLATABLE("Parameters", "Weights files (*.weights)");
        weights.applies = neural;
        std::vector<ParameterSpec> shape = {
            integer("vocabulary_size", &TextSettings::vocabularySize, 3, 1 << 20, COLLAPSE_TRANSLATABLE("Parameters", "Vocabulary"),
                    COLLAPSE_TRANSLATABLE("Parameters", "Words the transformer knows, the most frequent; rarer ones "
                                                        "are <unk> to it.")),
            integer("context", &TextSettings::context, 5, 4096, COLLAPSE_TRANSLATABLE("Parameters", "Context"),
                    COLLAPSE_TRANSLATABLE("Parameters", "Positions the transformer reads: the start mark, the prompt and "
                                                        "the words written so far.")),
            integer("width", &TextSettings::width, 1, 4096, COLLAPSE_TRANSLATABLE("Parameters", "Width"),
                    COLLAPSE_TRANSLATABLE("Parameters", "Numbers per position in the transformer's layers.")),
            integer("layers", &TextSettings::layers, 1, 64, COLLAPSE_TRANSLATABLE("Parameters", "Layers"),
                    COLLAPSE_TRANSLATABLE("Parameters", "Transformer blocks, each attention and an MLP.")),
            integer("heads", &TextSettings::heads, 1, 64, COLLAPSE_TRANSLATABLE("Parameters", "Attention heads"),
                    COLLAPSE_TRANSLATABLE("Parameters", "Heads of each attention layer; they divide the width.")),
            integer("epochs", &TextSettings::epochs, 1, 1000, COLLAPSE_TRANSLATABLE("Parameters", "Epochs"),
                    COLLAPSE_TRANSLATABLE("Parameters", "Passes of each generation's fine-tuning over its text.")),
            integer("batch", &TextSettings::batch, 1, 65536, COLLAPSE_TRANSLATABLE("Parameters", "Batch size"),
                    COLLAPSE_TRANSLATABLE("Parameters", "Sequences per step of the fine-tuning."))};
        ParameterSpec learningRate = real("learning_rate", &TextSettings::learningRate, 0.0, true, 1.0,
                                          COLLAPSE_TRANSLATABLE("Parameters", "Learning rate"),
                                          COLLAPSE_TRANSLATABLE("Parameters", "AdamW's peak step size in the "
                                                                              "fine-tuning."));
        learningRate.editor = ParameterEditor::Suggestions;
        learningRate.suggestions = {1e-3, 3e-4, 1e-4, 3e-5};
        shape.push_back(learningRate);
        for (ParameterSpec& spec : shape) {
            spec.applies = neural;
            // Widths and head counts that divide one another, offered as such.
            if (spec.key == "width") {
                spec.editor = ParameterEditor::Suggestions;
                spec.suggestions = {64, 128, 256, 512};
            } else if (spec.key == "heads") {
                spec.editor = ParameterEditor::Suggestions;
                spec.suggestions = {1, 2, 4, 8};
            }
        }
        ParameterSpec smoothing = choice("smoothing", &TextSettings::smoothing,
                               {{{"kneser_ney", COLLAPSE_TRANSLATABLE("Parameters", "Kneser–Ney")}, TextSmoothing::KneserNey},
                                {{"none", COLLAPSE_TRANSLATABLE("Parameters", "None (maximum likelihood)")}, TextSmoothing::None}},
                               COLLAPSE_TRANSLATABLE("Parameters", "Smoothing"),
                               COLLAPSE_TRANSLATABLE("Parameters", "Kneser–Ney gives unseen word sequences some "
                                                                   "probability; none counts only what was seen, so "
                                                                   "a word once lost never returns."));
        smoothing.applies = [](const Scenario& scenario) { return scenario.as<TextSettings>().languageModel == LanguageModelKind::Ngram; };
        d.parameters = {languageModel, dataset,
                        integer("sequence_length", &TextSettings::sequenceLength, 4, 1024,
                                COLLAPSE_TRANSLATABLE("Parameters", "Sequence length"),
                                COLLAPSE_TRANSLATABLE("Parameters", "Words in each training sequence; a generation "
                                                                    "writes this many after each prompt.")),
                        integer("prompt_length", &TextSettings::promptLength, 1, 1024,
                                COLLAPSE_TRANSLATABLE("Parameters", "Prompt length"),
                                COLLAPSE_TRANSLATABLE("Parameters", "Real words that open each written sequence; "
                                                                    "only what the model adds is trained on.")),
                        smoothing,
                        choice("decoding", &TextSettings::decoding,
                               {{{"sample", COLLAPSE_TRANSLATABLE("Parameters", "Sampling")}, Decoding::Sample},
                                {{"beam", COLLAPSE_TRANSLATABLE("Parameters", "Beam search")}, Decoding::Beam}},
                               COLLAPSE_TRANSLATABLE("Parameters", "Decoding"),
                               COLLAPSE_TRANSLATABLE("Parameters", "Sampling draws each word (sampling bias below 1 "
                                                                   "sharpens, as a temperature); beam search writes "
                                                                   "the likeliest text, as the paper did.")),
                        width,
                        penalty,
                        weights};
        d.parameters.insert(d.parameters.end(), shape.begin(), shape.end());
        d.metrics = {&common_metrics::tailMass,   &text_metrics::perplexityReal, &text_metrics::perplexityGen0,
                     &text_metrics::perplexityGen0Tail, &text_metrics::vocabulary, &text_metrics::distinct2,
                     &text_metrics::repetition};
        // The variety of words is the text's spread; its rare words are its tails.
        d.roles = {&common_metrics::tailMass, &text_metrics::vocabulary, &text_metrics::perplexityReal};
        // How far from the original: the perplexity of real text, up 1.5 times (drifting) or 4 times
        // (part of the language lost).
        d.roles.fit = &text_metrics::perplexityReal;
        d.roles.fitKind = MetricRoles::FitKind::Perplexity;
        d.roles.noticeableFitLoss = std::log(1.5);
        d.roles.severeFitLoss = std::log(4.0);
        // Beam search writes fewer distinct words than there are in the corpus even in generation 0;
        // late collapse is a vocabulary down to a twelfth of that. The words say what the stage shows
        // beside them: each prompt is still continued in its own way, from that small stock of words.
        d.roles.collapsedSpread = 0.08;
        d.roles.earlyCollapseByFit = COLLAPSE_TRANSLATABLE("Narration", "Early model collapse: word for word, real "
                                                                        "text is %1 times less likely than under "
                                                                        "generation 0. The model is forgetting the "
                                                                        "language it learned.");
        d.roles.lateCollapse = COLLAPSE_TRANSLATABLE("Narration", "Late model collapse: the model writes from a small "
                                                                  "stock of words, under a twelfth of generation 0's, "
                                                                  "and repeats its phrases. What is left bears little "
                                                                  "resemblance to the original text.");
        d.roles.lateCollapseBriefly = COLLAPSE_TRANSLATABLE("Narration", "late collapse: a twelfth of the words it "
                                                                         "started with.");
        d.check = [](const Scenario& scenario) {
            const TextSettings& settings = scenario.as<TextSettings>();
            if (settings.promptLength >= settings.sequenceLength) {
                throw ScenarioError("\"prompt_length\" must be shorter than \"sequence_length\" (" +
                                    std::to_string(settings.promptLength) + " is not less than " +
                                    std::to_string(settings.sequenceLength) + ")");
            }
            if (settings.languageModel != LanguageModelKind::Transformer) {
                return;
            }
            // The transformer reads <s>, the prompt and all but the last word it writes.
            if (settings.promptLength + settings.sequenceLength > settings.context) {
                throw ScenarioError("with \"lm\" transformer, \"prompt_length\" + \"sequence_length\" (" +
                                    std::to_string(settings.promptLength + settings.sequenceLength) +
                                    ") must be at most \"context\" (" + std::to_string(settings.context) + ")");
            }
            if (settings.width % settings.heads != 0) {
                throw ScenarioError("\"heads\" (" + std::to_string(settings.heads) + ") must divide \"width\" (" +
                                    std::to_string(settings.width) + ")");
            }
        };
        // The transformer reads the prompt and what it writes within its context: a change that overflows it
        // takes the room from the other length (from the written sequence when the context itself or the
        // model changed).
        d.follow = [](Scenario& scenario, std::string_view key) {
            TextSettings& settings = scenario.as<TextSettings>();
            if (settings.languageModel != LanguageModelKind::Transformer ||
                settings.promptLength + settings.sequenceLength <= settings.context) {
                return;
            }
            if (key == "sequence_length") {
                settings.promptLength = std::max(1, settings.context - settings.sequenceLength);
            } else {
                settings.sequenceLength = std::max(settings.promptLength + 1, settings.context - settings.promptLength);
            }
        };
        // A transformer scenario that does not give the written length writes what its context has room for.
        d.complete = [](Scenario& scenario, const nlohmann::json& given) {
            TextSettings& settings = scenario.as<TextSettings>();
            if (settings.languageModel == LanguageModelKind::Transformer && !given.contains("sequence_length")) {
                settings.sequenceLength = std::min(settings.sequenceLength, std::max(1, settings.context - settings.promptLength));
            }
        };
        d.valuesPerSample = [](const Scenario& scenario) { return static_cast<double>(scenario.as<TextSettings>().sequenceLength); };
        d.makeExperiment = [](const Scenario& scenario) { return std::make_unique<TextExperiment>(scenario); };
        d.reproduction = textReproduction;
        d.scoresByLikelihood = true;
        d.checkData = [](const Scenario& scenario) {
            const TextSettings& settings = scenario.as<TextSettings>();
            const auto corpus = loadTextCorpus(settings.dataset, settings.sequenceLength);
            TextExperiment::promptsOf(*corpus, settings);
            if (settings.languageModel == LanguageModelKind::Transformer) {
                text::loadPretrained(settings, *corpus);
            }
        };
        d.modelBytes = [](const Scenario& scenario) {
            const TextSettings& settings = scenario.as<TextSettings>();
            return settings.languageModel == LanguageModelKind::Transformer
                       ? text::neuralModelBytes(settings, omp_get_max_threads())
                       : 0.0;
        };
        return d;
    }();
    return model;
}

} // namespace collapse
