#include "core/models/diffusion/diffusion_reproduction.h"

#include <nlohmann/json.hpp>

#include <string>

namespace collapse {

namespace {

// The generation Martínez et al. found the images unusable by.
constexpr int kDegradedBy = 2;

// A row for a change Martínez et al. describe without a number: per chain, the metric at generation 2
// over its value at generation 0, which agrees when it moves the described way in at least 90% of chains.
ReportRow degradationRow(const ReproductionRun& run, const RunResults& results, const char* metric, const std::string& what,
                         bool rises)
{
    const std::string way = rises ? "rise" : "fall";
    return directionRow(what + ", generation " + std::to_string(kDegradedBy) + " ÷ generation 0",
                        std::string(rises ? "rises" : "falls") + ": images degrade within two generations",
                        ratiosToGenerationZero(results, kDegradedBy, metric), run,
                        [rises](const ColumnSummary& change) { return rises ? change.q10 > 1.0 : change.q90 < 1.0; },
                        "agrees: it " + way + "s in at least 90% of chains", "differs: it does not " + way + " in every chain");
}

std::vector<ReportRow> diffusionRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    const ReproductionRun& run = experiment.runs.front();
    return {degradationRow(run, results.front(), "frechet_distance", "Fréchet distance to real images (our classifier's features)", true),
            degradationRow(run, results.front(), "recall", "recall of real images", false)};
}

} // namespace

std::vector<ReproductionExperiment> diffusionReproduction(const ReproductionRequest& request)
{
    const bool paper = request.scale == ReproductionScale::Paper;
    ReproductionExperiment experiment;
    experiment.id = "diffusion";
    experiment.judge = diffusionRows;
    experiment.title = "A diffusion model trained on its own images of one category (Martínez et al. 2023)";
    experiment.layout = PaperFigureLayout::StageGenerations;
    const int generations = paper ? 5 : 3;
    const int samples = 1000;
    const int replicates = paper ? 4 : 2;
    for (int g = 0; g < generations; ++g) {
        experiment.figureGenerations.push_back(g);
    }
    experiment.setting =
        "A denoising diffusion model (an MLP noise predictor, T = 50 on the cosine schedule, ancestral sampling) learns " +
        std::to_string(samples) +
        " Fashion-MNIST trousers at 14x14 pixels, then for " + std::to_string(generations - 1) +
        " more generations only the images its predecessor generated, in " + std::to_string(replicates) +
        " chains. Martínez et al. retrained a diffusion model on its own images of one category and found them "
        "unusable within two generations; they print no number, so ours is judged by the direction of the change "
        "at generation 2.";
    experiment.difference =
        "Martínez et al. used a convolutional diffusion model on larger images; ours is an MLP on 14x14 pixels, and "
        "its Fréchet distance is measured in our own classifier's feature space, not Inception's (it is not FID).";
    const nlohmann::json scenario = {{"model", "diffusion"},
                                     {"seed", 1},
                                     {"generations", generations},
                                     {"replicates", replicates},
                                     {"samples", samples},
                                     {"capacity", 512},
                                     {"dataset", "fashion-mnist-subset"},
                                     {"image_class", 1},
                                     {"image_size", 14},
                                     {"schedule", "cosine"},
                                     {"epochs", 400},
                                     {"batch", 128},
                                     {"learning_rate", 0.002}};
    experiment.runs.push_back({"diffusion-trousers", "MLP diffusion, 14x14 trousers", scenarioFromJson(scenario)});
    return {experiment};
}

} // namespace collapse
