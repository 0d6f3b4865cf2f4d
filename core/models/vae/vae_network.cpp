#include "core/models/vae/vae_network.h"

#include "core/random.h"

#include <cmath>

namespace collapse {

VaeParameters::VaeParameters(const VaeShape& shape) : shape_(shape)
{
    layOut();
}

// The blocks hold offsets into values_, not pointers, so copies of the parameters stay consistent.
void VaeParameters::layOut()
{
    const Eigen::Index d = shape_.input;
    const Eigen::Index h = shape_.hidden;
    const Eigen::Index l = shape_.latent;
    const Eigen::Index sizes[10][2] = {{h, d}, {h, 1}, {l, h}, {l, 1}, {l, h}, {l, 1}, {h, l}, {h, 1}, {d, h}, {d, 1}};
    Eigen::Index offset = 0;
    for (int b = 0; b < 10; ++b) {
        blocks_[b] = {offset, sizes[b][0], sizes[b][1]};
        offset += sizes[b][0] * sizes[b][1];
    }
    values_.setZero(offset);
}

VaeParameters::MatrixView VaeParameters::matrix(int block)
{
    const Block& b = blocks_[block];
    return MatrixView(values_.data() + b.offset, b.rows, b.cols);
}

VaeParameters::VectorView VaeParameters::vector(int block)
{
    const Block& b = blocks_[block];
    return VectorView(values_.data() + b.offset, b.rows);
}

VaeParameters::ConstMatrixView VaeParameters::matrix(int block) const
{
    const Block& b = blocks_[block];
    return ConstMatrixView(values_.data() + b.offset, b.rows, b.cols);
}

VaeParameters::ConstVectorView VaeParameters::vector(int block) const
{
    const Block& b = blocks_[block];
    return ConstVectorView(values_.data() + b.offset, b.rows);
}

void VaeParameters::initialise(RandomStream& random)
{
    values_.setZero();
    for (const int weights : {0, 2, 4, 6, 8}) {
        const Block& b = blocks_[weights];
        const double limit = std::sqrt(6.0 / static_cast<double>(b.rows + b.cols));
        for (Eigen::Index i = 0; i < b.rows * b.cols; ++i) {
            values_[b.offset + i] = static_cast<float>(limit * (2.0 * random.uniform() - 1.0));
        }
    }
}

namespace {

// W x + b for every column x of `inputs`: one layer before its activation.
Eigen::MatrixXf affine(const VaeParameters::ConstMatrixView& weights, const VaeParameters::ConstVectorView& bias,
                       const Eigen::Ref<const Eigen::MatrixXf>& inputs)
{
    Eigen::MatrixXf result(weights.rows(), inputs.cols());
    result.noalias() = weights * inputs;
    result.colwise() += bias;
    return result;
}

Eigen::MatrixXf sigmoid(const Eigen::MatrixXf& logits)
{
    return (1.0f / (1.0f + (-logits.array()).exp())).matrix();
}

// One forward pass, keeping what the backward pass needs.
struct ForwardPass {
    Eigen::MatrixXf encoderActivation, hidden;   // hidden x batch, before and after ReLU
    Eigen::MatrixXf mean, logVariance, latent;   // latent x batch
    Eigen::MatrixXf decoderActivation, decoded;  // hidden x batch
    Eigen::MatrixXf logits;                      // input x batch
};

ForwardPass forward(const VaeParameters& p, const Eigen::Ref<const Eigen::MatrixXf>& x,
                    const Eigen::Ref<const Eigen::MatrixXf>& noise)
{
    ForwardPass f;
    f.encoderActivation = affine(p.encoderWeights(), p.encoderBias(), x);
    f.hidden = f.encoderActivation.cwiseMax(0.0f);
    f.mean = affine(p.meanWeights(), p.meanBias(), f.hidden);
    f.logVariance = affine(p.logVarianceWeights(), p.logVarianceBias(), f.hidden);
    f.latent = f.mean.array() + (0.5f * f.logVariance.array()).exp() * noise.array();
    f.decoderActivation = affine(p.decoderWeights(), p.decoderBias(), f.latent);
    f.decoded = f.decoderActivation.cwiseMax(0.0f);
    f.logits = affine(p.outputWeights(), p.outputBias(), f.decoded);
    return f;
}

// Σ softplus(l) - x l over every pixel (the Bernoulli negative log-likelihood, written so that it
// neither overflows nor loses precision: softplus(l) = max(l, 0) + ln(1 + e^{-|l|})) plus the KL term.
float lossOf(const ForwardPass& f, const Eigen::Ref<const Eigen::MatrixXf>& x)
{
    const auto& l = f.logits.array();
    const float reconstruction =
        (l.max(0.0f) + (-l.abs()).exp().log1p() - x.array() * l).sum();
    const float divergence =
        0.5f * (f.mean.array().square() + f.logVariance.array().exp() - 1.0f - f.logVariance.array()).sum();
    return reconstruction + divergence;
}

} // namespace

float negativeElbo(const VaeParameters& parameters, const Eigen::Ref<const Eigen::MatrixXf>& images,
                   const Eigen::Ref<const Eigen::MatrixXf>& noise)
{
    return lossOf(forward(parameters, images, noise), images);
}

float negativeElboAndGradient(const VaeParameters& parameters, const Eigen::Ref<const Eigen::MatrixXf>& x,
                              const Eigen::Ref<const Eigen::MatrixXf>& noise, VaeParameters& g)
{
    const ForwardPass f = forward(parameters, x, noise);
    // d(-ELBO)/dl = sigmoid(l) - x.
    const Eigen::MatrixXf dLogits = sigmoid(f.logits) - x;
    g.outputWeights().noalias() += dLogits * f.decoded.transpose();
    g.outputBias() += dLogits.rowwise().sum();
    const Eigen::MatrixXf dDecoderActivation =
        ((parameters.outputWeights().transpose() * dLogits).array() * (f.decoderActivation.array() > 0.0f).cast<float>())
            .matrix();
    g.decoderWeights().noalias() += dDecoderActivation * f.latent.transpose();
    g.decoderBias() += dDecoderActivation.rowwise().sum();
    const Eigen::MatrixXf dLatent = parameters.decoderWeights().transpose() * dDecoderActivation;
    // z = μ + exp(½ ln σ²) ε, and the KL term adds μ to dμ and ½(σ² - 1) to d ln σ².
    const Eigen::MatrixXf dMean = dLatent + f.mean;
    const Eigen::ArrayXXf sigma = (0.5f * f.logVariance.array()).exp();
    const Eigen::MatrixXf dLogVariance =
        (dLatent.array() * noise.array() * 0.5f * sigma + 0.5f * (sigma.square() - 1.0f)).matrix();
    g.meanWeights().noalias() += dMean * f.hidden.transpose();
    g.meanBias() += dMean.rowwise().sum();
    g.logVarianceWeights().noalias() += dLogVariance * f.hidden.transpose();
    g.logVarianceBias() += dLogVariance.rowwise().sum();
    Eigen::MatrixXf dHidden = parameters.meanWeights().transpose() * dMean;
    dHidden.noalias() += parameters.logVarianceWeights().transpose() * dLogVariance;
    const Eigen::MatrixXf dEncoderActivation =
        (dHidden.array() * (f.encoderActivation.array() > 0.0f).cast<float>()).matrix();
    g.encoderWeights().noalias() += dEncoderActivation * x.transpose();
    g.encoderBias() += dEncoderActivation.rowwise().sum();
    return lossOf(f, x);
}

Eigen::MatrixXf encodeMeans(const VaeParameters& p, const Eigen::Ref<const Eigen::MatrixXf>& images)
{
    return affine(p.meanWeights(), p.meanBias(), affine(p.encoderWeights(), p.encoderBias(), images).cwiseMax(0.0f));
}

Eigen::MatrixXf decode(const VaeParameters& p, const Eigen::Ref<const Eigen::MatrixXf>& latents)
{
    return sigmoid(affine(p.outputWeights(), p.outputBias(),
                          affine(p.decoderWeights(), p.decoderBias(), latents).cwiseMax(0.0f)));
}

} // namespace collapse
