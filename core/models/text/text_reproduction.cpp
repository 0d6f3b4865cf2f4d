#include "core/models/text/text_reproduction.h"


#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace collapse {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<ReportRow> textRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    // Per chain, the perplexity of real text at the last generation over that at generation 0.
    std::vector<ReportRow> rows;
    double withoutRealText = kNaN;
    for (std::size_t i = 0; i < experiment.runs.size(); ++i) {
        const ReproductionRun& run = experiment.runs[i];
        const int last = run.scenario.generations - 1;
        const std::vector<double> ratios = ratiosToGenerationZero(results[i], last, "perplexity_real");
        std::string quantity = "perplexity of real text, generation " + std::to_string(last) + " ÷ generation 0, " + run.label;
        if (run.scenario.humanFraction == 0.0) {
            withoutRealText = ratios.empty() ? kNaN : summaryOf(ratios).median;
            rows.push_back(directionRow(std::move(quantity), "rises (Fig. 1b)", ratios, run,
                                        [](const ColumnSummary& growth) { return growth.q10 > 1.0; },
                                        "agrees: it rises in at least 90% of chains",
                                        "differs: it does not rise in every chain"));
        } else {
            rows.push_back(directionRow(std::move(quantity), "rises little (Fig. 1c)", ratios, run,
                                        [&](const ColumnSummary& growth) { return growth.median < withoutRealText; },
                                        "agrees: it rises less than with no real text",
                                        "differs: it rises as much as with no real text"));
        }
    }
    return rows;
}

// The histogram of Fig. 1b, per chain: the median per-sequence perplexity under generation 0 at the last
// generation over generation 0's, and the right tail's length (90th percentile over median) likewise.
std::vector<ReportRow> neuralRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    std::vector<ReportRow> rows = textRows(experiment, results);
    const ReproductionRun& run = experiment.runs.front();
    const int last = run.scenario.generations - 1;
    const RunResults& synthetic = results.front();
    const auto tailLength = [&](int generation) {
        const std::vector<double> tail = valuesAt(synthetic, generation, "perplexity_gen0_p90");
        const std::vector<double> median = valuesAt(synthetic, generation, "perplexity_gen0");
        std::vector<double> lengths;
        for (std::size_t chain = 0; chain < std::min(tail.size(), median.size()); ++chain) {
            lengths.push_back(tail[chain] / median[chain]);
        }
        return lengths;
    };
    const std::vector<double> medians = ratiosToGenerationZero(synthetic, last, "perplexity_gen0");
    const std::vector<double> before = tailLength(0);
    const std::vector<double> after = tailLength(last);
    std::vector<double> widening;
    for (std::size_t chain = 0; chain < std::min(before.size(), after.size()); ++chain) {
        widening.push_back(after[chain] / before[chain]);
    }
    rows.push_back(directionRow("median perplexity of the written sequences under generation 0, generation " +
                                    std::to_string(last) + " ÷ generation 0, " + run.label,
                                "falls: later text is likelier to the first model (Fig. 1b)", medians, run,
                                [](const ColumnSummary& change) { return change.q90 < 1.0; },
                                "agrees: it falls in at least 90% of chains", "differs: it does not fall in every chain"));
    rows.push_back(directionRow("right tail of that histogram (90th percentile ÷ median), generation " +
                                    std::to_string(last) + " ÷ generation 0, " + run.label,
                                "grows a long tail (Fig. 1b)", widening, run,
                                [](const ColumnSummary& change) { return change.q10 > 1.0; },
                                "agrees: the tail lengthens in at least 90% of chains",
                                "differs: the tail does not lengthen in every chain"));
    return rows;
}

ReproductionExperiment neuralExperiment(ReproductionScale scale)
{
    ReproductionExperiment experiment;
    experiment.id = "text-neural";
    experiment.judge = neuralRows;
    experiment.title = "A neural language model fine-tuned on its own writing (Fig. 1b and c)";
    experiment.layout = PaperFigureLayout::SideBySide;
    const bool paper = scale == ReproductionScale::Paper;
    const int generations = paper ? 10 : 4;
    const int replicates = paper ? 2 : 1;
    const int samples = paper ? 500 : 96;
    experiment.setting =
        "A transformer of 1.3 million weights (4 layers, width 128), pretrained once on Jane Austen's novels, "
        "is fine-tuned for " + std::to_string(generations) + " generations, each time from the same pretrained "
        "weights, on " + std::to_string(samples) + " passages its predecessor wrote with beam search: once with "
        "no real text, once with 10% real text in every generation, in " + std::to_string(replicates) +
        " chains each, as the paper fine-tuned OPT-125m.";
    experiment.difference =
        "The paper's model has 125 million weights pretrained on some 180 billion tokens and fine-tuned on "
        "wikitext2; ours has 1.3 million, pretrained on 0.8 million words of one author. It can show the "
        "mechanism the paper describes in a real neural network, fine-tuned by gradient descent on its own "
        "beam-searched text: real text growing less likely. A model this small, searched by beam, sinks into "
        "repeating one phrase, so its sequences grow less likely to the first model and all alike: their "
        "perplexities rise and narrow instead of growing the paper's long tail. Written by sampling "
        "(decoding sample) the tail does grow, but the median rises with it, where the paper's falls. It "
        "cannot say how large the effect is for a model that writes fluent prose, how a vast pretraining "
        "corpus holds the model near real language, or anything about models of today's size.";
    for (const double human : {0.0, 0.1}) {
        const nlohmann::json scenario = {{"model", "text"},
                                         {"lm", "transformer"},
                                         {"seed", 1},
                                         {"generations", generations},
                                         {"replicates", replicates},
                                         {"samples", samples},
                                         {"human_fraction", human},
                                         {"sequence_length", 48},
                                         {"prompt_length", 16},
                                         {"decoding", "beam"},
                                         {"beam_width", 5},
                                         {"repetition_penalty", 3.0}};
        experiment.runs.push_back({human == 0.0 ? "text-neural-no-real-data" : "text-neural-10-percent-real",
                                   human == 0.0 ? "no real text" : "10% real text", scenarioFromJson(scenario)});
    }
    return experiment;
}

ReproductionExperiment textExperiment(ReproductionScale scale)
{
    ReproductionExperiment experiment;
    experiment.id = "text";
    experiment.judge = textRows;
    experiment.title = "A language model trained on its own writing (Fig. 1b and c)";
    experiment.layout = PaperFigureLayout::SideBySide;
    const int replicates = scale == ReproductionScale::Paper ? 4 : 2;
    const int samples = scale == ReproductionScale::Paper ? 1000 : 500;
    experiment.setting =
        "A trigram language model learns Jane Austen's novels, then for 10 generations learns " +
        std::to_string(samples) + " passages written by its predecessor with beam search: once with no real "
        "text, once with 10% real text in every generation, in " + std::to_string(replicates) +
        " chains each. The paper shows the perplexity of real text rising over the generations without real "
        "data, and rising little when 10% of the data is real.";
    experiment.difference =
        "The paper fine-tunes OPT-125m on wikitext2; ours is an n-gram model with Kneser–Ney smoothing, so "
        "the comparison is of the direction and relative size of the change, not of its values.";
    for (const double human : {0.0, 0.1}) {
        const nlohmann::json scenario = {{"model", "text"},       {"seed", 1},          {"generations", 10},
                                         {"replicates", replicates}, {"samples", samples}, {"human_fraction", human},
                                         {"capacity", 3},         {"decoding", "beam"}, {"beam_width", 5},
                                         {"repetition_penalty", 3.0}};
        experiment.runs.push_back({human == 0.0 ? "text-no-real-data" : "text-10-percent-real",
                                   human == 0.0 ? "no real text" : "10% real text", scenarioFromJson(scenario)});
    }
    return experiment;
}

} // namespace

std::vector<ReproductionExperiment> textReproduction(const ReproductionRequest& request)
{
    return {textExperiment(request.scale), neuralExperiment(request.scale)};
}

} // namespace collapse
