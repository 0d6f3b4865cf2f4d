#include "core/models/diffusion/image_features.h"

#include "core/minibatch_training.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace collapse {

namespace {

constexpr int kEpochs = 10;
constexpr Eigen::Index kBatch = 128;
constexpr double kLearningRate = 1e-3;

} // namespace

ImageFeatures::ImageFeatures(const Eigen::Ref<const Eigen::MatrixXf>& images, const std::vector<std::uint8_t>& labels,
                             int classes, RandomStream& random)
{
    const Eigen::Index pixels = images.rows();
    const Eigen::Index count = images.cols();
    // One flat vector for Adam: input weights, input bias, output weights, output bias.
    const Eigen::Index sizes[4] = {kFeatureWidth * pixels, kFeatureWidth, classes * kFeatureWidth, classes};
    const Eigen::Index size = sizes[0] + sizes[1] + sizes[2] + sizes[3];
    Eigen::VectorXf flat = Eigen::VectorXf::Zero(size);
    const auto view = [&](Eigen::VectorXf& vector, int part, Eigen::Index rows) {
        Eigen::Index offset = 0;
        for (int i = 0; i < part; ++i) {
            offset += sizes[i];
        }
        return Eigen::Map<Eigen::MatrixXf>(vector.data() + offset, rows, sizes[part] / rows);
    };
    // Glorot-uniform weights (Glorot & Bengio 2010), zero biases.
    for (const auto& [part, fanIn, fanOut] : {std::tuple{0, pixels, Eigen::Index(kFeatureWidth)},
                                              std::tuple{2, Eigen::Index(kFeatureWidth), Eigen::Index(classes)}}) {
        auto weights = view(flat, part, fanOut);
        const double limit = std::sqrt(6.0 / static_cast<double>(fanIn + fanOut));
        for (Eigen::Index i = 0; i < weights.size(); ++i) {
            weights.data()[i] = static_cast<float>(limit * (2.0 * random.uniform() - 1.0));
        }
    }
    Adam adam(size, kLearningRate);
    Eigen::VectorXf gradient(size);
    std::vector<Eigen::Index> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    Eigen::MatrixXf batch(pixels, kBatch);
    for (int epoch = 0; epoch < kEpochs; ++epoch) {
        shuffleOrder(order, random);
        for (Eigen::Index start = 0; start < count; start += kBatch) {
            const Eigen::Index width = std::min(kBatch, count - start);
            Eigen::MatrixXf targets = Eigen::MatrixXf::Zero(classes, width);
            for (Eigen::Index j = 0; j < width; ++j) {
                const Eigen::Index index = order[static_cast<std::size_t>(start + j)];
                batch.col(j) = images.col(index);
                targets(labels[static_cast<std::size_t>(index)], j) = 1.0f;
            }
            const auto x = batch.leftCols(width);
            Eigen::MatrixXf pre = view(flat, 0, kFeatureWidth) * x;
            pre.colwise() += Eigen::VectorXf(view(flat, 1, kFeatureWidth));
            const Eigen::MatrixXf hidden = pre.cwiseMax(0.0f);
            Eigen::MatrixXf scores = view(flat, 2, classes) * hidden;
            scores.colwise() += Eigen::VectorXf(view(flat, 3, classes));
            // Softmax by columns, shifted by each column's largest score; the gradient of the mean
            // cross-entropy is (p − y) / width.
            scores.rowwise() -= scores.colwise().maxCoeff();
            scores = scores.array().exp();
            scores.array().rowwise() /= scores.colwise().sum().array();
            const Eigen::MatrixXf dScores = scores - targets;
            view(gradient, 2, classes) = dScores * hidden.transpose();
            view(gradient, 3, classes) = dScores.rowwise().sum();
            const Eigen::MatrixXf dHidden =
                ((view(flat, 2, classes).transpose() * dScores).array() * (pre.array() > 0.0f).cast<float>()).matrix();
            view(gradient, 0, kFeatureWidth) = dHidden * x.transpose();
            view(gradient, 1, kFeatureWidth) = dHidden.rowwise().sum();
            adam.step(flat, gradient, static_cast<float>(width));
        }
    }
    inputWeights_ = view(flat, 0, kFeatureWidth);
    inputBias_ = view(flat, 1, kFeatureWidth);
    outputWeights_ = view(flat, 2, classes);
    outputBias_ = view(flat, 3, classes);
}

Eigen::MatrixXf ImageFeatures::hiddenOf(const Eigen::Ref<const Eigen::MatrixXf>& images) const
{
    Eigen::MatrixXf pre = inputWeights_ * images;
    pre.colwise() += inputBias_;
    return pre.cwiseMax(0.0f);
}

Eigen::MatrixXd ImageFeatures::features(const Eigen::Ref<const Eigen::MatrixXf>& images) const
{
    return hiddenOf(images).cast<double>();
}

std::vector<int> ImageFeatures::classify(const Eigen::Ref<const Eigen::MatrixXf>& images) const
{
    Eigen::MatrixXf scores = outputWeights_ * hiddenOf(images);
    scores.colwise() += outputBias_;
    std::vector<int> classes(static_cast<std::size_t>(images.cols()));
    for (Eigen::Index j = 0; j < images.cols(); ++j) {
        Eigen::Index best = 0;
        scores.col(j).maxCoeff(&best);
        classes[static_cast<std::size_t>(j)] = static_cast<int>(best);
    }
    return classes;
}

} // namespace collapse
