#include "core/models/diffusion/diffusion_model.h"

#include "core/data_error.h"
#include "core/model_registry.h"
#include "core/models/diffusion/diffusion_reproduction.h"
#include "core/parameter_builders.h"
#include "core/random.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace collapse {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The embedding of the step: 16 frequencies, sine and cosine.
constexpr int kEmbeddingWidth = 32;
// The metrics compare at most this many generated images with as many held-out real ones: k-NN
// manifolds cost the square of it.
constexpr Eigen::Index kComparedImages = 1000;
constexpr Eigen::Index kDiversityImages = 200;
constexpr double kCentralCoverage = 0.95;
// Images: the central region lies in the leading principal directions of the features.
constexpr Eigen::Index kTailComponents = 5;
// What a stage shows: a cloud of points at five steps of the reverse process, or a grid of images.
constexpr Eigen::Index kPreviewPoints = 400;
constexpr Eigen::Index kPreviewImages = 16;

// The images of one category at the learnt size, pixels in [−1, 1]: 28x28, or 14x14 by averaging 2x2
// blocks.
Eigen::MatrixXf imagesOfClass(const ImageSet& set, int imageClass, int size)
{
    std::vector<Eigen::Index> members;
    for (std::size_t i = 0; i < set.labels.size(); ++i) {
        if (set.labels[i] == imageClass) {
            members.push_back(static_cast<Eigen::Index>(i));
        }
    }
    const int factor = set.rows / size;
    Eigen::MatrixXf images(size * size, static_cast<Eigen::Index>(members.size()));
    for (std::size_t m = 0; m < members.size(); ++m) {
        const auto source = set.pixels.col(members[m]);
        for (int row = 0; row < size; ++row) {
            for (int column = 0; column < size; ++column) {
                float sum = 0.0f;
                for (int dy = 0; dy < factor; ++dy) {
                    for (int dx = 0; dx < factor; ++dx) {
                        sum += source((row * factor + dy) * set.columns + column * factor + dx);
                    }
                }
                images(row * size + column, static_cast<Eigen::Index>(m)) = 2.0f * sum / static_cast<float>(factor * factor) - 1.0f;
            }
        }
    }
    return images;
}

// Every labelled image at the learnt size, pixels in [−1, 1], for the classifier.
Eigen::MatrixXf resized(const ImageSet& set, int size)
{
    ImageSet relabelled = set;
    relabelled.labels.assign(set.labels.size(), 0);
    return imagesOfClass(relabelled, 0, size);
}

// The real images of the scenario's category and where they come from, refused with the reason when
// there are none to learn.
struct CategoryImages {
    ImageData data;
    Eigen::MatrixXf training;
    Eigen::MatrixXf heldOut;
    int classes = 0;
};

CategoryImages loadCategory(const DiffusionSettings& settings)
{
    CategoryImages category;
    category.data = loadImageData(settings.dataset, "the diffusion model");
    const auto& labels = category.data.training.labels;
    if (labels.empty()) {
        throw DataError(settings.dataset + ": has no labels (a labels-idx1 file beside it) to pick one category of "
                                           "images from");
    }
    category.classes = *std::max_element(labels.begin(), labels.end()) + 1;
    category.training = imagesOfClass(category.data.training, settings.imageClass, settings.imageSize);
    if (category.training.cols() == 0) {
        throw DataError(settings.dataset + ": no training image is of \"image_class\" " + std::to_string(settings.imageClass) +
                        " (its classes are 0 to " + std::to_string(category.classes - 1) + ")");
    }
    if (category.data.heldOut.labels.empty()) {
        throw DataError(settings.dataset + ": its held-out images have no labels to pick the category from");
    }
    category.heldOut = imagesOfClass(category.data.heldOut, settings.imageClass, settings.imageSize);
    if (category.heldOut.cols() == 0) {
        throw DataError(settings.dataset + ": no held-out image is of \"image_class\" " + std::to_string(settings.imageClass) +
                        " to measure against");
    }
    return category;
}

// The first `most` columns.
Eigen::MatrixXd firstColumns(const Samples& samples, Eigen::Index most)
{
    return samples.leftCols(std::min(most, samples.cols()));
}

} // namespace

Samples diffusionReference(const DiffusionSettings& settings, std::uint64_t seed)
{
    if (diffusionLearnsImages(settings)) {
        const CategoryImages category = loadCategory(settings);
        return category.heldOut.leftCols(std::min(kComparedImages, category.heldOut.cols())).cast<double>();
    }
    const std::optional<PointSet> set = pointSetNamed(settings.dataset);
    return pointsReference(set, set ? Eigen::Matrix2Xd() : readPointsCsv(settings.dataset), seed);
}

bool diffusionLearnsImages(const DiffusionSettings& settings)
{
    return !pointSetNamed(settings.dataset) && !namesCsvFile(settings.dataset);
}

double diffusionValuesPerSample(const DiffusionSettings& settings)
{
    return diffusionLearnsImages(settings) ? static_cast<double>(settings.imageSize * settings.imageSize) : 2.0;
}

Eigen::MatrixXf DiffusionModel::sampleFloats(Eigen::Index count, double samplingBias, RandomStream& random,
                                             std::span<const int> pathSteps, std::vector<Eigen::MatrixXf>* path) const
{
    const DiffusionSetup& setup = *setup_;
    Eigen::MatrixXf out;
    sampleReverse(networkPredictor(parameters_, setup.embedding), setup.schedule, setup.sampler, setup.samplingSteps,
                  samplingBias, setup.shape.data, count, random, out, setup.images, pathSteps, path);
    if (setup.images) {
        out = out.cwiseMax(-1.0f).cwiseMin(1.0f);
    }
    return out;
}

void DiffusionModel::sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const
{
    out = sampleFloats(count, samplingBias, random).cast<double>();
}

DiffusionExperiment::DiffusionExperiment(const Scenario& scenario)
    : settings_(scenario.as<DiffusionSettings>()), seed_(scenario.seed), pointSet_(pointSetNamed(settings_.dataset))
{
    const bool images = diffusionLearnsImages(settings_);
    const int data = static_cast<int>(diffusionValuesPerSample(settings_));
    setup_ = std::make_shared<DiffusionSetup>(DiffusionSetup{
        {data, scenario.capacity, settings_.layers, kEmbeddingWidth},
        NoiseSchedule(settings_.schedule, settings_.steps),
        TimeEmbedding(settings_.steps, kEmbeddingWidth),
        settings_.sampler,
        settings_.samplingSteps,
        images,
        images ? settings_.imageSize : 0});
    if (images) {
        const CategoryImages category = loadCategory(settings_);
        classImages_ = category.training;
        reference_ = category.heldOut.leftCols(std::min(kComparedImages, category.heldOut.cols())).cast<double>();
        RandomStream classifierRandom(scenario.seed, 0, 0, Purpose::Initialisation);
        features_.emplace(resized(category.data.training, settings_.imageSize), category.data.training.labels,
                          category.classes, classifierRandom);
        referenceFeatures_ = features_->features(reference_.cast<float>());
        featureMean_ = referenceFeatures_.rowwise().mean();
        const Eigen::MatrixXd centred = referenceFeatures_.colwise() - featureMean_;
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(centred * centred.transpose());
        // Eigenvalues come in increasing order: the last columns are the leading directions.
        principal_ = solver.eigenvectors().rightCols(kTailComponents).transpose();
        central_.emplace(principal_ * centred, kCentralCoverage);
        referenceRadii_ = kthNeighbourRadii(referenceFeatures_, kManifoldNeighbours);
        return;
    }
    if (!pointSet_) {
        filePoints_ = readPointsCsv(settings_.dataset);
    }
    reference_ = pointsReference(pointSet_, filePoints_, scenario.seed);
    central_.emplace(reference_, kCentralCoverage);
    referenceRadii_ = kthNeighbourRadii(reference_, kManifoldNeighbours);
    referenceProjections_.emplace(reference_);
}

void DiffusionExperiment::drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const
{
    if (!setup_->images) {
        drawPoints(pointSet_, filePoints_, out, count, random);
        return;
    }
    out.resize(classImages_.rows(), count);
    for (Eigen::Index i = 0; i < count; ++i) {
        const auto index = static_cast<Eigen::Index>(random.below(static_cast<std::size_t>(classImages_.cols())));
        out.col(i) = classImages_.col(index).cast<double>();
    }
}

std::shared_ptr<const FittedModel> DiffusionExperiment::fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const
{
    DenoiserParameters parameters(setup_->shape);
    parameters.initialise(random);
    const Eigen::MatrixXf data = training.cast<float>();
    trainDenoiser(parameters, setup_->schedule, setup_->embedding, data,
                  {settings_.epochs, settings_.batch, settings_.learningRate}, random);
    auto model = std::make_shared<DiffusionModel>(setup_, std::move(parameters));
    // The same noise in every generation and chain, so that the pictures change only as the model does.
    RandomStream display(seed_, 0, 0, Purpose::Display);
    DiffusionPreview preview;
    if (setup_->images) {
        preview.images = (model->sampleFloats(kPreviewImages, 1.0, display).array() + 1.0f) / 2.0f;
    } else {
        const int steps = settings_.steps;
        preview.steps = {steps, (3 * steps) / 4, steps / 2, steps / 4, 0};
        model->sampleFloats(kPreviewPoints, 1.0, display, preview.steps, &preview.clouds);
    }
    model->setPreview(std::move(preview));
    return model;
}

void DiffusionExperiment::measure(const FittedModel&, const FittedModel&, const Samples& drawn,
                                  std::span<double> values) const
{
    std::fill(values.begin(), values.end(), kNaN);
    // In the order of the descriptor's metrics.
    enum { Tail, Precision, Recall, Sliced, Modes, Frechet, ClassShare, Diversity, Spread };
    if (setup_->images) {
        const Eigen::MatrixXf images = firstColumns(drawn, kComparedImages).cast<float>();
        const Eigen::MatrixXd features = features_->features(images);
        const PrecisionRecall pr = precisionAndRecall(referenceFeatures_, referenceRadii_, features);
        values[Tail] = central_->outsideShare(principal_ * (features.colwise() - featureMean_));
        values[Precision] = pr.precision;
        values[Recall] = pr.recall;
        values[Frechet] = frechetDistance(features, referenceFeatures_);
        const std::vector<int> classes = features_->classify(images);
        values[ClassShare] = static_cast<double>(std::count(classes.begin(), classes.end(), settings_.imageClass)) /
                             static_cast<double>(classes.size());
        const Eigen::MatrixXd unit = (images.cast<double>().array() + 1.0) / 2.0;
        values[Diversity] = meanPairwiseDistance(unit, kDiversityImages);
        values[Spread] = totalStd(unit);
        return;
    }
    const Eigen::MatrixXd points = firstColumns(drawn, kComparedPoints);
    const PrecisionRecall pr = precisionAndRecall(reference_, referenceRadii_, points);
    values[Tail] = central_->outsideShare(points);
    values[Precision] = pr.precision;
    values[Recall] = pr.recall;
    values[Sliced] = slicedWasserstein(SortedProjections(points), *referenceProjections_);
    if (pointSet_ == PointSet::Ring) {
        values[Modes] = ringModesKept(points);
    }
    values[Spread] = totalStd(points);
}

const ModelDescriptor& DiffusionSettings::descriptor()
{
    static const ModelDescriptor model = [] {
        using namespace parameters;
        ModelDescriptor d;
        d.name = "diffusion";
        d.title = COLLAPSE_TRANSLATABLE("Models", "Diffusion (points or images)");
        d.defaults = {.samples = 4000, .generations = 20, .replicates = 2, .capacity = 128};
        d.capacity = {4, 2048, "hidden units per layer"};
        const auto forImages = [](const Scenario& scenario) { return diffusionLearnsImages(scenario.as<DiffusionSettings>()); };
        ParameterSpec dataset = text("dataset", &DiffusionSettings::dataset, COLLAPSE_TRANSLATABLE("Parameters", "Data"),
                                     COLLAPSE_TRANSLATABLE("Parameters", "swiss_roll, moons or ring (2-D points), "
                                                                         "fashion-mnist-subset (images), or a CSV file "
                                                                         "of 2-D points or an MNIST-format image file."));
        dataset.editor = ParameterEditor::File;
        dataset.fileFilter = COLLAPSE_TRANSLATABLE("Parameters", "Points and images (*.csv *idx3-ubyte *idx3-ubyte.gz)");
        ParameterSpec imageClass = integer("image_class", &DiffusionSettings::imageClass, 0, 255,
                                           COLLAPSE_TRANSLATABLE("Parameters", "Image category"),
                                           COLLAPSE_TRANSLATABLE("Parameters", "The one category of images learnt "
                                                                               "(Fashion-MNIST: 0 T-shirts, 1 trousers, "
                                                                               "… 9 ankle boots)."));
        imageClass.applies = forImages;
        ParameterSpec imageSize = integer("image_size", &DiffusionSettings::imageSize, 14, 28,
                                          COLLAPSE_TRANSLATABLE("Parameters", "Image size"),
                                          COLLAPSE_TRANSLATABLE("Parameters", "Images are learnt at 14x14 or 28x28 "
                                                                              "pixels."));
        imageSize.applies = forImages;
        imageSize.editor = ParameterEditor::Suggestions;
        imageSize.suggestions = {14, 28};
        ParameterSpec samplingSteps = integer("sampling_steps", &DiffusionSettings::samplingSteps, 0, 1000,
                                              COLLAPSE_TRANSLATABLE("Parameters", "DDIM steps"),
                                              COLLAPSE_TRANSLATABLE("Parameters", "Steps of the DDIM sampler, evenly "
                                                                                  "spaced over the noising steps (all "
                                                                                  "of them when there are fewer)."));
        samplingSteps.minimumMeaning = COLLAPSE_TRANSLATABLE("Parameters", "all");
        samplingSteps.applies = [](const Scenario& scenario) {
            return scenario.as<DiffusionSettings>().sampler == DiffusionSampler::Ddim;
        };
        ParameterSpec learningRate = real("learning_rate", &DiffusionSettings::learningRate, 0.0, true, 1.0,
                                          COLLAPSE_TRANSLATABLE("Parameters", "Learning rate"),
                                          COLLAPSE_TRANSLATABLE("Parameters", "Adam's learning rate."));
        learningRate.editor = ParameterEditor::Suggestions;
        learningRate.suggestions = {1e-2, 3e-3, 1e-3, 3e-4, 1e-4};
        d.parameters = {
            dataset,
            imageClass,
            imageSize,
            integer("steps", &DiffusionSettings::steps, 20, 1000, COLLAPSE_TRANSLATABLE("Parameters", "Noising steps"),
                    COLLAPSE_TRANSLATABLE("Parameters", "T, the steps of the forward process that turn data into noise.")),
            choice("schedule", &DiffusionSettings::schedule,
                   {{{"linear", COLLAPSE_TRANSLATABLE("Parameters", "Linear (Ho et al.)")}, NoiseScheduleKind::Linear},
                    {{"cosine", COLLAPSE_TRANSLATABLE("Parameters", "Cosine (Nichol & Dhariwal)")}, NoiseScheduleKind::Cosine}},
                   COLLAPSE_TRANSLATABLE("Parameters", "Noise schedule"),
                   COLLAPSE_TRANSLATABLE("Parameters", "How fast the forward process adds noise.")),
            choice("sampler", &DiffusionSettings::sampler,
                   {{{"ancestral", COLLAPSE_TRANSLATABLE("Parameters", "Ancestral (DDPM)")}, DiffusionSampler::Ancestral},
                    {{"ddim", COLLAPSE_TRANSLATABLE("Parameters", "DDIM (deterministic)")}, DiffusionSampler::Ddim}},
                   COLLAPSE_TRANSLATABLE("Parameters", "Sampler"),
                   COLLAPSE_TRANSLATABLE("Parameters", "How samples are drawn: step by step with fresh noise, or "
                                                       "DDIM's deterministic path from the first noise.")),
            samplingSteps,
            integer("layers", &DiffusionSettings::layers, 1, 8, COLLAPSE_TRANSLATABLE("Parameters", "Hidden layers"),
                    COLLAPSE_TRANSLATABLE("Parameters", "Hidden layers of the noise-predicting network.")),
            integer("epochs", &DiffusionSettings::epochs, 1, 10000, COLLAPSE_TRANSLATABLE("Parameters", "Epochs"),
                    COLLAPSE_TRANSLATABLE("Parameters", "How long each generation's model trains on its data.")),
            integer("batch", &DiffusionSettings::batch, 1, 65536, COLLAPSE_TRANSLATABLE("Parameters", "Batch size"),
                    COLLAPSE_TRANSLATABLE("Parameters", "Samples per minibatch of the training.")),
            learningRate};
        d.check = [](const Scenario& scenario) {
            const DiffusionSettings& settings = scenario.as<DiffusionSettings>();
            if (settings.imageSize != 14 && settings.imageSize != 28) {
                throw ScenarioError("\"image_size\" must be 14 or 28, not " + std::to_string(settings.imageSize));
            }
        };
        d.metrics = {&common_metrics::tailMass,           &sample_metrics::precision,      &sample_metrics::recall,
                     &sample_metrics::slicedWasserstein, &sample_metrics::modesKept,      &diffusion_metrics::frechetDistance,
                     &diffusion_metrics::classShare,       &diffusion_metrics::pixelDiversity, &diffusion_metrics::totalStd};
        d.roles = {&common_metrics::tailMass, &diffusion_metrics::totalStd, &sample_metrics::precision};
        // How far from the original: the share of samples that still look like it (precision, higher is
        // nearer, like a log-likelihood). Retrained on its own output the model blurs the original's
        // structure: a tenth of the samples off it shows, a third is the structure washing out.
        d.roles.fit = &sample_metrics::precision;
        d.roles.noticeableFitLoss = 0.1;
        d.roles.severeFitLoss = 0.3;
        d.roles.driftingByFit = COLLAPSE_TRANSLATABLE("Narration", "The samples are drifting from the original: each "
                                                                   "generation blurs what it learnt a little, so more "
                                                                   "of them fall where the original has nothing.");
        d.roles.earlyCollapseByFit = COLLAPSE_TRANSLATABLE("Narration", "Early model collapse: the original's structure "
                                                                        "is washing out — what was sharp blurs into the "
                                                                        "space between — while the blur still covers "
                                                                        "the original.");
        d.roles.lateCollapse = COLLAPSE_TRANSLATABLE("Narration", "Late model collapse: the samples have shrunk into "
                                                                  "one smooth blob. What is left bears little "
                                                                  "resemblance to the original.");
        d.roles.lateCollapseBriefly = COLLAPSE_TRANSLATABLE("Narration", "late collapse: one smooth blob is left.");
        d.valuesPerSample = [](const Scenario& scenario) { return diffusionValuesPerSample(scenario.as<DiffusionSettings>()); };
        d.makeExperiment = [](const Scenario& scenario) { return std::make_unique<DiffusionExperiment>(scenario); };
        d.checkData = [](const Scenario& scenario) {
            const DiffusionSettings& settings = scenario.as<DiffusionSettings>();
            if (diffusionLearnsImages(settings)) {
                loadCategory(settings);
            } else if (!pointSetNamed(settings.dataset)) {
                readPointsCsv(settings.dataset);
            }
        };
        d.quickSettings = R"({"samples": 200, "epochs": 2, "capacity": 16, "steps": 20, "generations": 2, "replicates": 2})";
        d.reproduction = diffusionReproduction;
        return d;
    }();
    return model;
}

} // namespace collapse
