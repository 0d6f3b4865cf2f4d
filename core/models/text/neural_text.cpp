#include "core/models/text/neural_text.h"

#include "core/bundled_data.h"
#include "core/models/text/text_corpus.h"
#include "core/random.h"

#include <map>
#include <mutex>

namespace collapse::text {

namespace {

constexpr const char* kBundledWeights = "austen";
// Beside the bundled novels: the weights `collapselab-cli pretrain` makes from them at the default shape.
constexpr const char* kBundledWeightsFile = "austen-transformer.weights";

// The slices of a batch (transformer_training.cpp) each keep a gradient and a workspace.
constexpr double kGradientSlices = 8.0;

} // namespace

TransformerShape transformerShapeOf(const TextSettings& settings)
{
    return {.vocabulary = settings.vocabularySize,
            .context = settings.context,
            .width = settings.width,
            .layers = settings.layers,
            .heads = settings.heads};
}

std::filesystem::path weightsPathOf(const TextSettings& settings)
{
    return settings.weights == kBundledWeights ? bundledDataFolder("austen") / kBundledWeightsFile
                                               : std::filesystem::path(settings.weights);
}

std::shared_ptr<const PretrainedModel> loadPretrained(const TextSettings& settings, const TextCorpus& corpus)
{
    // Every experiment on the same file, shape and corpus shares one: a sweep reads the file once.
    static std::mutex mutex;
    static std::map<std::pair<std::string, const TextCorpus*>, std::weak_ptr<const PretrainedModel>> loaded;
    const std::filesystem::path path = weightsPathOf(settings);
    const std::pair<std::string, const TextCorpus*> key{path.string(), &corpus};
    const std::lock_guard lock(mutex);
    if (auto model = loaded[key].lock(); model && model->weights->parameters->shape() == transformerShapeOf(settings)) {
        return model;
    }
    auto weights = std::make_shared<const TransformerWeights>(loadWeights(path, transformerShapeOf(settings)));
    auto model = std::make_shared<const PretrainedModel>(
        PretrainedModel{weights, ModelVocabulary::ofWords(weights->words, corpus.vocabulary())});
    loaded[key] = model;
    return model;
}

TransformerWeights pretrain(const TextCorpus& corpus, const TextSettings& settings, const Pretraining& pretraining,
                            const std::string& provenance, const TrainingProgress& progress)
{
    const TransformerShape shape = transformerShapeOf(settings);
    const ModelVocabulary vocabulary = ModelVocabulary::mostFrequent(corpus, shape.vocabulary);
    // The vocabulary may be smaller than asked when the corpus has fewer words; the file says what it has.
    TransformerShape actual = shape;
    actual.vocabulary = vocabulary.size();
    auto parameters = std::make_shared<TransformerParameters>(actual);
    RandomStream initialisation(pretraining.seed, 0, 0, Purpose::Initialisation);
    parameters->initialise(initialisation);

    const std::span<const TokenId> stream = corpus.trainingTokens();
    const auto length = static_cast<std::size_t>(shape.context);
    std::vector<std::vector<std::int32_t>> blocks;
    for (std::size_t start = 0; start + length <= stream.size(); start += length) {
        std::vector<std::int32_t>& block = blocks.emplace_back(length);
        for (std::size_t i = 0; i < length; ++i) {
            block[i] = vocabulary.modelId(stream[start + i]);
        }
    }
    RandomStream order(pretraining.seed, 0, 0, Purpose::Fitting);
    trainTransformer(*parameters, blocks, pretraining.training, order, progress);
    return {vocabulary.words(corpus.vocabulary()), provenance, std::move(parameters)};
}

std::shared_ptr<const TransformerLanguageModel> fineTune(const PretrainedModel& pretrained,
                                                         std::span<const std::span<const TokenId>> sequences,
                                                         const TextSettings& settings, RandomStream& random)
{
    std::vector<std::vector<std::int32_t>> modelSequences;
    modelSequences.reserve(sequences.size());
    for (const std::span<const TokenId> sequence : sequences) {
        std::vector<std::int32_t>& ids = modelSequences.emplace_back();
        ids.reserve(sequence.size());
        for (const TokenId id : sequence) {
            ids.push_back(pretrained.vocabulary.modelId(id));
        }
    }
    auto parameters = std::make_shared<TransformerParameters>(*pretrained.weights->parameters);
    TransformerTraining training;
    training.epochs = settings.epochs;
    training.batch = settings.batch;
    training.learningRate = settings.learningRate;
    // A short warm-up: fine-tuning starts from weights that already fit the language.
    training.warmupSteps = 10;
    trainTransformer(*parameters, modelSequences, training, random);
    return std::make_shared<const TransformerLanguageModel>(std::move(parameters), pretrained.vocabulary);
}

double neuralModelBytes(const TextSettings& settings, int threads)
{
    const TransformerShape shape = transformerShapeOf(settings);
    const auto weights = static_cast<double>(weightCount(shape));
    // Two models, Adam's two moments, each slice's gradient and the summed one, as floats.
    const double weightBytes = (2.0 + 2.0 + kGradientSlices + 1.0) * weights * sizeof(float);
    // A slice's activations: per position about 20 d floats through the layers plus the logits (V), and the
    // attention weights (heads × context per position and layer).
    const double positions = static_cast<double>(settings.batch) / kGradientSlices * shape.context;
    const double activationFloats =
        positions * (shape.layers * (20.0 * shape.width + double(shape.heads) * shape.context) + shape.vocabulary);
    const double activationBytes = kGradientSlices * activationFloats * sizeof(float);
    // Each thread's decoding states: keys and values of every layer and position.
    const double stateBytes = threads * 8.0 * 2.0 * shape.layers * double(shape.width) * shape.context * sizeof(float);
    return weightBytes + activationBytes + stateBytes;
}

} // namespace collapse::text
