#pragma once

// The diffusion model: each generation trains a fresh denoising diffusion model on the previous one's
// samples — 2-D points or images of one category (core/README.md, "diffusion").

#include "core/experiment.h"
#include "core/image_files.h"
#include "core/metric.h"
#include "core/models/diffusion/denoiser.h"
#include "core/models/diffusion/diffusion_settings.h"
#include "core/models/diffusion/image_features.h"
#include "core/point_sets.h"
#include "core/sample_metrics.h"

#include <memory>
#include <optional>
#include <vector>

namespace collapse {

namespace diffusion_metrics {

inline constexpr MetricDescriptor frechetDistance{
    "frechet_distance", COLLAPSE_TRANSLATABLE("Metrics", "Fréchet distance (our classifier, not FID)"),
    "Fréchet distance between generated and held-out real images in the hidden layer of the bundled "
    "classifier: FID's formula in our own feature space, not Inception FID (images only).",
    0.0};
inline constexpr MetricDescriptor classShare{
    "class_share", COLLAPSE_TRANSLATABLE("Metrics", "Share the classifier calls the class"),
    "Share of generated images the classifier trained on real images gives to the learnt category (images "
    "only).",
    0.0, 1.0};
inline constexpr MetricDescriptor pixelDiversity{
    "pixel_diversity", COLLAPSE_TRANSLATABLE("Metrics", "Diversity (mean distance between images)"),
    "Mean Euclidean distance between pairs of 200 generated images, pixels in [0, 1] (images only).", 0.0};
inline constexpr MetricDescriptor totalStd{
    "total_std", COLLAPSE_TRANSLATABLE("Metrics", "Spread (RMS standard deviation)"),
    "Root-mean-square standard deviation per coordinate of the generated samples.", 0.0};

} // namespace diffusion_metrics

// What every generation of a scenario shares: the data's shape, the noising process and the sampler.
struct DiffusionSetup {
    DenoiserShape shape;
    NoiseSchedule schedule;
    TimeEmbedding embedding;
    DiffusionSampler sampler = DiffusionSampler::Ancestral;
    int samplingSteps = 0;
    bool images = false;
    int imageSize = 0;
};

// The fixed-noise pictures a stage shows of a model, the same noise in every generation: for images, a
// grid decoded from it; for points, a cloud of points at steps T … 0 of the reverse process.
struct DiffusionPreview {
    std::vector<int> steps;                // the steps of `clouds`, from T down to 0
    std::vector<Eigen::MatrixXf> clouds;   // points: the cloud at each of `steps`
    Eigen::MatrixXf images;                // images: one column per image, pixels in [0, 1]
};

// A trained noise predictor, sampling by the scenario's sampler.
class DiffusionModel : public FittedModel {
public:
    DiffusionModel(std::shared_ptr<const DiffusionSetup> setup, DenoiserParameters parameters)
        : setup_(std::move(setup)), parameters_(std::move(parameters))
    {
    }
    const DenoiserParameters& parameters() const { return parameters_; }
    const DiffusionSetup& setup() const { return *setup_; }
    const DiffusionPreview& preview() const { return preview_; }
    // The sampling bias λ is a temperature on the sampler's noise; images are clipped to [−1, 1].
    void sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const override;
    // The reverse process from this random stream's noise, keeping `pathSteps`.
    Eigen::MatrixXf sampleFloats(Eigen::Index count, double samplingBias, RandomStream& random,
                                 std::span<const int> pathSteps = {}, std::vector<Eigen::MatrixXf>* path = nullptr) const;
    void setPreview(DiffusionPreview preview) { preview_ = std::move(preview); }

private:
    std::shared_ptr<const DiffusionSetup> setup_;
    DenoiserParameters parameters_;
    DiffusionPreview preview_;
};

// Each generation trains a fresh diffusion model on the previous one's samples, mixed with real data as
// the training-set keys say.
class DiffusionExperiment : public Experiment {
public:
    explicit DiffusionExperiment(const Scenario& scenario);
    void drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const override;
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    bool parallelisesItself() const override { return true; }
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;

    bool images() const { return setup_->images; }
    std::optional<PointSet> pointSet() const { return pointSet_; }
    // The fixed sample of the original the metrics compare with (points: 2 x n; images: pixels in
    // [−1, 1]), and real images of the class to show beside the generated ones.
    const Samples& reference() const { return reference_; }

private:
    DiffusionSettings settings_;
    std::uint64_t seed_;
    std::shared_ptr<DiffusionSetup> setup_;
    std::optional<PointSet> pointSet_;
    Eigen::Matrix2Xd filePoints_; // a CSV dataset's points
    Eigen::MatrixXf classImages_; // the images of the learnt category, pixels in [−1, 1]
    Samples reference_;
    std::optional<ImageFeatures> features_;
    Eigen::MatrixXd referenceFeatures_;
    // Images: the leading principal directions of the real images' features, the space their central
    // region is drawn in (a region in all 64 dimensions, estimated from a few hundred images, would leave
    // most new images outside it).
    Eigen::VectorXd featureMean_;
    Eigen::MatrixXd principal_;
    std::optional<MahalanobisRegion> central_;
    // What every generation measures against, worked out once: the real points' (or images' features')
    // k-NN radii for precision, and the real points' projections for the sliced distance.
    Eigen::VectorXd referenceRadii_;
    std::optional<SortedProjections> referenceProjections_;
};

// The fixed sample of the original the metrics compare with: 2000 points of the set (or of a CSV file's,
// without repeats), 2 x n; or the held-out images of the category, pixels in [−1, 1]. The stages draw it.
Samples diffusionReference(const DiffusionSettings& settings, std::uint64_t seed);

// The dataset's kind, for the window and the memory estimate: values per sample (2, or the image's
// pixels).
double diffusionValuesPerSample(const DiffusionSettings& settings);
// Whether the dataset is a set of images (the bundled Fashion-MNIST or an IDX file) rather than points.
bool diffusionLearnsImages(const DiffusionSettings& settings);

} // namespace collapse
