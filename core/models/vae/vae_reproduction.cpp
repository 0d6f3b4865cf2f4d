#include "core/models/vae/vae_reproduction.h"


#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace collapse {

namespace {

// The paper's numbers, as printed (Fig. 3): the standard deviation of the latent codes in generations 0
// to 4.
constexpr double kPaperLatentStd[5] = {0.674, 0.608, 0.527, 0.468, 0.433};

std::vector<ReportRow> vaeRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    const ReproductionRun& run = experiment.runs.front();
    std::vector<ReportRow> rows;
    const int generations = std::min<int>(run.scenario.generations, std::size(kPaperLatentStd));
    for (int generation = 0; generation < generations; ++generation) {
        rows.push_back(bandRow("latent standard deviation, generation " + std::to_string(generation),
                               kPaperLatentStd[generation], valuesAt(results.front(), generation, "latent_std"), run));
    }
    for (int generation = 1; generation < generations; ++generation) {
        // Per chain: its own generation 0 is its yardstick.
        rows.push_back(bandRow("latent standard deviation, generation " + std::to_string(generation) + " ÷ generation 0",
                               kPaperLatentStd[generation] / kPaperLatentStd[0],
                               ratiosToGenerationZero(results.front(), generation, "latent_std"), run));
    }
    return rows;
}

ReproductionExperiment vaeExperiment(ReproductionScale scale, const std::filesystem::path& fullImages)
{
    ReproductionExperiment experiment;
    experiment.id = "vae";
    experiment.judge = vaeRows;
    experiment.title = "A variational autoencoder trained on its own images (Fig. 3)";
    experiment.layout = PaperFigureLayout::StageGenerations;
    experiment.figureGenerations = {0, 1, 2, 3, 4};
    nlohmann::json scenario = {{"model", "vae"},  {"seed", 1},       {"generations", 5}, {"replicates", 2},
                               {"capacity", 20}, {"hidden", 400},   {"batch", 128},     {"learning_rate", 0.001},
                               {"dataset", "fashion-mnist-subset"}};
    std::error_code error;
    if (scale == ReproductionScale::Paper && std::filesystem::is_regular_file(fullImages, error)) {
        scenario["dataset"] = fullImages.string();
        scenario["samples"] = 60000;
        scenario["epochs"] = 30;
        experiment.notes.push_back("The VAE learnt from all 60 000 training images of Fashion-MNIST (" + fullImages.string() + ").");
    } else if (scale == ReproductionScale::Paper) {
        scenario["samples"] = 10000;
        scenario["epochs"] = 30;
        experiment.notes.push_back("The VAE learnt from the bundled subset of 10 000 Fashion-MNIST images, because the full "
                        "training set (" + fullImages.string() + ", Debian's dataset-fashion-mnist) is not "
                        "installed.");
    } else {
        scenario["samples"] = 3000;
        scenario["epochs"] = 5;
        experiment.notes.push_back("The VAE learnt from 3000 images of the bundled Fashion-MNIST subset for 5 epochs a "
                        "generation, where the paper's scale takes 60 000 images for 30: this little training "
                        "makes its latent codes shrink faster than the paper's.");
    }
    const int samples = scenario["samples"];
    const int epochs = scenario["epochs"];
    experiment.setting =
        "Each generation trains a fresh VAE (784–400–20) for " + std::to_string(epochs) + " epochs on " +
        std::to_string(samples) + " images, the first on real ones, every later one only on images the "
        "previous VAE generated, for 5 generations in 2 chains. The paper prints the standard deviation of "
        "the latent codes per generation; ours measures it with the first generation's encoder.";
    experiment.difference =
        "The paper's VAE is convolutional and learnt MNIST digits; ours is a multilayer perceptron on "
        "Fashion-MNIST (any IDX file, MNIST too, can be set as its images), so its latent scale differs and "
        "the decline relative to generation 0 is the comparable number.";
    experiment.runs.push_back({"vae", "VAE 784–400–20", scenarioFromJson(scenario)});
    return experiment;
}

} // namespace

std::vector<ReproductionExperiment> vaeReproduction(const ReproductionRequest& request)
{
    return {vaeExperiment(request.scale, request.fullImages)};
}

} // namespace collapse
