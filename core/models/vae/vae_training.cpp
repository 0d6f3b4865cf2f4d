#include "core/models/vae/vae_training.h"

#include "core/minibatch_training.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

namespace collapse {

namespace {

// Gradients of a batch are computed in this many slices, whatever the thread count (two slices of 64
// keep the matrix products efficient and both cores busy).
constexpr int kSlices = 2;

} // namespace

VaeTrainingReport trainVae(VaeParameters& parameters, const Eigen::Ref<const Eigen::MatrixXf>& images,
                           const VaeTraining& training, RandomStream& random)
{
    const Eigen::Index count = images.cols();
    const Eigen::Index size = parameters.values().size();
    const int latent = parameters.shape().latent;
    Adam adam(size, training.learningRate);
    std::vector<Eigen::Index> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    std::vector<VaeParameters> sliceGradients(kSlices, VaeParameters(parameters.shape()));
    SlicedGradient gradient(size, kSlices,
                            [&](int slice) -> Eigen::VectorXf& { return sliceGradients[static_cast<std::size_t>(slice)].values(); });
    Eigen::MatrixXf batch(images.rows(), training.batch);
    Eigen::MatrixXf noise(latent, training.batch);
    VaeTrainingReport report;

    for (int epoch = 0; epoch < training.epochs; ++epoch) {
        shuffleOrder(order, random);
        double epochLoss = 0.0;
        for (Eigen::Index start = 0; start < count; start += training.batch) {
            const Eigen::Index width = std::min<Eigen::Index>(training.batch, count - start);
            for (Eigen::Index j = 0; j < width; ++j) {
                batch.col(j) = images.col(order[static_cast<std::size_t>(start + j)]);
            }
            for (Eigen::Index j = 0; j < latent * width; ++j) {
                noise.data()[j] = static_cast<float>(random.normal());
            }
            const float loss = gradient.compute(width, [&](int slice, Eigen::Index begin, Eigen::Index end) {
                VaeParameters& sliceGradient = sliceGradients[static_cast<std::size_t>(slice)];
                sliceGradient.values().setZero();
                return end > begin ? negativeElboAndGradient(parameters, batch.middleCols(begin, end - begin),
                                                             noise.middleCols(begin, end - begin), sliceGradient)
                                   : 0.0f;
            });
            if (std::isnan(loss)) {
                ++report.skippedBatches;
                continue;
            }
            adam.step(parameters.values(), gradient.sum(), static_cast<float>(width));
            epochLoss += loss;
        }
        report.lastEpochLoss = epochLoss / static_cast<double>(count);
    }
    return report;
}

SoftmaxClassifier::SoftmaxClassifier(const Eigen::Ref<const Eigen::MatrixXf>& images,
                                     const std::vector<std::uint8_t>& labels, int classes, RandomStream& random)
    : weights_(Eigen::MatrixXf::Zero(classes, images.rows())), bias_(Eigen::VectorXf::Zero(classes))
{
    // Minibatch Adam on the mean cross-entropy, with a small L2 penalty; 15 epochs reach the plateau of
    // this convex problem on Fashion-MNIST-sized data.
    constexpr int kEpochs = 15;
    constexpr Eigen::Index kBatch = 256;
    constexpr float kPenalty = 1e-4f;
    const Eigen::Index count = images.cols();
    const Eigen::Index size = weights_.size() + bias_.size();
    Adam adam(size, 1e-2);
    Eigen::VectorXf flat(size);
    flat << Eigen::Map<Eigen::VectorXf>(weights_.data(), weights_.size()), bias_;
    std::vector<Eigen::Index> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    Eigen::MatrixXf batch(images.rows(), kBatch);
    Eigen::VectorXf gradient(size);
    for (int epoch = 0; epoch < kEpochs; ++epoch) {
        shuffleOrder(order, random);
        for (Eigen::Index start = 0; start < count; start += kBatch) {
            const Eigen::Index width = std::min(kBatch, count - start);
            Eigen::MatrixXf targets = Eigen::MatrixXf::Zero(classes, width);
            for (Eigen::Index j = 0; j < width; ++j) {
                const auto index = order[static_cast<std::size_t>(start + j)];
                batch.col(j) = images.col(index);
                targets(labels[static_cast<std::size_t>(index)], j) = 1.0f;
            }
            const Eigen::Map<const Eigen::MatrixXf> w(flat.data(), classes, images.rows());
            const Eigen::Map<const Eigen::VectorXf> b(flat.data() + w.size(), classes);
            Eigen::MatrixXf scores = w * batch.leftCols(width);
            scores.colwise() += b;
            // Softmax by columns, shifted by each column's largest score.
            scores.rowwise() -= scores.colwise().maxCoeff();
            scores = scores.array().exp();
            scores.array().rowwise() /= scores.colwise().sum().array();
            const Eigen::MatrixXf dScores = (scores - targets) / static_cast<float>(width);
            Eigen::Map<Eigen::MatrixXf>(gradient.data(), classes, images.rows()) =
                dScores * batch.leftCols(width).transpose() + kPenalty * w;
            gradient.tail(classes) = dScores.rowwise().sum();
            adam.step(flat, gradient, 1.0f);
        }
    }
    weights_ = Eigen::Map<const Eigen::MatrixXf>(flat.data(), classes, images.rows());
    bias_ = flat.tail(classes);
}

std::vector<int> SoftmaxClassifier::predict(const Eigen::Ref<const Eigen::MatrixXf>& images) const
{
    Eigen::MatrixXf scores = weights_ * images;
    scores.colwise() += bias_;
    std::vector<int> predicted(static_cast<std::size_t>(images.cols()));
    for (Eigen::Index j = 0; j < images.cols(); ++j) {
        Eigen::Index best = 0;
        scores.col(j).maxCoeff(&best);
        predicted[static_cast<std::size_t>(j)] = static_cast<int>(best);
    }
    return predicted;
}

double SoftmaxClassifier::accuracy(const Eigen::Ref<const Eigen::MatrixXf>& images,
                                   const std::vector<std::uint8_t>& labels) const
{
    const std::vector<int> predicted = predict(images);
    int correct = 0;
    for (std::size_t i = 0; i < predicted.size(); ++i) {
        correct += predicted[i] == labels[i] ? 1 : 0;
    }
    return static_cast<double>(correct) / static_cast<double>(predicted.size());
}

} // namespace collapse
