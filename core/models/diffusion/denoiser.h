#pragma once

#include "core/models/diffusion/diffusion_settings.h"

#include <Eigen/Core>

#include <functional>
#include <span>
#include <vector>

namespace collapse {

class RandomStream;

// The forward process of a denoising diffusion model (Ho, Jain & Abbeel, "Denoising diffusion
// probabilistic models", NeurIPS 2020): q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I) for t = 1 … T, with
// ᾱ_t = Π_{s≤t} (1 − β_s).
class NoiseSchedule {
public:
    // Linear: β from 1e-4 to 0.02 over 1000 steps, rescaled to T steps as Nichol & Dhariwal do (both ends
    // times 1000 / T), capped at 0.999. Cosine: ᾱ_t = f(t) / f(0) with f(t) = cos²((t/T + s)/(1 + s) · π/2),
    // s = 0.008, each β capped at 0.999 (Nichol & Dhariwal, "Improved denoising diffusion probabilistic
    // models", ICML 2021).
    NoiseSchedule(NoiseScheduleKind kind, int steps);

    int steps() const { return static_cast<int>(beta_.size()) - 1; }
    double beta(int t) const { return beta_[static_cast<std::size_t>(t)]; }
    double alphaBar(int t) const { return alphaBar_[static_cast<std::size_t>(t)]; } // ᾱ_0 = 1

private:
    std::vector<double> beta_;     // index t = 1 … T (0 unused)
    std::vector<double> alphaBar_; // index t = 0 … T
};

// The sinusoidal embedding of the step t (Vaswani et al. 2017, as in Ho et al.): sin(t ω_i) and cos(t ω_i)
// with ω_i = 10000^(−i / (width/2)), one column per step 0 … T, computed once.
class TimeEmbedding {
public:
    TimeEmbedding(int steps, int width);
    int width() const { return static_cast<int>(table_.rows()); }
    auto column(int t) const { return table_.col(t); }

private:
    Eigen::MatrixXf table_;
};

// The noise predictor ε_θ(x_t, t): a multilayer perceptron on the noisy point and the embedding of its
// step, [x_t; e(t)] → `layers` hidden layers of `hidden` units (SiLU, Elfwing et al. 2018) → ε, the
// shape of the toy diffusion models that learn 2-D point sets.
struct DenoiserShape {
    int data = 2;
    int hidden = 128;
    int layers = 3;
    int embedding = 32;
};

// The network's parameters in one flat vector (Adam and the gradient check see a single array), with a
// view of each layer's weights (out × in) and bias; layer `layers` is the output layer.
class DenoiserParameters {
public:
    explicit DenoiserParameters(const DenoiserShape& shape);

    const DenoiserShape& shape() const { return shape_; }
    Eigen::VectorXf& values() { return values_; }
    const Eigen::VectorXf& values() const { return values_; }
    Eigen::Map<const Eigen::MatrixXf> weights(int layer) const;
    Eigen::Map<const Eigen::VectorXf> bias(int layer) const;
    Eigen::Map<Eigen::MatrixXf> weights(int layer, Eigen::VectorXf& flat) const;
    Eigen::Map<Eigen::VectorXf> bias(int layer, Eigen::VectorXf& flat) const;

    // Weights drawn uniformly in ±sqrt(6 / (fan_in + fan_out)) (Glorot & Bengio 2010), biases zero.
    void initialise(RandomStream& random);

private:
    struct Block {
        Eigen::Index offset, rows, cols;
    };

    DenoiserShape shape_;
    std::vector<Block> blocks_; // weights and bias of each layer, in turn
    Eigen::VectorXf values_;
};

// ε_θ for each column of `noisy`, column j at step steps[j].
Eigen::MatrixXf predictNoise(const DenoiserParameters& parameters, const TimeEmbedding& embedding,
                             const Eigen::Ref<const Eigen::MatrixXf>& noisy, std::span<const int> steps);

// The simple loss of Ho et al., Σ_j ||ε_θ(x_t, t) − ε||² over the columns, and its gradient by
// hand-written backpropagation added to `gradient` (the size of the parameters).
float noiseLossAndGradient(const DenoiserParameters& parameters, const TimeEmbedding& embedding,
                           const Eigen::Ref<const Eigen::MatrixXf>& noisy, std::span<const int> steps,
                           const Eigen::Ref<const Eigen::MatrixXf>& noise, Eigen::VectorXf& gradient);
// The same loss without the gradient.
float noiseLoss(const DenoiserParameters& parameters, const TimeEmbedding& embedding,
                const Eigen::Ref<const Eigen::MatrixXf>& noisy, std::span<const int> steps,
                const Eigen::Ref<const Eigen::MatrixXf>& noise);

struct DenoiserTraining {
    int epochs = 150;
    int batch = 256;
    double learningRate = 4e-3;
};

// Trains on the columns of `data` with Adam on the simple loss, its step size decaying along a half
// cosine: each minibatch draws a step t uniformly in 1 … T and noise ε for every point and learns to
// predict ε from x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε. The
// batch's gradient is computed in fixed slices (core/minibatch_training.h), so the weights are the same
// for any number of threads. Returns the mean loss per coordinate over the last epoch.
double trainDenoiser(DenoiserParameters& parameters, const NoiseSchedule& schedule, const TimeEmbedding& embedding,
                     const Eigen::Ref<const Eigen::MatrixXf>& data, const DenoiserTraining& training,
                     RandomStream& random);

// ε for a block of noisy points at one step, into `epsilon`: a trained network, or a closed form in the
// tests. Called on several threads at once.
using NoisePredictor =
    std::function<void(const Eigen::Ref<const Eigen::MatrixXf>& noisy, int step, Eigen::MatrixXf& epsilon)>;
// The predictor of a trained network; each thread keeps its scratch matrices between calls.
NoisePredictor networkPredictor(const DenoiserParameters& parameters, const TimeEmbedding& embedding);

// The reverse process from x_T = λ z: ancestral sampling (Ho et al., Algorithm 2, with σ_t² = β_t, the
// noise of every step also times λ) or DDIM with η = 0 (Song, Meng & Ermon, "Denoising diffusion
// implicit models", ICLR 2021) over `ddimSteps` evenly spaced steps (0: all T). Of Ho et al.'s two choices
// of σ_t², β_t keeps the variance of unit-scale data within a few percent over 50 steps, where the
// posterior's β̃_t = β_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t) loses a fifth of it (the tests check the samplers
// against a Gaussian's exact predictor). λ = `temperature`, the sampling bias: below 1 it samples toward
// the modes. The columns of `out` (resized to data × count) are computed in fixed blocks on the available
// threads, with their noise drawn in order, so they are the same for any thread count. When `path` is
// given, it receives x_t at each step of `pathSteps` (and x_0 at step 0), in their order.
// With `clipped` (images, whose pixels lie in [−1, 1]), each step predicts the clean x̂_0 =
// (x_t − √(1 − ᾱ_t) ε) / √ᾱ_t, clips it to [−1, 1] and steps to the posterior mean of x_{t−1} given x_t and
// x̂_0, as Ho et al.'s image samplers do: an error of the predictor at a noisy step then cannot throw a
// pixel far outside the images' range.
void sampleReverse(const NoisePredictor& predict, const NoiseSchedule& schedule, DiffusionSampler sampler,
                   int ddimSteps, double temperature, int data, Eigen::Index count, RandomStream& random,
                   Eigen::MatrixXf& out, bool clipped = false, std::span<const int> pathSteps = {},
                   std::vector<Eigen::MatrixXf>* path = nullptr);

} // namespace collapse
