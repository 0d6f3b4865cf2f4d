#pragma once

// The paper's protocol for a neural language model (Shumailov et al. 2024, "Model collapse in language
// models"): a model pretrained once, and each generation the same pretrained weights fine-tuned on the
// previous generation's text. Here the transformer of transformer.h, pretrained on the training stream of
// a corpus by `collapselab-cli pretrain`.

#include "core/models/text/text_settings.h"
#include "core/models/text/transformer_language_model.h"
#include "core/models/text/transformer_training.h"
#include "core/models/text/transformer_weights.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

namespace collapse {
class RandomStream;
}

namespace collapse::text {

class TextCorpus;

TransformerShape transformerShapeOf(const TextSettings& settings);

// The weights file a scenario names: "austen" is the one shipped for the default shape, pretrained on the
// bundled novels; anything else is a path.
std::filesystem::path weightsPathOf(const TextSettings& settings);

// A scenario's pretrained model: its weights, checked against the scenario's shape (loadWeights' DataError
// otherwise), and its words as ids of `corpus`. Loaded once and shared while in use.
struct PretrainedModel {
    std::shared_ptr<const TransformerWeights> weights;
    ModelVocabulary vocabulary;
};
std::shared_ptr<const PretrainedModel> loadPretrained(const TextSettings& settings, const TextCorpus& corpus);

// How `collapselab-cli pretrain` trains: nanoGPT's recipe (transformer_training.h) at these settings.
struct Pretraining {
    std::uint64_t seed = 1;
    TransformerTraining training{.epochs = 8, .batch = 32, .learningRate = 1e-3, .weightDecay = 0.1, .warmupSteps = 200};
};

// The transformer of `settings`' shape trained from GPT-2's initialisation on `corpus`'s training stream
// cut into consecutive blocks of `context` tokens (each read after <s>), its vocabulary the corpus's most
// frequent words. The same on any number of threads.
TransformerWeights pretrain(const TextCorpus& corpus, const TextSettings& settings, const Pretraining& pretraining,
                            const std::string& provenance, const TrainingProgress& progress = {});

// The pretrained weights fine-tuned on `sequences` (corpus ids) as the settings say: a new model; the
// pretrained one is left as it is.
std::shared_ptr<const TransformerLanguageModel> fineTune(const PretrainedModel& pretrained,
                                                         std::span<const std::span<const TokenId>> sequences,
                                                         const TextSettings& settings, RandomStream& random);

// What one chain holds for the neural model beyond its data: two models (generation 0's, kept for
// perplexity_gen0, and the current one), the optimiser's moments, the slices' gradients and activations
// and each thread's decoding states.
double neuralModelBytes(const TextSettings& settings, int threads);

} // namespace collapse::text
