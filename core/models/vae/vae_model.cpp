#include "core/models/vae/vae_model.h"

#include "core/bundled_data.h"
#include "core/model_registry.h"
#include "core/models/vae/vae_reproduction.h"
#include "core/parameter_builders.h"
#include "core/random.h"

#include <Eigen/Cholesky>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>

namespace collapse {

namespace {

// Pairwise distances are averaged over at most this many generated images (n(n-1)/2 pairs).
constexpr Eigen::Index kDiversityImages = 200;
constexpr double kCentralCoverage = 0.95;

const VaeModel& asVae(const FittedModel& model) { return static_cast<const VaeModel&>(model); }

} // namespace

int labelledClasses(const ImageData& data, const VaeSettings& settings)
{
    const auto& labels = data.training.labels;
    const int classes = labels.empty() ? 0 : *std::max_element(labels.begin(), labels.end()) + 1;
    const bool minorityPresent = std::find(labels.begin(), labels.end(), settings.minorityClass) != labels.end();
    if (settings.minorityClass >= 0 && (settings.minorityClass >= classes || !minorityPresent)) {
        throw DataError(settings.dataset + ": \"minority_class\" " + std::to_string(settings.minorityClass) +
                        (labels.empty() ? " needs labels, and the images have none"
                                        : " does not occur among its training images' labels (0 to " + std::to_string(classes - 1) + ")"));
    }
    // Held-out labels the classifier was never trained on would be read past its classes.
    for (const auto label : data.heldOut.labels) {
        if (static_cast<int>(label) >= classes) {
            throw DataError(settings.dataset + ": a held-out image is labelled " + std::to_string(label) +
                            ", a class the training images do not have (they have 0 to " + std::to_string(classes - 1) + ")");
        }
    }
    return classes;
}

void VaeModel::sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const
{
    const int latent = parameters_.shape().latent;
    Eigen::MatrixXd standard(latent, count);
    random.fillNormals({standard.data(), static_cast<std::size_t>(standard.size())});
    const Eigen::MatrixXf z = (std::sqrt(samplingBias) * standard).cast<float>();
    out = decode(parameters_, z).cast<double>();
}

VaeExperiment::VaeExperiment(const Scenario& scenario)
    : latentWidth_(scenario.capacity), settings_(scenario.as<VaeSettings>()), data_(loadImageData(settings_.dataset, "the VAE")),
      classifierAccuracy_(std::numeric_limits<double>::quiet_NaN())
{
    const auto& labels = data_.training.labels;
    const int classes = labelledClasses(data_, settings_);
    if (classes > 0) {
        byClass_.resize(static_cast<std::size_t>(classes));
        for (std::size_t i = 0; i < labels.size(); ++i) {
            byClass_[labels[i]].push_back(static_cast<Eigen::Index>(i));
        }
        // Each class in proportion to its images, except a minority class held at its share.
        const double minorityShare = settings_.minorityClass >= 0 ? settings_.minorityShare : 0.0;
        std::size_t others = 0;
        for (int c = 0; c < classes; ++c) {
            others += c == settings_.minorityClass ? 0 : byClass_[static_cast<std::size_t>(c)].size();
        }
        for (int c = 0; c < classes; ++c) {
            const double size = static_cast<double>(byClass_[static_cast<std::size_t>(c)].size());
            classWeights_.push_back(c == settings_.minorityClass ? minorityShare
                                                                 : (1.0 - minorityShare) * size / static_cast<double>(others));
        }
        RandomStream classifierRandom(scenario.seed, 0, 0, Purpose::Initialisation);
        classifier_.emplace(data_.training.pixels, labels, classes, classifierRandom);
        if (!data_.heldOut.labels.empty()) {
            classifierAccuracy_ = classifier_->accuracy(data_.heldOut.pixels, data_.heldOut.labels);
        }
    }
    RandomStream noiseRandom(scenario.seed, 0, 0, Purpose::HeldOut);
    heldOutNoise_.resize(latentWidth_, data_.heldOut.pixels.cols());
    for (Eigen::Index i = 0; i < heldOutNoise_.size(); ++i) {
        heldOutNoise_.data()[i] = static_cast<float>(noiseRandom.normal());
    }
}

void VaeExperiment::drawOriginalInto(Samples& images, Eigen::Index count, RandomStream& random) const
{
    images.resize(data_.training.pixels.rows(), count);
    for (Eigen::Index i = 0; i < count; ++i) {
        Eigen::Index index = 0;
        if (classWeights_.empty()) {
            index = static_cast<Eigen::Index>(random.below(static_cast<std::size_t>(data_.training.pixels.cols())));
        } else {
            const auto& members = byClass_[random.categorical(classWeights_)];
            index = members[random.below(members.size())];
        }
        images.col(i) = data_.training.pixels.col(index).cast<double>();
    }
}

std::shared_ptr<const FittedModel> VaeExperiment::fit(const Eigen::Ref<const Samples>& training,
                                                      RandomStream& random) const
{
    VaeParameters parameters({static_cast<int>(training.rows()), settings_.hidden, latentWidth_});
    parameters.initialise(random);
    const Eigen::MatrixXf images = training.cast<float>();
    trainVae(parameters, images, {settings_.epochs, settings_.batch, settings_.learningRate}, random);
    return std::make_shared<VaeModel>(std::move(parameters));
}

void VaeExperiment::measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                            std::span<double> values) const
{
    const VaeParameters& current = asVae(model).parameters();
    const VaeParameters& first = asVae(firstModel).parameters();
    const Eigen::MatrixXf generated = drawn.cast<float>();

    // The generation-0 encoder's view (as Shumailov et al. measure it): real held-out images define
    // the central 95% of its latent means, an ellipsoid by Mahalanobis distance; tail_mass is the share
    // of generated images encoded outside it, and latent_std the spread of their latent means.
    const Eigen::MatrixXd realMeans = encodeMeans(first, data_.heldOut.pixels).cast<double>();
    const Eigen::VectorXd centre = realMeans.rowwise().mean();
    const Eigen::MatrixXd centred = realMeans.colwise() - centre;
    Eigen::MatrixXd covariance = centred * centred.transpose() / static_cast<double>(std::max<Eigen::Index>(1, realMeans.cols() - 1));
    covariance.diagonal().array() += 1e-9;
    const Eigen::LLT<Eigen::MatrixXd> factor(covariance);
    const auto mahalanobis = [&](const Eigen::MatrixXd& means) {
        const Eigen::MatrixXd whitened = factor.matrixL().solve(means.colwise() - centre);
        return Eigen::VectorXd(whitened.colwise().squaredNorm().transpose());
    };
    Eigen::VectorXd realDistances = mahalanobis(realMeans);
    std::sort(realDistances.begin(), realDistances.end());
    const double radius = realDistances[static_cast<Eigen::Index>(kCentralCoverage * static_cast<double>(realDistances.size() - 1))];
    const Eigen::MatrixXd generatedMeans = encodeMeans(first, generated).cast<double>();
    values[0] = static_cast<double>((mahalanobis(generatedMeans).array() > radius).count()) /
                static_cast<double>(generatedMeans.cols());

    values[1] = -static_cast<double>(negativeElbo(current, data_.heldOut.pixels, heldOutNoise_)) /
                static_cast<double>(data_.heldOut.pixels.cols());

    const Eigen::MatrixXd latentCentred = generatedMeans.colwise() - generatedMeans.rowwise().mean();
    values[2] = std::sqrt(latentCentred.squaredNorm() /
                          static_cast<double>(latentCentred.rows() * std::max<Eigen::Index>(1, latentCentred.cols() - 1)));

    // Mean Euclidean distance over pairs, from the Gram matrix: |a - b|² = |a|² + |b|² - 2 a·b.
    const Eigen::Index n = std::min(kDiversityImages, generated.cols());
    const Eigen::MatrixXd subset = generated.leftCols(n).cast<double>();
    const Eigen::MatrixXd gram = subset.transpose() * subset;
    double total = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = i + 1; j < n; ++j) {
            total += std::sqrt(std::max(0.0, gram(i, i) + gram(j, j) - 2.0 * gram(i, j)));
        }
    }
    values[3] = n > 1 ? total / (0.5 * static_cast<double>(n * (n - 1))) : 0.0;

    values[4] = std::numeric_limits<double>::quiet_NaN();
    if (classifier_) {
        std::vector<double> histogram(static_cast<std::size_t>(classifier_->classes()), 0.0);
        for (const int predicted : classifier_->predict(generated)) {
            histogram[static_cast<std::size_t>(predicted)] += 1.0;
        }
        double entropy = 0.0;
        for (const double count : histogram) {
            if (count > 0.0) {
                const double p = count / static_cast<double>(generated.cols());
                entropy -= p * std::log(p);
            }
        }
        values[4] = entropy;
    }
}

std::string VaeExperiment::setUpNote() const
{
    if (std::isnan(classifierAccuracy_)) {
        return {};
    }
    std::ostringstream note;
    note << "the classifier behind class_entropy names " << 100.0 * classifierAccuracy_
         << "% of held-out real images correctly";
    return note.str();
}

const ModelDescriptor& VaeSettings::descriptor()
{
    static const ModelDescriptor model = [] {
        using namespace parameters;
        ModelDescriptor d;
        d.name = "vae";
        d.title = COLLAPSE_TRANSLATABLE("Models", "VAE (images)");
        d.defaults = {.samples = 5000, .generations = 10, .replicates = 1, .capacity = 20};
        d.capacity = {1, 64, "latent dimensions"};
        ParameterSpec minorityShare = share("minority_share", &VaeSettings::minorityShare, true, 1,
                                            COLLAPSE_TRANSLATABLE("Parameters", "Minority class share"),
                                            COLLAPSE_TRANSLATABLE("Parameters", "The minority class's share of the "
                                                                                "real images."));
        minorityShare.applies = [](const Scenario& scenario) { return scenario.as<VaeSettings>().minorityClass >= 0; };
        ParameterSpec dataset = text("dataset", &VaeSettings::dataset, COLLAPSE_TRANSLATABLE("Parameters", "Images"),
                                     COLLAPSE_TRANSLATABLE("Parameters", "The real images: the bundled Fashion-MNIST "
                                                                         "subset, or any MNIST-format (IDX) image "
                                                                         "file."));
        dataset.editor = ParameterEditor::File;
        dataset.fileFilter = COLLAPSE_TRANSLATABLE("Parameters", "IDX image files (*idx3-ubyte *idx3-ubyte.gz)");
        ParameterSpec learningRate = real("learning_rate", &VaeSettings::learningRate, 0.0, true, 1.0,
                                          COLLAPSE_TRANSLATABLE("Parameters", "Learning rate"),
                                          COLLAPSE_TRANSLATABLE("Parameters", "Adam's learning rate."));
        learningRate.editor = ParameterEditor::Suggestions;
        learningRate.suggestions = {1e-2, 3e-3, 1e-3, 3e-4, 1e-4};
        ParameterSpec minorityClass = integer("minority_class", &VaeSettings::minorityClass, -1, 255,
                                              COLLAPSE_TRANSLATABLE("Parameters", "Minority class"),
                                              COLLAPSE_TRANSLATABLE("Parameters", "Make one class of real images "
                                                                                  "rare, to watch it disappear like "
                                                                                  "the blue cats."));
        minorityClass.minimumMeaning = COLLAPSE_TRANSLATABLE("Parameters", "none");
        d.parameters = {minorityShare,
                        dataset,
                        integer("hidden", &VaeSettings::hidden, 1, 4096, COLLAPSE_TRANSLATABLE("Parameters", "Hidden width"),
                                COLLAPSE_TRANSLATABLE("Parameters", "Units in each hidden layer of encoder and decoder.")),
                        integer("epochs", &VaeSettings::epochs, 1, 1000, COLLAPSE_TRANSLATABLE("Parameters", "Epochs"),
                                COLLAPSE_TRANSLATABLE("Parameters", "How long each generation's VAE trains on its data.")),
                        integer("batch", &VaeSettings::batch, 1, 65536, COLLAPSE_TRANSLATABLE("Parameters", "Batch size"),
                                COLLAPSE_TRANSLATABLE("Parameters", "Images per minibatch of the VAE's training.")),
                        learningRate,
                        minorityClass};
        d.metrics = {&common_metrics::tailMass, &vae_metrics::elboReal, &vae_metrics::latentStd,
                     &vae_metrics::pixelDiversity, &vae_metrics::classEntropy};
        d.roles = {&common_metrics::tailMass, &vae_metrics::latentStd, &vae_metrics::latentStd};
        // How far from the original: the ELBO of real images, a bound on their log-likelihood in nats per
        // image. The generated images start inside the real ones' central region, so the tail share says
        // little; 10 nats lost is a visible blur, 40 nats the rarer kinds of clothing gone.
        d.roles.fit = &vae_metrics::elboReal;
        d.roles.noticeableFitLoss = 10.0;
        d.roles.severeFitLoss = 40.0;
        d.roles.driftingByFit = COLLAPSE_TRANSLATABLE("Narration", "The images are drifting from the original: each "
                                                                   "generation blurs them a little more, and real "
                                                                   "images fit the model %2 nats worse than at "
                                                                   "generation 0.");
        d.roles.earlyCollapseByFit = COLLAPSE_TRANSLATABLE("Narration", "Early model collapse: the images blur and grow "
                                                                        "alike, and real images fit the model %2 nats "
                                                                        "worse than at generation 0. The rarer kinds "
                                                                        "of clothing go first.");
        d.roles.lateCollapse = COLLAPSE_TRANSLATABLE("Narration", "Late model collapse: the images are the same grey "
                                                                  "blur. What is left bears little resemblance to the "
                                                                  "original images.");
        d.roles.lateCollapseBriefly = COLLAPSE_TRANSLATABLE("Narration", "late collapse: the images are the same blur.");
        d.valuesPerSample = [](const Scenario&) { return 28.0 * 28.0; };
        d.makeExperiment = [](const Scenario& scenario) { return std::make_unique<VaeExperiment>(scenario); };
        d.reproduction = vaeReproduction;
        d.quickSettings = R"({"samples": 300, "hidden": 32, "epochs": 1, "capacity": 4, "generations": 2, "replicates": 1})";
        d.checkData = [](const Scenario& scenario) {
            const VaeSettings& settings = scenario.as<VaeSettings>();
            labelledClasses(loadImageData(settings.dataset, "the VAE"), settings);
        };
        return d;
    }();
    return model;
}

} // namespace collapse
