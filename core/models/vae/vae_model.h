#pragma once

// The vae model: each generation trains a fresh VAE on the previous one's decoded prior samples
// (core/README.md, "vae").

#include "core/experiment.h"
#include "core/metric.h"
#include "core/image_files.h"
#include "core/models/vae/vae_network.h"
#include "core/models/vae/vae_settings.h"
#include "core/models/vae/vae_training.h"

#include <filesystem>
#include <optional>

namespace collapse {

namespace vae_metrics {

inline constexpr MetricDescriptor elboReal{
    "elbo_real", COLLAPSE_TRANSLATABLE("Metrics", "ELBO of real images (nats)"),
    "Evidence lower bound of held-out real images under the generation's VAE, nats per image."};
inline constexpr MetricDescriptor latentStd{
    "latent_std", COLLAPSE_TRANSLATABLE("Metrics", "Latent spread (generation-0 encoder)"),
    "Spread of the generation-0 encoder's latent means of generated images, as Shumailov et al. measure it.", 0.0};
inline constexpr MetricDescriptor pixelDiversity{
    "pixel_diversity", COLLAPSE_TRANSLATABLE("Metrics", "Diversity (mean distance between images)"),
    "Mean Euclidean distance between pairs of 200 generated images.", 0.0};
inline constexpr MetricDescriptor classEntropy{
    "class_entropy", COLLAPSE_TRANSLATABLE("Metrics", "Class entropy (ln 10: all ten classes)"),
    "Entropy of the classes a classifier trained on real images gives the generated ones; ln 10 when balanced.",
    0.0};

} // namespace vae_metrics

// A trained VAE: generates images by decoding draws from its prior.
class VaeModel : public FittedModel {
public:
    explicit VaeModel(VaeParameters parameters) : parameters_(std::move(parameters)) {}
    const VaeParameters& parameters() const { return parameters_; }
    // Decodes z ~ N(0, λ I): the sampling bias λ acts as a temperature on the latent prior.
    void sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const override;

private:
    VaeParameters parameters_;
};

// The number of labelled classes in the training images (0 without labels); DataError when the settings'
// minority class is not among them.
int labelledClasses(const ImageData& data, const VaeSettings& settings);

// Each generation trains a fresh VAE on the previous one's decoded prior samples, mixed with real images
// as the training-set keys say.
class VaeExperiment : public Experiment {
public:
    explicit VaeExperiment(const Scenario& scenario);
    void drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    bool parallelisesItself() const override { return true; }
    std::string setUpNote() const override;
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;

    const ImageData& data() const { return data_; }
    // Held-out accuracy of the classifier behind class_entropy; NaN without labels.
    double classifierAccuracy() const { return classifierAccuracy_; }

private:
    int latentWidth_;
    VaeSettings settings_;
    ImageData data_;
    std::vector<double> classWeights_;              // for drawing real images, by class
    std::vector<std::vector<Eigen::Index>> byClass_;
    std::optional<SoftmaxClassifier> classifier_;
    double classifierAccuracy_;
    Eigen::MatrixXf heldOutNoise_;
};

} // namespace collapse
