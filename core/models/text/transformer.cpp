#include "core/models/text/transformer.h"

#include "core/random.h"

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace collapse::text {

namespace {

using Tensor = TransformerParameters::Tensor;

constexpr int kTensorsPerLayer = 12;
constexpr float kNormEpsilon = 1e-5f;

// The tanh form of GELU that GPT-2 uses (Hendrycks & Gimpel, "Gaussian error linear units", 2016):
// ½ x (1 + tanh(√(2/π) (x + 0.044715 x³))).
constexpr float kGeluScale = 0.7978845608028654f; // √(2/π)
constexpr float kGeluCubic = 0.044715f;

float gelu(float x)
{
    return 0.5f * x * (1.0f + std::tanh(kGeluScale * (x + kGeluCubic * x * x * x)));
}

float geluDerivative(float x)
{
    const float inner = kGeluScale * (x + kGeluCubic * x * x * x);
    const float tanhInner = std::tanh(inner);
    return 0.5f * (1.0f + tanhInner) +
           0.5f * x * (1.0f - tanhInner * tanhInner) * kGeluScale * (1.0f + 3.0f * kGeluCubic * x * x);
}

// Layer normalisation of each column (Ba, Kiros & Hinton 2016): x̂ = (x − mean) / √(var + ε) into `normed`,
// 1/√(var + ε) into `inverseStd`, and g ⊙ x̂ + b into `out`.
void normalise(const Eigen::Ref<const Eigen::MatrixXf>& x, const Eigen::Ref<const Eigen::MatrixXf>& gain,
               const Eigen::Ref<const Eigen::MatrixXf>& bias, Eigen::MatrixXf& normed, Eigen::VectorXf& inverseStd,
               Eigen::MatrixXf& out)
{
    normed = x.rowwise() - x.colwise().mean();
    inverseStd = ((normed.array().square().colwise().mean() + kNormEpsilon).rsqrt()).transpose();
    normed.array().rowwise() *= inverseStd.transpose().array();
    out = (normed.array().colwise() * gain.col(0).array()).colwise() + bias.col(0).array();
}

// The backward pass of normalise(): adds ∂/∂g and ∂/∂b to their gradients and returns ∂/∂x into `input`:
// ∂x = r (∂x̂ − mean(∂x̂) − x̂ mean(∂x̂ ⊙ x̂)) with ∂x̂ = g ⊙ ∂out, per column.
void normaliseBackward(const Eigen::Ref<const Eigen::MatrixXf>& outGradient, const Eigen::MatrixXf& normed,
                       const Eigen::VectorXf& inverseStd, const Eigen::Ref<const Eigen::MatrixXf>& gain,
                       Eigen::Map<Eigen::MatrixXf> gainGradient, Eigen::Map<Eigen::MatrixXf> biasGradient,
                       Eigen::MatrixXf& inputGradient)
{
    gainGradient.col(0) += (outGradient.array() * normed.array()).rowwise().sum().matrix();
    biasGradient.col(0) += outGradient.rowwise().sum();
    inputGradient = outGradient.array().colwise() * gain.col(0).array();
    const Eigen::RowVectorXf meanGradient = inputGradient.colwise().mean();
    const Eigen::RowVectorXf meanProjection = (inputGradient.array() * normed.array()).colwise().mean();
    inputGradient.array() -= normed.array().rowwise() * meanProjection.array();
    inputGradient.rowwise() -= meanGradient;
    inputGradient.array().rowwise() *= inverseStd.transpose().array();
}

// Softmax over the first `count` entries of a column, zero after them: the causal mask of query i lets it
// see keys 0 … i.
void maskedSoftmax(Eigen::Ref<Eigen::VectorXf> scores, Eigen::Index count)
{
    auto seen = scores.head(count);
    seen.array() = (seen.array() - seen.maxCoeff()).exp();
    seen /= seen.sum();
    scores.tail(scores.size() - count).setZero();
}

// The residual stream of `inputs` (T × B model ids) through every block and the final norm, each layer's
// activations kept in `workspace` for the backward pass; the logits into workspace.logits.
void forward(const TransformerParameters& parameters, const Eigen::Ref<const Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic>>& inputs,
             TransformerWorkspace& workspace)
{
    const TransformerShape& shape = parameters.shape();
    const Eigen::Index positions = inputs.rows();
    const Eigen::Index sequences = inputs.cols();
    const Eigen::Index columns = positions * sequences;
    const int d = shape.width;
    const int headWidth = shape.headWidth();
    const float scale = 1.0f / std::sqrt(static_cast<float>(headWidth));
    if (positions > shape.context) {
        throw std::invalid_argument("a sequence is longer than the transformer's context");
    }
    const auto tokens = parameters.tensor(Tensor::TokenEmbedding);
    const auto places = parameters.tensor(Tensor::PositionEmbedding);

    Eigen::MatrixXf& stream = workspace.residualGradient; // the residual stream, d × N (reused in backward)
    stream.resize(d, columns);
    for (Eigen::Index b = 0; b < sequences; ++b) {
        for (Eigen::Index t = 0; t < positions; ++t) {
            stream.col(b * positions + t) = tokens.col(inputs(t, b)) + places.col(t);
        }
    }
    workspace.layers.resize(static_cast<std::size_t>(shape.layers));
    Eigen::MatrixXf& normedOut = workspace.gradientA;
    for (int l = 0; l < shape.layers; ++l) {
        TransformerWorkspace::Layer& layer = workspace.layers[static_cast<std::size_t>(l)];
        normalise(stream, parameters.tensor(Tensor::AttentionNormGain, l), parameters.tensor(Tensor::AttentionNormBias, l),
                  layer.attentionNormed, layer.attentionInverseStd, normedOut);
        layer.queryKeyValue.noalias() = parameters.tensor(Tensor::QueryKeyValue, l) * normedOut;
        layer.queryKeyValue.colwise() += parameters.tensor(Tensor::QueryKeyValueBias, l).col(0);
        layer.attention.resize(static_cast<std::size_t>(sequences * shape.heads));
        layer.mixed.resize(d, columns);
        for (Eigen::Index b = 0; b < sequences; ++b) {
            for (int h = 0; h < shape.heads; ++h) {
                const auto query = layer.queryKeyValue.block(h * headWidth, b * positions, headWidth, positions);
                const auto key = layer.queryKeyValue.block(d + h * headWidth, b * positions, headWidth, positions);
                const auto value = layer.queryKeyValue.block(2 * d + h * headWidth, b * positions, headWidth, positions);
                Eigen::MatrixXf& weights = layer.attention[static_cast<std::size_t>(b * shape.heads + h)];
                weights.noalias() = scale * (key.transpose() * query); // keys × queries
                for (Eigen::Index i = 0; i < positions; ++i) {
                    maskedSoftmax(weights.col(i), i + 1);
                }
                layer.mixed.block(h * headWidth, b * positions, headWidth, positions).noalias() = value * weights;
            }
        }
        stream.noalias() += parameters.tensor(Tensor::AttentionOutput, l) * layer.mixed;
        stream.colwise() += parameters.tensor(Tensor::AttentionOutputBias, l).col(0);
        normalise(stream, parameters.tensor(Tensor::MlpNormGain, l), parameters.tensor(Tensor::MlpNormBias, l),
                  layer.mlpNormed, layer.mlpInverseStd, normedOut);
        layer.mlpPreActivation.noalias() = parameters.tensor(Tensor::MlpIn, l) * normedOut;
        layer.mlpPreActivation.colwise() += parameters.tensor(Tensor::MlpInBias, l).col(0);
        layer.mlpActivation = layer.mlpPreActivation.unaryExpr(&gelu);
        stream.noalias() += parameters.tensor(Tensor::MlpOut, l) * layer.mlpActivation;
        stream.colwise() += parameters.tensor(Tensor::MlpOutBias, l).col(0);
    }
    normalise(stream, parameters.tensor(Tensor::FinalNormGain), parameters.tensor(Tensor::FinalNormBias),
              workspace.finalNormed, workspace.finalInverseStd, workspace.finalOutput);
    workspace.logits.noalias() = tokens.transpose() * workspace.finalOutput;
}

// g ⊙ x̂ + b again, from what normalise() kept: the input of the layer after a norm, for its weight gradient.
void renormalised(const Eigen::MatrixXf& normed, const Eigen::Ref<const Eigen::MatrixXf>& gain,
                  const Eigen::Ref<const Eigen::MatrixXf>& bias, Eigen::MatrixXf& out)
{
    out = (normed.array().colwise() * gain.col(0).array()).colwise() + bias.col(0).array();
}

void backward(const TransformerParameters& parameters,
              const Eigen::Ref<const Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic>>& inputs,
              TransformerWorkspace& workspace, Eigen::VectorXf& gradient)
{
    const TransformerShape& shape = parameters.shape();
    const Eigen::Index positions = inputs.rows();
    const Eigen::Index sequences = inputs.cols();
    const int d = shape.width;
    const int headWidth = shape.headWidth();
    const float scale = 1.0f / std::sqrt(static_cast<float>(headWidth));
    const auto tokens = parameters.tensor(Tensor::TokenEmbedding);
    auto tokensGradient = parameters.tensor(Tensor::TokenEmbedding, gradient);

    // The output layer is the token embedding: logits = Eᵀ f, so ∂E += f ∂logitsᵀ and ∂f = E ∂logits.
    tokensGradient.noalias() += workspace.finalOutput * workspace.logits.transpose();
    Eigen::MatrixXf& outGradient = workspace.gradientB;
    outGradient.noalias() = tokens * workspace.logits;
    Eigen::MatrixXf& stream = workspace.residualGradient; // from here on ∂ of the residual stream
    normaliseBackward(outGradient, workspace.finalNormed, workspace.finalInverseStd, parameters.tensor(Tensor::FinalNormGain),
                      parameters.tensor(Tensor::FinalNormGain, gradient), parameters.tensor(Tensor::FinalNormBias, gradient),
                      stream);
    Eigen::MatrixXf& normedOut = workspace.gradientA;
    Eigen::MatrixXf& wide = workspace.gradientWide;
    Eigen::MatrixXf branch;
    for (int l = shape.layers - 1; l >= 0; --l) {
        TransformerWorkspace::Layer& layer = workspace.layers[static_cast<std::size_t>(l)];
        // The MLP: x ← x + W₂ gelu(W₁ LN(x) + b₁) + b₂.
        parameters.tensor(Tensor::MlpOut, gradient, l).noalias() += stream * layer.mlpActivation.transpose();
        parameters.tensor(Tensor::MlpOutBias, gradient, l).col(0) += stream.rowwise().sum();
        wide.noalias() = parameters.tensor(Tensor::MlpOut, l).transpose() * stream;
        wide.array() *= layer.mlpPreActivation.unaryExpr(&geluDerivative).array();
        renormalised(layer.mlpNormed, parameters.tensor(Tensor::MlpNormGain, l), parameters.tensor(Tensor::MlpNormBias, l), normedOut);
        parameters.tensor(Tensor::MlpIn, gradient, l).noalias() += wide * normedOut.transpose();
        parameters.tensor(Tensor::MlpInBias, gradient, l).col(0) += wide.rowwise().sum();
        outGradient.noalias() = parameters.tensor(Tensor::MlpIn, l).transpose() * wide;
        normaliseBackward(outGradient, layer.mlpNormed, layer.mlpInverseStd, parameters.tensor(Tensor::MlpNormGain, l),
                          parameters.tensor(Tensor::MlpNormGain, gradient, l), parameters.tensor(Tensor::MlpNormBias, gradient, l),
                          branch);
        stream += branch;

        // Attention: x ← x + W_o [heads] + b_o, each head softmax(Kᵀ Q / √d_h, causal) applied to V.
        parameters.tensor(Tensor::AttentionOutput, gradient, l).noalias() += stream * layer.mixed.transpose();
        parameters.tensor(Tensor::AttentionOutputBias, gradient, l).col(0) += stream.rowwise().sum();
        outGradient.noalias() = parameters.tensor(Tensor::AttentionOutput, l).transpose() * stream; // ∂ mixed
        wide.resize(3 * d, positions * sequences);                                                // ∂ qkv
        Eigen::MatrixXf weightsGradient;
        for (Eigen::Index b = 0; b < sequences; ++b) {
            for (int h = 0; h < shape.heads; ++h) {
                const Eigen::Index column = b * positions;
                const auto query = layer.queryKeyValue.block(h * headWidth, column, headWidth, positions);
                const auto key = layer.queryKeyValue.block(d + h * headWidth, column, headWidth, positions);
                const auto value = layer.queryKeyValue.block(2 * d + h * headWidth, column, headWidth, positions);
                const Eigen::MatrixXf& weights = layer.attention[static_cast<std::size_t>(b * shape.heads + h)];
                const auto mixedGradient = outGradient.block(h * headWidth, column, headWidth, positions);
                wide.block(2 * d + h * headWidth, column, headWidth, positions).noalias() = mixedGradient * weights.transpose();
                weightsGradient.noalias() = value.transpose() * mixedGradient;
                // Through each query's softmax: ∂s = p ⊙ (∂p − p·∂p); masked keys have p = 0 and get nothing.
                const Eigen::RowVectorXf projection = (weightsGradient.array() * weights.array()).colwise().sum();
                weightsGradient = weights.array() * (weightsGradient.array().rowwise() - projection.array());
                wide.block(h * headWidth, column, headWidth, positions).noalias() = scale * (key * weightsGradient);
                wide.block(d + h * headWidth, column, headWidth, positions).noalias() = scale * (query * weightsGradient.transpose());
            }
        }
        renormalised(layer.attentionNormed, parameters.tensor(Tensor::AttentionNormGain, l),
                     parameters.tensor(Tensor::AttentionNormBias, l), normedOut);
        parameters.tensor(Tensor::QueryKeyValue, gradient, l).noalias() += wide * normedOut.transpose();
        parameters.tensor(Tensor::QueryKeyValueBias, gradient, l).col(0) += wide.rowwise().sum();
        outGradient.noalias() = parameters.tensor(Tensor::QueryKeyValue, l).transpose() * wide;
        normaliseBackward(outGradient, layer.attentionNormed, layer.attentionInverseStd,
                          parameters.tensor(Tensor::AttentionNormGain, l), parameters.tensor(Tensor::AttentionNormGain, gradient, l),
                          parameters.tensor(Tensor::AttentionNormBias, gradient, l), branch);
        stream += branch;
    }
    auto placesGradient = parameters.tensor(Tensor::PositionEmbedding, gradient);
    for (Eigen::Index b = 0; b < sequences; ++b) {
        for (Eigen::Index t = 0; t < positions; ++t) {
            tokensGradient.col(inputs(t, b)) += stream.col(b * positions + t);
            placesGradient.col(t) += stream.col(b * positions + t);
        }
    }
}

} // namespace

// TransformerParameters ---------------------------------------------------------------------------------

Eigen::Index weightCount(const TransformerShape& shape)
{
    const Eigen::Index d = shape.width;
    return d * shape.vocabulary + d * shape.context + shape.layers * (12 * d * d + 13 * d) + 2 * d;
}

TransformerParameters::TransformerParameters(const TransformerShape& shape) : shape_(shape)
{
    if (shape.vocabulary < 3 || shape.context < 1 || shape.width < 1 || shape.layers < 1 || shape.heads < 1 ||
        shape.width % shape.heads != 0) {
        throw std::invalid_argument("a transformer needs a vocabulary of 3 or more ids and a width that its heads divide");
    }
    Eigen::Index offset = 0;
    const auto add = [&](Eigen::Index rows, Eigen::Index cols) {
        blocks_.push_back({offset, rows, cols});
        offset += rows * cols;
    };
    const Eigen::Index d = shape.width;
    const Eigen::Index wide = shape.mlpWidth();
    add(d, shape.vocabulary);
    add(d, shape.context);
    for (int l = 0; l < shape.layers; ++l) {
        add(d, 1), add(d, 1);         // attention norm
        add(3 * d, d), add(3 * d, 1); // queries, keys, values
        add(d, d), add(d, 1);         // attention output
        add(d, 1), add(d, 1);         // MLP norm
        add(wide, d), add(wide, 1);   // MLP in
        add(d, wide), add(d, 1);      // MLP out
    }
    add(d, 1), add(d, 1); // final norm
    values_ = Eigen::VectorXf::Zero(offset);
}

const TransformerParameters::Block& TransformerParameters::block(Tensor tensor, int layer) const
{
    const int index = static_cast<int>(tensor);
    const int first = static_cast<int>(Tensor::AttentionNormGain);
    const int last = static_cast<int>(Tensor::MlpOutBias);
    std::size_t at = 0;
    if (index < first) {
        at = static_cast<std::size_t>(index);
    } else if (index <= last) {
        at = static_cast<std::size_t>(first + layer * kTensorsPerLayer + (index - first));
    } else {
        at = static_cast<std::size_t>(first + shape_.layers * kTensorsPerLayer + (index - last - 1));
    }
    return blocks_[at];
}

Eigen::Map<Eigen::MatrixXf> TransformerParameters::tensor(Tensor tensor, Eigen::VectorXf& flat, int layer) const
{
    const Block& b = block(tensor, layer);
    return {flat.data() + b.offset, b.rows, b.cols};
}

Eigen::Map<const Eigen::MatrixXf> TransformerParameters::tensor(Tensor tensor, const Eigen::VectorXf& flat, int layer) const
{
    const Block& b = block(tensor, layer);
    return {flat.data() + b.offset, b.rows, b.cols};
}

void TransformerParameters::initialise(RandomStream& random)
{
    constexpr double deviation = 0.02;
    const double residualDeviation = deviation / std::sqrt(2.0 * shape_.layers);
    const auto fill = [&](Tensor which, int layer, double spread) {
        auto values = tensor(which, values_, layer);
        Eigen::MatrixXd normals(values.rows(), values.cols());
        random.fillNormals({normals.data(), static_cast<std::size_t>(normals.size())});
        values = (spread * normals).cast<float>();
    };
    values_.setZero();
    fill(Tensor::TokenEmbedding, 0, deviation);
    fill(Tensor::PositionEmbedding, 0, deviation);
    for (int l = 0; l < shape_.layers; ++l) {
        tensor(Tensor::AttentionNormGain, values_, l).setOnes();
        tensor(Tensor::MlpNormGain, values_, l).setOnes();
        fill(Tensor::QueryKeyValue, l, deviation);
        fill(Tensor::AttentionOutput, l, residualDeviation);
        fill(Tensor::MlpIn, l, deviation);
        fill(Tensor::MlpOut, l, residualDeviation);
    }
    tensor(Tensor::FinalNormGain, values_).setOnes();
}

bool allFinite(const TransformerParameters& parameters)
{
    return parameters.values().allFinite();
}

// Training and scoring ----------------------------------------------------------------------------------

float crossEntropy(const TransformerParameters& parameters, const TokenBatch& batch, TransformerWorkspace& workspace,
                   Eigen::VectorXf* gradient)
{
    forward(parameters, batch.inputs, workspace);
    Eigen::MatrixXf& logits = workspace.logits;
    const Eigen::Index positions = batch.inputs.rows();
    double loss = 0.0;
    for (Eigen::Index n = 0; n < logits.cols(); ++n) {
        const std::int32_t target = batch.targets(n % positions, n / positions);
        auto column = logits.col(n);
        if (target < 0) {
            column.setZero(); // no prediction asked here: nothing flows back from it
            continue;
        }
        const float largest = column.maxCoeff();
        column.array() = (column.array() - largest).exp();
        const float total = column.sum();
        loss -= std::log(column(target) / total);
        // ∂/∂logits of −ln softmax(target) = softmax − one-hot, kept in place for the backward pass.
        column /= total;
        column(target) -= 1.0f;
    }
    if (gradient != nullptr) {
        backward(parameters, batch.inputs, workspace, *gradient);
    }
    return static_cast<float>(loss);
}

void logProbabilitiesAfter(const TransformerParameters& parameters, std::span<const std::int32_t> inputs,
                           TransformerWorkspace& workspace, Eigen::MatrixXf& logProbabilities)
{
    const Eigen::Map<const Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic>> sequence(
        inputs.data(), static_cast<Eigen::Index>(inputs.size()), 1);
    forward(parameters, sequence, workspace);
    logProbabilities = workspace.logits;
    for (Eigen::Index n = 0; n < logProbabilities.cols(); ++n) {
        auto column = logProbabilities.col(n);
        const float largest = column.maxCoeff();
        const float logTotal = largest + std::log((column.array() - largest).exp().sum());
        column.array() -= logTotal;
    }
}

// DecodingState -----------------------------------------------------------------------------------------

DecodingState::DecodingState(const TransformerParameters& parameters)
{
    const TransformerShape& shape = parameters.shape();
    keys_.assign(static_cast<std::size_t>(shape.layers), Eigen::MatrixXf(shape.width, shape.context));
    values_ = keys_;
}

const Eigen::VectorXf& DecodingState::feed(const TransformerParameters& parameters, std::int32_t token)
{
    const TransformerShape& shape = parameters.shape();
    if (length_ >= shape.context) {
        throw std::invalid_argument("the transformer's context is full");
    }
    const int t = length_;
    const int d = shape.width;
    const int headWidth = shape.headWidth();
    const float scale = 1.0f / std::sqrt(static_cast<float>(headWidth));
    const auto tokens = parameters.tensor(Tensor::TokenEmbedding);
    residual_ = tokens.col(token) + parameters.tensor(Tensor::PositionEmbedding).col(t);
    Eigen::MatrixXf normed(d, 1);
    Eigen::VectorXf inverseStd;
    Eigen::MatrixXf out;
    for (int l = 0; l < shape.layers; ++l) {
        normalise(residual_, parameters.tensor(Tensor::AttentionNormGain, l), parameters.tensor(Tensor::AttentionNormBias, l),
                  normed, inverseStd, out);
        queryKeyValue_.noalias() = parameters.tensor(Tensor::QueryKeyValue, l) * out.col(0);
        queryKeyValue_ += parameters.tensor(Tensor::QueryKeyValueBias, l).col(0);
        Eigen::MatrixXf& keys = keys_[static_cast<std::size_t>(l)];
        Eigen::MatrixXf& values = values_[static_cast<std::size_t>(l)];
        keys.col(t) = queryKeyValue_.segment(d, d);
        values.col(t) = queryKeyValue_.segment(2 * d, d);
        mixed_.resize(d);
        for (int h = 0; h < shape.heads; ++h) {
            scores_.noalias() = scale * (keys.block(h * headWidth, 0, headWidth, t + 1).transpose() *
                                         queryKeyValue_.segment(h * headWidth, headWidth));
            maskedSoftmax(scores_, t + 1);
            mixed_.segment(h * headWidth, headWidth).noalias() = values.block(h * headWidth, 0, headWidth, t + 1) * scores_;
        }
        residual_.noalias() += parameters.tensor(Tensor::AttentionOutput, l) * mixed_;
        residual_ += parameters.tensor(Tensor::AttentionOutputBias, l).col(0);
        normalise(residual_, parameters.tensor(Tensor::MlpNormGain, l), parameters.tensor(Tensor::MlpNormBias, l), normed,
                  inverseStd, out);
        hidden_.noalias() = parameters.tensor(Tensor::MlpIn, l) * out.col(0);
        hidden_ = (hidden_ + parameters.tensor(Tensor::MlpInBias, l).col(0)).unaryExpr(&gelu);
        residual_.noalias() += parameters.tensor(Tensor::MlpOut, l) * hidden_;
        residual_ += parameters.tensor(Tensor::MlpOutBias, l).col(0);
    }
    normalise(residual_, parameters.tensor(Tensor::FinalNormGain), parameters.tensor(Tensor::FinalNormBias), normed,
              inverseStd, out);
    logits_.noalias() = tokens.transpose() * out.col(0);
    ++length_;
    return logits_;
}

void DecodingState::copyPrefix(const DecodingState& other, int length)
{
    for (std::size_t l = 0; l < keys_.size(); ++l) {
        keys_[l].leftCols(length) = other.keys_[l].leftCols(length);
        values_[l].leftCols(length) = other.values_[l].leftCols(length);
    }
    length_ = length;
}

} // namespace collapse::text
