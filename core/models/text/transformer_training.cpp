#include "core/models/text/transformer_training.h"

#include "core/minibatch_training.h"
#include "core/models/text/language_model.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <stdexcept>

namespace collapse::text {

namespace {

// Fixed slices of each batch's sequences, whatever the thread count.
constexpr int kSlices = 8;

// 1 for the parameters AdamW decays: the weight matrices and the embeddings, not biases or norm gains.
Eigen::VectorXf decayedParameters(const TransformerParameters& parameters)
{
    using Tensor = TransformerParameters::Tensor;
    Eigen::VectorXf decayed = Eigen::VectorXf::Zero(parameters.values().size());
    parameters.tensor(Tensor::TokenEmbedding, decayed).setOnes();
    parameters.tensor(Tensor::PositionEmbedding, decayed).setOnes();
    for (int l = 0; l < parameters.shape().layers; ++l) {
        for (const Tensor matrix : {Tensor::QueryKeyValue, Tensor::AttentionOutput, Tensor::MlpIn, Tensor::MlpOut}) {
            parameters.tensor(matrix, decayed, l).setOnes();
        }
    }
    return decayed;
}

} // namespace

double trainTransformer(TransformerParameters& parameters, std::span<const std::vector<std::int32_t>> sequences,
                        const TransformerTraining& training, RandomStream& random, const TrainingProgress& progress)
{
    if (sequences.empty()) {
        return 0.0;
    }
    const auto length = static_cast<Eigen::Index>(sequences.front().size());
    if (length < 1 || length > parameters.shape().context ||
        std::any_of(sequences.begin(), sequences.end(), [&](const auto& s) { return static_cast<Eigen::Index>(s.size()) != length; })) {
        throw std::invalid_argument("training sequences must share one length, from 1 to the context");
    }
    const Eigen::Index size = parameters.values().size();
    Adam adam(size, training.learningRate);
    adam.setWeightDecay(training.weightDecay, decayedParameters(parameters));
    std::vector<Eigen::VectorXf> sliceGradients(kSlices, Eigen::VectorXf(size));
    std::vector<TransformerWorkspace> workspaces(kSlices);
    std::vector<TokenBatch> sliceBatches(kSlices);
    SlicedGradient gradient(size, kSlices, [&](int slice) -> Eigen::VectorXf& { return sliceGradients[static_cast<std::size_t>(slice)]; });

    const auto count = static_cast<Eigen::Index>(sequences.size());
    std::vector<Eigen::Index> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    const Eigen::Index batchesPerEpoch = (count + training.batch - 1) / training.batch;
    const long long totalSteps = static_cast<long long>(batchesPerEpoch) * training.epochs;
    const long long warmup = std::min<long long>(training.warmupSteps, totalSteps / 2);
    long long step = 0;
    double epochLoss = 0.0;
    for (int epoch = 0; epoch < training.epochs; ++epoch) {
        shuffleOrder(order, random);
        epochLoss = 0.0;
        for (Eigen::Index first = 0; first < count; first += training.batch) {
            const Eigen::Index width = std::min<Eigen::Index>(training.batch, count - first);
            // Linear warm-up, then a half cosine from the peak down to a tenth of it (nanoGPT).
            const double rate = step < warmup ? training.learningRate * double(step + 1) / double(warmup)
                                              : training.learningRate *
                                                    (0.1 + 0.45 * (1.0 + std::cos(std::numbers::pi * double(step - warmup) /
                                                                                 double(std::max<long long>(1, totalSteps - warmup)))));
            adam.setLearningRate(rate);
            ++step;
            const float loss = gradient.compute(width, [&](int slice, Eigen::Index begin, Eigen::Index end) {
                Eigen::VectorXf& sliceGradient = sliceGradients[static_cast<std::size_t>(slice)];
                sliceGradient.setZero();
                if (end <= begin) {
                    return 0.0f;
                }
                TokenBatch& batch = sliceBatches[static_cast<std::size_t>(slice)];
                batch.inputs.resize(length, end - begin);
                batch.targets.resize(length, end - begin);
                for (Eigen::Index j = begin; j < end; ++j) {
                    const std::vector<std::int32_t>& sequence = sequences[static_cast<std::size_t>(order[static_cast<std::size_t>(first + j)])];
                    batch.inputs(0, j - begin) = static_cast<std::int32_t>(kSequenceStart);
                    for (Eigen::Index t = 0; t < length; ++t) {
                        if (t + 1 < length) {
                            batch.inputs(t + 1, j - begin) = sequence[static_cast<std::size_t>(t)];
                        }
                        batch.targets(t, j - begin) = sequence[static_cast<std::size_t>(t)];
                    }
                }
                return crossEntropy(parameters, batch, workspaces[static_cast<std::size_t>(slice)], &sliceGradient);
            });
            if (std::isnan(loss)) {
                continue;
            }
            const auto tokens = static_cast<float>(width * length);
            // Clip the mean gradient's norm: scale the sum the optimiser divides by `tokens`.
            const double norm = partedNorm(gradient.sum()) / tokens;
            const float scale = norm > training.gradientClip ? static_cast<float>(training.gradientClip / norm) : 1.0f;
            adam.step(parameters.values(), gradient.sum(), tokens / scale);
            epochLoss += loss;
            if (progress) {
                progress(step, totalSteps, loss / tokens);
            }
        }
    }
    return epochLoss / static_cast<double>(count * length);
}

} // namespace collapse::text
