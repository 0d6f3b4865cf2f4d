#pragma once

#include <Eigen/Core>

#include <functional>
#include <utility>
#include <vector>

namespace collapse {

class RandomStream;

// What the networks of the models (the VAE, the diffusion model) share in training on minibatches: Adam
// over one flat vector of parameters, and a batch's gradient computed in fixed slices on the available
// threads and summed in a fixed order, so that the weights are the same for any number of threads.

// Element-wise work over the parameters (summing slices, Adam's step) is split into this many fixed parts.
inline constexpr int kParameterParts = 16;

// The [begin, end) range of part `part` of `size` elements.
inline std::pair<Eigen::Index, Eigen::Index> parameterPart(Eigen::Index size, int part)
{
    return {size * part / kParameterParts, size * (part + 1) / kParameterParts};
}

// A new presentation order for an epoch: a Fisher–Yates shuffle of `order` in place.
void shuffleOrder(std::vector<Eigen::Index>& order, RandomStream& random);

// Adam (Kingma & Ba, "Adam: a method for stochastic optimization", ICLR 2015; β1 0.9, β2 0.999, ε 1e-8)
// over a flat parameter vector.
class Adam {
public:
    Adam(Eigen::Index size, double learningRate);

    // One step along the mean gradient gradientSum / count, the division done as the moments read it
    // rather than in a pass of its own over the parameters.
    void step(Eigen::VectorXf& parameters, const Eigen::VectorXf& gradientSum, float count);
    // The step size from the next step on (a schedule that decays it).
    void setLearningRate(double learningRate) { learningRate_ = learningRate; }
    // AdamW's decoupled weight decay (Loshchilov & Hutter, "Decoupled weight decay regularization", ICLR
    // 2019): each step also takes learning rate × `decay` × θ from the parameters whose entry in `decayed`
    // is 1 (0 leaves a parameter undecayed: biases and norm gains, as GPT-2's training does).
    void setWeightDecay(double decay, Eigen::VectorXf decayed);

private:
    Eigen::VectorXf firstMoment_;
    Eigen::VectorXf secondMoment_;
    double learningRate_;
    double weightDecay_ = 0.0;
    Eigen::VectorXf decayed_;
    int steps_ = 0;
};

// The Euclidean norm of `values`, summed over the fixed parts in order: the same for any thread count.
double partedNorm(const Eigen::VectorXf& values);

// A minibatch's gradient in `slices` fixed slices of its columns, whatever the thread count.
class SlicedGradient {
public:
    // `sliceGradient(slice)` is where slice `slice` keeps its gradient, of `size` values.
    SlicedGradient(Eigen::Index size, int slices, std::function<Eigen::VectorXf&(int slice)> sliceGradient);

    // Runs `computeSlice(slice, begin, end)` for each slice of the `width` columns in parallel (it zeroes
    // and fills its slice's gradient and returns its loss), then sums the slices' gradients in slice
    // order, element by element in parallel parts, each checked for overflow while still in cache.
    // Returns the batch's loss, or NaN when the loss or the gradient is not finite (the batch is then
    // best skipped rather than allowed to poison the weights).
    float compute(Eigen::Index width, const std::function<float(int slice, Eigen::Index begin, Eigen::Index end)>& computeSlice);
    const Eigen::VectorXf& sum() const { return sum_; }

private:
    int slices_;
    std::function<Eigen::VectorXf&(int slice)> sliceGradient_;
    Eigen::VectorXf sum_;
};

} // namespace collapse
