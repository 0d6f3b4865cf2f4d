#pragma once

#include <Eigen/Core>

namespace collapse {

class RandomStream;

// The shape of a variational autoencoder (Kingma & Welling, "Auto-Encoding Variational Bayes", ICLR
// 2014): encoder input → hidden (ReLU) → (μ, ln σ²) of the latent width, decoder latent → hidden
// (ReLU) → input logits, a Bernoulli likelihood per pixel.
struct VaeShape {
    int input = 784;
    int hidden = 400;
    int latent = 20;
};

// The network's parameters, held in one flat vector (so that Adam and the gradient check see a single
// array), with views of each weight matrix and bias.
class VaeParameters {
public:
    explicit VaeParameters(const VaeShape& shape);

    const VaeShape& shape() const { return shape_; }
    Eigen::VectorXf& values() { return values_; }
    const Eigen::VectorXf& values() const { return values_; }

    using MatrixView = Eigen::Map<Eigen::MatrixXf>;
    using VectorView = Eigen::Map<Eigen::VectorXf>;
    using ConstMatrixView = Eigen::Map<const Eigen::MatrixXf>;
    using ConstVectorView = Eigen::Map<const Eigen::VectorXf>;

    // Encoder: input → hidden; hidden → mean and hidden → log-variance. Decoder: latent → hidden →
    // input.
    MatrixView encoderWeights() { return matrix(0); }
    VectorView encoderBias() { return vector(1); }
    MatrixView meanWeights() { return matrix(2); }
    VectorView meanBias() { return vector(3); }
    MatrixView logVarianceWeights() { return matrix(4); }
    VectorView logVarianceBias() { return vector(5); }
    MatrixView decoderWeights() { return matrix(6); }
    VectorView decoderBias() { return vector(7); }
    MatrixView outputWeights() { return matrix(8); }
    VectorView outputBias() { return vector(9); }
    ConstMatrixView encoderWeights() const { return matrix(0); }
    ConstVectorView encoderBias() const { return vector(1); }
    ConstMatrixView meanWeights() const { return matrix(2); }
    ConstVectorView meanBias() const { return vector(3); }
    ConstMatrixView logVarianceWeights() const { return matrix(4); }
    ConstVectorView logVarianceBias() const { return vector(5); }
    ConstMatrixView decoderWeights() const { return matrix(6); }
    ConstVectorView decoderBias() const { return vector(7); }
    ConstMatrixView outputWeights() const { return matrix(8); }
    ConstVectorView outputBias() const { return vector(9); }

    // Weights drawn uniformly in ±sqrt(6 / (fan_in + fan_out)) (Glorot & Bengio 2010), biases zero.
    void initialise(RandomStream& random);

private:
    struct Block {
        Eigen::Index offset, rows, cols;
    };
    void layOut();
    MatrixView matrix(int block);
    VectorView vector(int block);
    ConstMatrixView matrix(int block) const;
    ConstVectorView vector(int block) const;

    VaeShape shape_;
    Eigen::VectorXf values_;
    Block blocks_[10];
};

// The negative ELBO of a batch and its gradient, by hand-written backpropagation through the
// reparameterised sample z = μ + σ ⊙ ε:
//   -ELBO(x) = Σ_pixels [softplus(l) - x l]  +  ½ Σ_latent (μ² + σ² - 1 - ln σ²),
// a Bernoulli reconstruction term on the decoder's logits l and the analytic KL divergence to N(0, I).
// `images` and `noise` hold one column per image; returns the sum over the batch and adds the
// gradient of that sum to `gradient`, a VaeParameters of the same shape used as an accumulator.
float negativeElboAndGradient(const VaeParameters& parameters, const Eigen::Ref<const Eigen::MatrixXf>& images,
                              const Eigen::Ref<const Eigen::MatrixXf>& noise, VaeParameters& gradient);

// The same sum without the gradient.
float negativeElbo(const VaeParameters& parameters, const Eigen::Ref<const Eigen::MatrixXf>& images,
                   const Eigen::Ref<const Eigen::MatrixXf>& noise);

// The encoder's means μ(x) for each column.
Eigen::MatrixXf encodeMeans(const VaeParameters& parameters, const Eigen::Ref<const Eigen::MatrixXf>& images);
// The decoder's Bernoulli means sigmoid(l(z)) for each latent column: the generated images.
Eigen::MatrixXf decode(const VaeParameters& parameters, const Eigen::Ref<const Eigen::MatrixXf>& latents);

} // namespace collapse
