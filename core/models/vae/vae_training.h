#pragma once

#include "core/models/vae/vae_network.h"

namespace collapse {

class RandomStream;

struct VaeTraining {
    int epochs = 10;
    int batch = 128;
    double learningRate = 1e-3;
};

struct VaeTrainingReport {
    double lastEpochLoss = 0.0;  // mean -ELBO per image over the last epoch, nats
    int skippedBatches = 0;      // batches whose loss was not finite, left out of the updates
};

// Trains `parameters` on the columns of `images` with Adam (Kingma & Ba, ICLR 2015; β1 0.9, β2 0.999,
// ε 1e-8) on the mean -ELBO of shuffled minibatches. Each batch is split into a fixed number of slices
// whose gradients are computed in parallel and summed in a fixed order, so the result is the same for
// any number of threads. A batch with a non-finite loss is skipped rather than allowed to poison the
// weights.
VaeTrainingReport trainVae(VaeParameters& parameters, const Eigen::Ref<const Eigen::MatrixXf>& images,
                           const VaeTraining& training, RandomStream& random);

// Softmax regression on images (multinomial logistic regression), trained once on real images to name
// the class of generated ones.
class SoftmaxClassifier {
public:
    SoftmaxClassifier(const Eigen::Ref<const Eigen::MatrixXf>& images, const std::vector<std::uint8_t>& labels,
                      int classes, RandomStream& random);

    int classes() const { return static_cast<int>(weights_.rows()); }
    std::vector<int> predict(const Eigen::Ref<const Eigen::MatrixXf>& images) const;
    double accuracy(const Eigen::Ref<const Eigen::MatrixXf>& images, const std::vector<std::uint8_t>& labels) const;

private:
    Eigen::MatrixXf weights_;  // classes x pixels
    Eigen::VectorXf bias_;
};

} // namespace collapse
