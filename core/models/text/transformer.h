#pragma once

// A decoder-only transformer language model in the shape of GPT-2 (Radford et al., "Language models are
// unsupervised multitask learners", 2019) and nanoGPT: token and position embeddings, pre-norm blocks of
// causal multi-head self-attention and a GELU MLP, a final layer norm and the token embedding again as the
// output layer (tied weights). Written with Eigen in single precision; the backward pass is by hand and
// checked against finite differences in tests/core/models/text/test_transformer.cpp.

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <vector>

namespace collapse {
class RandomStream;
}

namespace collapse::text {

struct TransformerShape {
    int vocabulary = 4096; // model ids: 0 <unk>, 1 <s>, then words
    int context = 64;      // positions, <s> included
    int width = 128;       // d
    int layers = 4;        // L
    int heads = 4;         // d / heads per head

    int headWidth() const { return width / heads; }
    int mlpWidth() const { return 4 * width; }
    friend bool operator==(const TransformerShape&, const TransformerShape&) = default;
};

// The number of weights of a network of this shape: d V + d context + L (12 d² + 13 d) + 2 d.
Eigen::Index weightCount(const TransformerShape& shape);

// Every weight of the network in one flat vector (Adam, the gradient checks and the weights file see one
// array), with a view of each matrix and vector. Matrices act on columns: a layer computes W x + b.
class TransformerParameters {
public:
    explicit TransformerParameters(const TransformerShape& shape);

    const TransformerShape& shape() const { return shape_; }
    Eigen::VectorXf& values() { return values_; }
    const Eigen::VectorXf& values() const { return values_; }

    // The named tensors, each a view into `flat` (values() or a gradient of the same size).
    enum class Tensor {
        TokenEmbedding,    // d × V; also the output layer
        PositionEmbedding, // d × context
        AttentionNormGain, AttentionNormBias,
        QueryKeyValue, QueryKeyValueBias, // 3d × d: queries, keys, values stacked
        AttentionOutput, AttentionOutputBias, // d × d
        MlpNormGain, MlpNormBias,
        MlpIn, MlpInBias,   // 4d × d
        MlpOut, MlpOutBias, // d × 4d
        FinalNormGain, FinalNormBias,
    };
    // `layer` is ignored for the embeddings and the final norm.
    Eigen::Map<Eigen::MatrixXf> tensor(Tensor tensor, Eigen::VectorXf& flat, int layer = 0) const;
    Eigen::Map<const Eigen::MatrixXf> tensor(Tensor tensor, const Eigen::VectorXf& flat, int layer = 0) const;
    Eigen::Map<const Eigen::MatrixXf> tensor(Tensor tensor, int layer = 0) const { return this->tensor(tensor, values_, layer); }

    // GPT-2's initialisation: weights N(0, 0.02²), the two projections into the residual stream (attention
    // output, MLP out) N(0, (0.02 / √(2L))²), biases 0, norm gains 1.
    void initialise(RandomStream& random);

private:
    struct Block {
        Eigen::Index offset, rows, cols;
    };
    const Block& block(Tensor tensor, int layer) const;

    TransformerShape shape_;
    std::vector<Block> blocks_; // the embeddings, then each layer's tensors, then the final norm
    Eigen::VectorXf values_;
};

// Whether the parameters hold no NaN or infinity.
bool allFinite(const TransformerParameters& parameters);

// Sequences for training or scoring, all of the same length T ≤ context: column b of `inputs` holds the
// model ids the network reads (position 0 is <s>), column b of `targets` the ids it should predict at each
// position.
struct TokenBatch {
    Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic> inputs;  // T × B
    Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic> targets; // T × B
};

// Scratch matrices of one forward and backward pass, kept between calls so that a thread allocates once.
struct TransformerWorkspace {
    struct Layer {
        Eigen::MatrixXf attentionNormed;  // x̂ of the first norm, d × N
        Eigen::VectorXf attentionInverseStd;
        Eigen::MatrixXf queryKeyValue;    // 3d × N
        std::vector<Eigen::MatrixXf> attention; // per sequence and head: T × T, column i the weights of query i
        Eigen::MatrixXf mixed;            // d × N, the heads' outputs concatenated
        Eigen::MatrixXf mlpNormed;
        Eigen::VectorXf mlpInverseStd;
        Eigen::MatrixXf mlpPreActivation; // 4d × N
        Eigen::MatrixXf mlpActivation;
    };
    std::vector<Layer> layers;
    Eigen::MatrixXf finalNormed, finalOutput;
    Eigen::VectorXf finalInverseStd;
    Eigen::MatrixXf logits; // V × N
    // The residual stream forward, its gradient backward; scratch of both passes.
    Eigen::MatrixXf residualGradient, gradientA, gradientB, gradientWide;
};

// The summed cross-entropy −Σ ln p(target | inputs so far) over the batch's positions (targets below 0 are
// skipped), and, when `gradient` is given (the size of the parameters, zeroed by the caller or holding a sum
// to add to), its gradient by backpropagation.
float crossEntropy(const TransformerParameters& parameters, const TokenBatch& batch, TransformerWorkspace& workspace,
                   Eigen::VectorXf* gradient = nullptr);

// ln softmax of the logits at every position of `inputs` (T ≤ context model ids, <s> first) into `logProbabilities`
// (V × T): what the network predicts after each prefix.
void logProbabilitiesAfter(const TransformerParameters& parameters, std::span<const std::int32_t> inputs,
                           TransformerWorkspace& workspace, Eigen::MatrixXf& logProbabilities);

// Incremental decoding with a cache of every layer's keys and values (as GPT-2 generates): feed(token)
// appends one position and returns the logits of the next token. Each position is computed by the same
// operations whatever came before it was fed or copied from another state, so a result depends only on the
// tokens, never on how the cache was filled.
class DecodingState {
public:
    explicit DecodingState(const TransformerParameters& parameters);

    void clear() { length_ = 0; }
    int length() const { return length_; }
    // Appends model id `token` at position length() (< context) and returns the logits (V) after it.
    const Eigen::VectorXf& feed(const TransformerParameters& parameters, std::int32_t token);
    const Eigen::VectorXf& logits() const { return logits_; }
    // Makes this state a copy of the first `length` positions of `other`; the logits are then stale until
    // the next feed().
    void copyPrefix(const DecodingState& other, int length);

private:
    int length_ = 0;
    std::vector<Eigen::MatrixXf> keys_, values_; // per layer, d × context
    Eigen::VectorXf residual_, normed_, queryKeyValue_, mixed_, hidden_, scores_, logits_;
};

} // namespace collapse::text
