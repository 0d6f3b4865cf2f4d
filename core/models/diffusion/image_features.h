#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace collapse {

class RandomStream;

// A small classifier of real images (one hidden layer of kFeatureWidth ReLU units, then softmax), trained
// once on the labelled real images. Its hidden layer is the feature space the diffusion model's image
// metrics are measured in: a Fréchet distance there is in the spirit of FID (Heusel et al. 2017) but is
// not Inception FID, whose network was trained on ImageNet and whose numbers cannot be compared with it.
class ImageFeatures {
public:
    static constexpr int kFeatureWidth = 64;

    ImageFeatures(const Eigen::Ref<const Eigen::MatrixXf>& images, const std::vector<std::uint8_t>& labels, int classes,
                  RandomStream& random);

    // The hidden layer's activations, one column per image.
    Eigen::MatrixXd features(const Eigen::Ref<const Eigen::MatrixXf>& images) const;
    // The most likely class of each image.
    std::vector<int> classify(const Eigen::Ref<const Eigen::MatrixXf>& images) const;

private:
    Eigen::MatrixXf hiddenOf(const Eigen::Ref<const Eigen::MatrixXf>& images) const;

    Eigen::MatrixXf inputWeights_; // kFeatureWidth x pixels
    Eigen::VectorXf inputBias_;
    Eigen::MatrixXf outputWeights_; // classes x kFeatureWidth
    Eigen::VectorXf outputBias_;
};

} // namespace collapse
