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
    std::vector<ColumnSummary> growth;
    std::vector<ReportRow> rows;
    for (std::size_t i = 0; i < experiment.runs.size(); ++i) {
        const ReproductionRun& run = experiment.runs[i];
        const int last = run.scenario.generations - 1;
        const std::vector<double> ratios = ratiosToGenerationZero(results[i], last, "perplexity_real");
        ReportRow row;
        row.quantity = "perplexity of real text, generation " + std::to_string(last) + " ÷ generation 0, " + run.label;
        row.scenario = "scenarios/" + run.name + ".json";
        if (ratios.empty()) {
            row.ours = "no value";
            row.verdict = "not measured: no chain has a value";
            rows.push_back(row);
            growth.push_back({kNaN, kNaN, kNaN, kNaN});
            continue;
        }
        const ColumnSummary summary = summaryOf(ratios);
        growth.push_back(summary);
        row.ours = reportNumber(summary.median);
        row.band = bandText(summary);
        if (run.scenario.humanFraction == 0.0) {
            row.paper = "rises (Fig. 1b)";
            row.agrees = summary.q10 > 1.0;
            row.verdict = row.agrees ? "agrees: it rises in at least 90% of chains" : "differs: it does not rise in every chain";
        } else {
            row.paper = "rises little (Fig. 1c)";
            row.agrees = summary.median < growth.front().median;
            row.verdict = row.agrees ? "agrees: it rises less than with no real text"
                                     : "differs: it rises as much as with no real text";
        }
        rows.push_back(row);
    }
    return rows;
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
    return {textExperiment(request.scale)};
}

} // namespace collapse
