#pragma once

#include "experiment.h"
#include "idx_file.h"
#include "vae_network.h"
#include "vae_training.h"

#include <filesystem>
#include <optional>

namespace collapse {

// A trained VAE: generates images by decoding draws from its prior.
class VaeModel : public FittedModel {
public:
    explicit VaeModel(VaeParameters parameters) : parameters_(std::move(parameters)) {}
    const VaeParameters& parameters() const { return parameters_; }
    // Decodes z ~ N(0, λ I): the sampling bias λ acts as a temperature on the latent prior.
    Samples sample(Eigen::Index count, double samplingBias, RandomStream& random) const override;

private:
    VaeParameters parameters_;
};

// The image data a vae scenario learns from: a pool of real training images, held-out real images and
// their labels where there are any.
struct ImageData {
    ImageSet training;
    ImageSet heldOut;
};

// Where the bundled Fashion-MNIST subset lies: $COLLAPSELAB_DATA_DIR, the installed data folder, or the
// source tree's resources/data.
std::filesystem::path bundledDataFolder();

// The `dataset` of a scenario: "fashion-mnist-subset" (bundled), or the path of an MNIST-family image
// file. Its labels are the file of the same name with "labels-idx1" for "images-idx3", if present;
// held-out images are the "t10k" file beside a "train" file, else the last sixth of the images.
ImageData loadImageData(const std::string& dataset);

// The vae model (DESIGN.md §1): each generation trains a fresh VAE on the previous one's decoded prior
// samples, mixed with real images as the training-set keys say.
class VaeExperiment : public Experiment {
public:
    explicit VaeExperiment(const Scenario& scenario);
    const std::vector<std::string>& metricNames() const override;
    Samples drawOriginal(Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    bool parallelisesItself() const override { return true; }
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;

    const ImageData& data() const { return data_; }
    // Held-out accuracy of the classifier behind class_entropy; NaN without labels.
    double classifierAccuracy() const { return classifierAccuracy_; }

private:
    Scenario scenario_;
    ImageData data_;
    std::vector<double> classWeights_;              // for drawing real images, by class
    std::vector<std::vector<Eigen::Index>> byClass_;
    std::optional<SoftmaxClassifier> classifier_;
    double classifierAccuracy_;
    Eigen::MatrixXf heldOutNoise_;
};

} // namespace collapse
