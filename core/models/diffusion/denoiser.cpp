#include "core/models/diffusion/denoiser.h"

#include "core/minibatch_training.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace collapse {

namespace {

// Gradients of a batch are computed in this many slices, whatever the thread count.
constexpr int kSlices = 2;
// Sampling runs the columns in blocks of this many, a block to a thread: the same blocks, and so the same
// matrix products, for any number of threads.
constexpr Eigen::Index kSampleBlock = 256;
constexpr double kMaxBeta = 0.999;

// One pass of the network over a batch, keeping what backpropagation needs: each layer's input and, of
// each hidden layer, its pre-activation z and its gate σ(z). SiLU(z) = z σ(z) (Elfwing, Uchibe & Doya
// 2018), whose derivative is σ(z) (1 + z (1 − σ(z))). Kept between batches, so that its matrices are
// allocated once.
struct Workspace {
    std::vector<Eigen::MatrixXf> inputs; // inputs[0] = [x_t; e(t)], inputs[l] = SiLU(pre[l − 1])
    std::vector<Eigen::MatrixXf> pre;
    std::vector<Eigen::MatrixXf> gates;
    Eigen::MatrixXf output;
    Eigen::MatrixXf delta;
    Eigen::MatrixXf back;
};

void forward(const DenoiserParameters& parameters, const TimeEmbedding& embedding,
             const Eigen::Ref<const Eigen::MatrixXf>& noisy, std::span<const int> steps, Workspace& work)
{
    const DenoiserShape& shape = parameters.shape();
    const Eigen::Index width = noisy.cols();
    const auto layers = static_cast<std::size_t>(shape.layers);
    work.inputs.resize(layers + 1);
    work.pre.resize(layers);
    work.gates.resize(layers);
    Eigen::MatrixXf& input = work.inputs[0];
    input.resize(shape.data + shape.embedding, width);
    input.topRows(shape.data) = noisy;
    for (Eigen::Index j = 0; j < width; ++j) {
        input.col(j).tail(shape.embedding) = embedding.column(steps[static_cast<std::size_t>(j)]);
    }
    for (std::size_t layer = 0; layer < layers; ++layer) {
        Eigen::MatrixXf& pre = work.pre[layer];
        Eigen::MatrixXf& gate = work.gates[layer];
        pre.noalias() = parameters.weights(static_cast<int>(layer)) * work.inputs[layer];
        pre.colwise() += parameters.bias(static_cast<int>(layer));
        gate.resize(pre.rows(), pre.cols());
        gate.array() = (1.0f + (-pre.array()).exp()).inverse();
        work.inputs[layer + 1].resize(pre.rows(), pre.cols());
        work.inputs[layer + 1].array() = pre.array() * gate.array();
    }
    work.output.noalias() = parameters.weights(shape.layers) * work.inputs.back();
    work.output.colwise() += parameters.bias(shape.layers);
}

float lossAndGradient(const DenoiserParameters& parameters, const TimeEmbedding& embedding,
                      const Eigen::Ref<const Eigen::MatrixXf>& noisy, std::span<const int> steps,
                      const Eigen::Ref<const Eigen::MatrixXf>& noise, Eigen::VectorXf& gradient, Workspace& work)
{
    const int layers = parameters.shape().layers;
    forward(parameters, embedding, noisy, steps, work);
    // ∂/∂output of Σ ||output − ε||², then back through each layer: ∂W = δ inputᵀ, ∂b = Σ_columns δ,
    // δ_below = (Wᵀ δ) ⊙ SiLU'(pre).
    work.delta = work.output - noise;
    const float loss = work.delta.squaredNorm();
    work.delta *= 2.0f;
    for (int layer = layers; layer >= 0; --layer) {
        const auto index = static_cast<std::size_t>(layer);
        parameters.weights(layer, gradient).noalias() += work.delta * work.inputs[index].transpose();
        parameters.bias(layer, gradient) += work.delta.rowwise().sum();
        if (layer == 0) {
            break;
        }
        work.back.noalias() = parameters.weights(layer).transpose() * work.delta;
        const auto pre = work.pre[index - 1].array();
        const auto gate = work.gates[index - 1].array();
        work.delta.resize(work.back.rows(), work.back.cols());
        work.delta.array() = work.back.array() * gate * (1.0f + pre * (1.0f - gate));
    }
    return loss;
}

} // namespace

NoiseSchedule::NoiseSchedule(NoiseScheduleKind kind, int steps)
    : beta_(static_cast<std::size_t>(steps) + 1, 0.0), alphaBar_(static_cast<std::size_t>(steps) + 1, 1.0)
{
    if (kind == NoiseScheduleKind::Linear) {
        const double scale = 1000.0 / steps;
        const double first = 1e-4 * scale;
        const double last = 0.02 * scale;
        for (int t = 1; t <= steps; ++t) {
            const double along = steps == 1 ? 0.0 : static_cast<double>(t - 1) / (steps - 1);
            beta_[static_cast<std::size_t>(t)] = std::min(first + (last - first) * along, kMaxBeta);
        }
    } else {
        constexpr double s = 0.008;
        const auto f = [&](int t) {
            const double angle = (static_cast<double>(t) / steps + s) / (1.0 + s) * std::numbers::pi / 2.0;
            return std::cos(angle) * std::cos(angle);
        };
        for (int t = 1; t <= steps; ++t) {
            beta_[static_cast<std::size_t>(t)] = std::min(1.0 - f(t) / f(t - 1), kMaxBeta);
        }
    }
    for (int t = 1; t <= steps; ++t) {
        alphaBar_[static_cast<std::size_t>(t)] = alphaBar_[static_cast<std::size_t>(t) - 1] * (1.0 - beta(t));
    }
}

TimeEmbedding::TimeEmbedding(int steps, int width) : table_(width, steps + 1)
{
    // The step as if of 1000 (Ho et al.'s T), so that the slowest frequencies still change across the
    // process however few steps it has.
    const double scale = 1000.0 / steps;
    const int half = width / 2;
    for (int t = 0; t <= steps; ++t) {
        for (int i = 0; i < half; ++i) {
            const double frequency = std::exp(-std::log(10000.0) * i / half);
            table_(i, t) = static_cast<float>(std::sin(scale * t * frequency));
            table_(half + i, t) = static_cast<float>(std::cos(scale * t * frequency));
        }
    }
}

DenoiserParameters::DenoiserParameters(const DenoiserShape& shape) : shape_(shape)
{
    Eigen::Index offset = 0;
    for (int layer = 0; layer <= shape.layers; ++layer) {
        const Eigen::Index in = layer == 0 ? shape.data + shape.embedding : shape.hidden;
        const Eigen::Index out = layer == shape.layers ? shape.data : shape.hidden;
        blocks_.push_back({offset, out, in});
        offset += out * in;
        blocks_.push_back({offset, out, 1});
        offset += out;
    }
    values_ = Eigen::VectorXf::Zero(offset);
}

Eigen::Map<const Eigen::MatrixXf> DenoiserParameters::weights(int layer) const
{
    const Block& block = blocks_[2 * static_cast<std::size_t>(layer)];
    return {values_.data() + block.offset, block.rows, block.cols};
}

Eigen::Map<const Eigen::VectorXf> DenoiserParameters::bias(int layer) const
{
    const Block& block = blocks_[2 * static_cast<std::size_t>(layer) + 1];
    return {values_.data() + block.offset, block.rows};
}

Eigen::Map<Eigen::MatrixXf> DenoiserParameters::weights(int layer, Eigen::VectorXf& flat) const
{
    const Block& block = blocks_[2 * static_cast<std::size_t>(layer)];
    return {flat.data() + block.offset, block.rows, block.cols};
}

Eigen::Map<Eigen::VectorXf> DenoiserParameters::bias(int layer, Eigen::VectorXf& flat) const
{
    const Block& block = blocks_[2 * static_cast<std::size_t>(layer) + 1];
    return {flat.data() + block.offset, block.rows};
}

void DenoiserParameters::initialise(RandomStream& random)
{
    values_.setZero();
    for (int layer = 0; layer <= shape_.layers; ++layer) {
        auto w = weights(layer, values_);
        const double limit = std::sqrt(6.0 / static_cast<double>(w.rows() + w.cols()));
        for (Eigen::Index i = 0; i < w.size(); ++i) {
            w.data()[i] = static_cast<float>(limit * (2.0 * random.uniform() - 1.0));
        }
    }
}

Eigen::MatrixXf predictNoise(const DenoiserParameters& parameters, const TimeEmbedding& embedding,
                             const Eigen::Ref<const Eigen::MatrixXf>& noisy, std::span<const int> steps)
{
    Workspace work;
    forward(parameters, embedding, noisy, steps, work);
    return std::move(work.output);
}

NoisePredictor networkPredictor(const DenoiserParameters& parameters, const TimeEmbedding& embedding)
{
    return [&parameters, &embedding](const Eigen::Ref<const Eigen::MatrixXf>& noisy, int step, Eigen::MatrixXf& epsilon) {
        // Scratch memory that lives as long as the thread: sampling calls this for every block and step.
        thread_local Workspace work;
        thread_local std::vector<int> steps;
        steps.assign(static_cast<std::size_t>(noisy.cols()), step);
        forward(parameters, embedding, noisy, steps, work);
        epsilon = work.output;
    };
}

float noiseLoss(const DenoiserParameters& parameters, const TimeEmbedding& embedding,
                const Eigen::Ref<const Eigen::MatrixXf>& noisy, std::span<const int> steps,
                const Eigen::Ref<const Eigen::MatrixXf>& noise)
{
    return (predictNoise(parameters, embedding, noisy, steps) - noise).squaredNorm();
}

float noiseLossAndGradient(const DenoiserParameters& parameters, const TimeEmbedding& embedding,
                           const Eigen::Ref<const Eigen::MatrixXf>& noisy, std::span<const int> steps,
                           const Eigen::Ref<const Eigen::MatrixXf>& noise, Eigen::VectorXf& gradient)
{
    Workspace work;
    return lossAndGradient(parameters, embedding, noisy, steps, noise, gradient, work);
}

double trainDenoiser(DenoiserParameters& parameters, const NoiseSchedule& schedule, const TimeEmbedding& embedding,
                     const Eigen::Ref<const Eigen::MatrixXf>& data, const DenoiserTraining& training,
                     RandomStream& random)
{
    const Eigen::Index count = data.cols();
    const Eigen::Index dimensions = data.rows();
    const Eigen::Index size = parameters.values().size();
    const int steps = schedule.steps();
    Adam adam(size, training.learningRate);
    std::vector<Eigen::VectorXf> sliceGradients(kSlices, Eigen::VectorXf(size));
    std::vector<Workspace> workspaces(kSlices);
    SlicedGradient gradient(size, kSlices, [&](int slice) -> Eigen::VectorXf& { return sliceGradients[static_cast<std::size_t>(slice)]; });
    std::vector<Eigen::Index> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    Eigen::MatrixXf noisy(dimensions, training.batch);
    Eigen::MatrixXf noise(dimensions, training.batch);
    Eigen::MatrixXd standard(dimensions, training.batch);
    std::vector<int> batchSteps(static_cast<std::size_t>(training.batch));
    double epochLoss = 0.0;
    // The step size decays along a half cosine to nothing at the last step (Loshchilov & Hutter, SGDR,
    // ICLR 2017): the last steps settle the fit rather than shake it.
    const Eigen::Index batchesPerEpoch = (count + training.batch - 1) / training.batch;
    const double totalSteps = static_cast<double>(batchesPerEpoch * training.epochs);
    double stepsTaken = 0.0;
    for (int epoch = 0; epoch < training.epochs; ++epoch) {
        shuffleOrder(order, random);
        epochLoss = 0.0;
        for (Eigen::Index start = 0; start < count; start += training.batch) {
            const Eigen::Index width = std::min<Eigen::Index>(training.batch, count - start);
            adam.setLearningRate(training.learningRate * 0.5 * (1.0 + std::cos(std::numbers::pi * stepsTaken / totalSteps)));
            stepsTaken += 1.0;
            random.fillNormals({standard.data(), static_cast<std::size_t>(dimensions * width)});
            for (Eigen::Index j = 0; j < width; ++j) {
                const int t = 1 + static_cast<int>(random.below(static_cast<std::size_t>(steps)));
                batchSteps[static_cast<std::size_t>(j)] = t;
                const auto signal = static_cast<float>(std::sqrt(schedule.alphaBar(t)));
                const auto spread = static_cast<float>(std::sqrt(1.0 - schedule.alphaBar(t)));
                noise.col(j) = standard.col(j).cast<float>();
                noisy.col(j) = signal * data.col(order[static_cast<std::size_t>(start + j)]) + spread * noise.col(j);
            }
            const float loss = gradient.compute(width, [&](int slice, Eigen::Index begin, Eigen::Index end) {
                Eigen::VectorXf& sliceGradient = sliceGradients[static_cast<std::size_t>(slice)];
                sliceGradient.setZero();
                return end > begin ? lossAndGradient(parameters, embedding, noisy.middleCols(begin, end - begin),
                                                     std::span(batchSteps).subspan(static_cast<std::size_t>(begin),
                                                                                   static_cast<std::size_t>(end - begin)),
                                                     noise.middleCols(begin, end - begin), sliceGradient,
                                                     workspaces[static_cast<std::size_t>(slice)])
                                   : 0.0f;
            });
            if (std::isnan(loss)) {
                continue; // a batch whose loss or gradient overflowed is left out
            }
            adam.step(parameters.values(), gradient.sum(), static_cast<float>(width));
            epochLoss += loss;
        }
    }
    return epochLoss / static_cast<double>(count * dimensions);
}

void sampleReverse(const NoisePredictor& predict, const NoiseSchedule& schedule, DiffusionSampler sampler,
                   int ddimSteps, double temperature, int data, Eigen::Index count, RandomStream& random,
                   Eigen::MatrixXf& out, bool clipped, std::span<const int> pathSteps, std::vector<Eigen::MatrixXf>* path)
{
    const int steps = schedule.steps();
    // The steps visited, from T down: all of them, or DDIM's evenly spaced subsequence.
    std::vector<int> visited;
    const int taken = sampler == DiffusionSampler::Ddim && ddimSteps > 0 ? std::min(ddimSteps, steps) : steps;
    for (int i = taken; i >= 1; --i) {
        const int t = static_cast<int>(std::lround(static_cast<double>(i) * steps / taken));
        if (visited.empty() || visited.back() != t) {
            visited.push_back(t);
        }
    }
    Eigen::MatrixXd standard(data, count);
    random.fillNormals({standard.data(), static_cast<std::size_t>(standard.size())});
    out = (temperature * standard).cast<float>();
    const auto keep = [&](int t) {
        if (path != nullptr && std::find(pathSteps.begin(), pathSteps.end(), t) != pathSteps.end()) {
            path->push_back(out);
        }
    };
    keep(steps);
    const Eigen::Index blocks = (count + kSampleBlock - 1) / kSampleBlock;
    std::vector<Eigen::MatrixXf> epsilons(static_cast<std::size_t>(blocks));
    for (std::size_t i = 0; i < visited.size(); ++i) {
        const int t = visited[i];
        const int previous = i + 1 < visited.size() ? visited[i + 1] : 0;
        const double alphaBar = schedule.alphaBar(t);
        const double alphaBarPrevious = schedule.alphaBar(previous);
        const bool ancestral = sampler == DiffusionSampler::Ancestral;
        if (ancestral && previous > 0) {
            random.fillNormals({standard.data(), static_cast<std::size_t>(standard.size())});
        }
        // x_{t−1} = (x_t − β_t / √(1 − ᾱ_t) ε) / √α_t + σ_t λ z, or DDIM's
        // x_prev = √ᾱ_prev x̂_0 + √(1 − ᾱ_prev) ε with x̂_0 = (x_t − √(1 − ᾱ_t) ε) / √ᾱ_t.
        const double beta = 1.0 - alphaBar / alphaBarPrevious;
        const double sigma = previous > 0 ? std::sqrt(beta) : 0.0;
#pragma omp parallel for schedule(static)
        for (Eigen::Index block = 0; block < blocks; ++block) {
            const Eigen::Index begin = block * kSampleBlock;
            const Eigen::Index width = std::min(kSampleBlock, count - begin);
            auto x = out.middleCols(begin, width);
            Eigen::MatrixXf& epsilon = epsilons[static_cast<std::size_t>(block)];
            predict(x, t, epsilon);
            if (clipped) {
                // x̂_0 clipped, then DDIM's step, or the posterior mean μ̃(x_t, x̂_0) =
                // √ᾱ_prev β / (1 − ᾱ_t) x̂_0 + √(1 − β) (1 − ᾱ_prev) / (1 − ᾱ_t) x_t.
                const Eigen::MatrixXf clean = ((x - static_cast<float>(std::sqrt(1.0 - alphaBar)) * epsilon) /
                                               static_cast<float>(std::sqrt(alphaBar)))
                                                  .cwiseMax(-1.0f)
                                                  .cwiseMin(1.0f);
                if (ancestral) {
                    x = static_cast<float>(std::sqrt(alphaBarPrevious) * beta / (1.0 - alphaBar)) * clean +
                        static_cast<float>(std::sqrt(1.0 - beta) * (1.0 - alphaBarPrevious) / (1.0 - alphaBar)) * x;
                } else {
                    const auto noise = static_cast<float>(std::sqrt(1.0 - alphaBar));
                    const Eigen::MatrixXf direction = (x - static_cast<float>(std::sqrt(alphaBar)) * clean) / noise;
                    x = static_cast<float>(std::sqrt(alphaBarPrevious)) * clean +
                        static_cast<float>(std::sqrt(1.0 - alphaBarPrevious)) * direction;
                }
            } else if (ancestral) {
                const auto shrink = static_cast<float>(beta / std::sqrt(1.0 - alphaBar));
                x = (x - shrink * epsilon) / static_cast<float>(std::sqrt(1.0 - beta));
            } else {
                // x_prev = √ᾱ_prev (x_t − √(1 − ᾱ_t) ε) / √ᾱ_t + √(1 − ᾱ_prev) ε, in one pass.
                const auto kept = static_cast<float>(std::sqrt(alphaBarPrevious / alphaBar));
                const auto mix = static_cast<float>(std::sqrt(1.0 - alphaBarPrevious) -
                                                    std::sqrt(alphaBarPrevious / alphaBar) * std::sqrt(1.0 - alphaBar));
                x = kept * x + mix * epsilon;
            }
            if (ancestral && previous > 0) {
                x += static_cast<float>(sigma * temperature) * standard.middleCols(begin, width).cast<float>();
            }
        }
        keep(previous);
    }
}

} // namespace collapse
