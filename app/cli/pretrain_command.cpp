// collapselab-cli pretrain: the text model's transformer pretrained on a corpus, once, into a weights file
// that scenarios with "lm": "transformer" fine-tune generation after generation.

#include "app/cli/commands.h"
#include "app/cli/common.h"
#include "core/model_registry.h"
#include "core/models/text/neural_text.h"
#include "core/models/text/ngram_model.h"
#include "core/models/text/text_corpus.h"
#include "core/models/text/text_model.h"
#include "core/output_files.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace collapse::cli {

namespace {

// Thrown from the progress callback when SIGINT or SIGTERM arrives: the training stops between steps.
struct Interrupted {};

// A bar redrawn in place on a terminal; on a log, a line every ten seconds.
class ProgressBar {
public:
    void update(long long step, long long steps, double loss)
    {
        const auto now = std::chrono::steady_clock::now();
        const bool terminal = ::isatty(STDERR_FILENO) != 0;
        if (step < steps && now - lastPrint_ < (terminal ? std::chrono::milliseconds(200) : std::chrono::seconds(10))) {
            return;
        }
        lastPrint_ = now;
        const double done = static_cast<double>(step) / static_cast<double>(steps);
        const double seconds = std::chrono::duration<double>(now - start_).count();
        const double remaining = done > 0.0 ? seconds * (1.0 - done) / done : 0.0;
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(done * kWidth);
        char line[160];
        std::snprintf(line, sizeof line, "collapselab-cli: pretraining [%s%s] %3.0f%%, step %lld of %lld, loss %.3f, %.0f s left",
                      std::string(static_cast<std::size_t>(filled), '#').c_str(),
                      std::string(static_cast<std::size_t>(kWidth - filled), '.').c_str(), 100.0 * done, step, steps, loss,
                      remaining);
        std::cerr << (terminal ? "\r" : "") << line << (terminal && step < steps ? "" : "\n") << std::flush;
    }

private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point lastPrint_{};
};

int pretrain(const Invocation& invocation)
{
    ScenarioOptions options;
    std::optional<std::string> out;
    text::Pretraining pretraining;
    for (const GivenOption& given : parseArguments(pretrainCommand(), invocation.arguments).options) {
        if (given.name == "--out") {
            out = given.value;
        } else if (given.name == "--epochs") {
            pretraining.training.epochs = parsePositive(given.name, given.value, 100000);
        } else if (given.name == "--batch") {
            pretraining.training.batch = parsePositive(given.name, given.value, 65536);
        } else if (given.name == "--learning-rate") {
            pretraining.training.learningRate = parseNumber(given.name, given.value);
            if (!(pretraining.training.learningRate > 0.0 && pretraining.training.learningRate <= 1.0)) {
                throw UsageError("--learning-rate must be above 0 and at most 1, not " + given.value);
            }
        } else {
            readScenarioOption(given, options);
        }
    }
    if (!out) {
        throw UsageError("pretrain needs --out FILE, the weights file to write");
    }
    if (!options.request.preset && !options.request.file) {
        // Without a scenario, the text model's transformer at its defaults: the shape of the shipped weights.
        options.request.overrides.insert(options.request.overrides.begin(),
                                         {{"pretrain", "model", "text"}, {"pretrain", "lm", "transformer"}});
    }
    const std::vector<LabelledScenario> scenarios = resolveScenarios(options.request);
    if (scenarios.size() != 1 || scenarios.front().scenario.model().name != "text") {
        throw UsageError("pretrain needs one scenario of the text model, whose keys give the corpus and the shape");
    }
    const Scenario& scenario = scenarios.front().scenario;
    const TextSettings& settings = scenario.as<TextSettings>();
    checkOutputTarget("--out", *out, false);
    pretraining.seed = scenario.seed;
    const auto corpus = loadTextCorpus(settings.dataset, settings.context);
    prepareToRun(options.threads);

    // The command that makes the file, as the file records it, without what does not change the weights
    // (--threads, --out): the same training writes the same bytes wherever it is written.
    std::string provenance = "collapselab-cli pretrain";
    for (std::size_t i = 0; i < invocation.arguments.size(); ++i) {
        const std::string& argument = invocation.arguments[i];
        if (argument == "--threads" || argument == "--out") {
            ++i;
        } else {
            provenance += ' ' + argument;
        }
    }
    ProgressBar bar;
    text::TransformerWeights weights;
    try {
        weights = text::pretrain(*corpus, settings, pretraining, provenance, [&](long long step, long long steps, double loss) {
            if (interrupted) {
                throw Interrupted{};
            }
            bar.update(step, steps, loss);
        });
    } catch (const Interrupted&) {
        std::cerr << "\ncollapselab-cli: interrupted; nothing written\n";
        return kExitFailure;
    }
    const text::ModelVocabulary vocabulary = text::ModelVocabulary::ofWords(weights.words, corpus->vocabulary());
    const text::TransformerLanguageModel model(weights.parameters, vocabulary);
    text::saveWeights(*out, weights);
    std::cerr << "collapselab-cli: weights written to " << *out << '\n';
    // Beside it, the order-3 Kneser–Ney model on the same split, the words outside the transformer's
    // vocabulary (and the held-out words outside the corpus's) all one word to it, as <unk> is one to the
    // transformer: the first word outside, which stands for them all.
    text::TokenId outside = text::kFirstWordToken;
    while (outside < corpus->vocabulary().size() && vocabulary.modelId(outside) != 0) {
        ++outside;
    }
    const auto capped = [&](std::span<const text::TokenId> tokens) {
        std::vector<text::TokenId> words(tokens.begin(), tokens.end());
        for (text::TokenId& word : words) {
            word = outside < corpus->vocabulary().size() && vocabulary.modelId(word) == 0 ? outside : word;
        }
        return words;
    };
    const std::vector<text::TokenId> training = capped(corpus->trainingTokens());
    const std::vector<std::span<const text::TokenId>> stream{training};
    const text::NgramModel trigram(stream, corpus->vocabulary().size(), 3, text::Smoothing::KneserNey);
    std::cerr << "collapselab-cli: perplexity of the held-out text " << text::perplexity(model, corpus->heldOutTokens())
              << "; an order-3 Kneser-Ney model on the same split and words: "
              << text::perplexity(trigram, capped(corpus->heldOutTokens())) << '\n';
    return kExitDone;
}

} // namespace

const Command& pretrainCommand()
{
    static const Command command{
        "pretrain",
        "pretrain [--preset NAME | --scenario FILE | --share CODE] [--set KEY=VALUE]... [--seed S]\n"
        "    [--epochs E] [--batch B] [--learning-rate R] [--threads T] --out FILE",
        "pretrain the text model's transformer into a weights file",
        "pretrain trains the transformer of a text scenario (\"lm\": \"transformer\"; without a scenario, the\n"
        "text model's defaults) on the training part of its corpus (\"dataset\"), in blocks of \"context\"\n"
        "words, with AdamW, and writes FILE: its shape, its words and its weights. A scenario names it with\n"
        "\"weights\" and fine-tunes it every generation. The same command and seed write the same bytes on any\n"
        "number of threads. --epochs (8), --batch (32) and --learning-rate (0.001) set the training.\n",
        {{"--preset", ValueKind::Preset},
         {"--scenario", ValueKind::File},
         {"--set", ValueKind::Word},
         {"--seed", ValueKind::Word},
         {"--epochs", ValueKind::Word},
         {"--batch", ValueKind::Word},
         {"--learning-rate", ValueKind::Word},
         {"--threads", ValueKind::Word},
         {"--out", ValueKind::File}},
        {},
        pretrain};
    return command;
}

} // namespace collapse::cli
