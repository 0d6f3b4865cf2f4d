#pragma once

#include "core/models/text/transformer.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace collapse {
class RandomStream;
}

namespace collapse::text {

// How a transformer learns, after nanoGPT's recipe: AdamW (β 0.9, 0.999; weight decay on the weight
// matrices and embeddings only), the step size warming up linearly over the first steps and then decaying
// along a half cosine to a tenth of its peak, and the batch's gradient clipped to norm 1.
struct TransformerTraining {
    int epochs = 1;
    int batch = 32;             // sequences per step
    double learningRate = 1e-3; // peak
    double weightDecay = 0.1;
    int warmupSteps = 100;
    double gradientClip = 1.0;
};

// Called after each step with the steps taken, all steps, and the step's mean loss per token.
using TrainingProgress = std::function<void(long long step, long long steps, double loss)>;

// Trains on `sequences` (model ids, all of the same length n ≤ context, without <s>): each is read as
// <s> followed by its first n − 1 ids and predicts all n. The batch's gradient is computed in fixed slices
// (core/minibatch_training.h), so the weights are the same for any number of threads; batches whose loss
// or gradient is not finite are left out. Returns the mean loss per token of the last epoch.
double trainTransformer(TransformerParameters& parameters, std::span<const std::vector<std::int32_t>> sequences,
                        const TransformerTraining& training, RandomStream& random,
                        const TrainingProgress& progress = {});

} // namespace collapse::text
