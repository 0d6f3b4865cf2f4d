#include "core/selection_reproduction.h"

#include "core/scenario.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace collapse {

namespace {

// Their table (d = 10, n = 300, α = 0.1; an anisotropic Gaussian and two Gaussian mixtures): accumulating
// with selection 0.065–0.142, replacing with it 0.0000.
std::vector<ReportRow> selectionBiasRows(const SelectionBiasSetting& setting, const ReproductionExperiment& experiment,
                                         const std::vector<RunResults>& results)
{
    // t = 200 at both scales (a smaller plan, as the window's tests run, judges its own last generation).
    const int last = experiment.runs[0].scenario.generations - 1;
    const std::string at = "dispersion ratio at t = " + std::to_string(last) + ", ";
    const std::vector<double> accumulated = setting.dispersionRatios(results[0], last);
    const bool below = !accumulated.empty() && setting.accumulateHigh < summaryOf(accumulated).q10;
    return {directionRow(at + experiment.runs[0].label, setting.accumulatePaper, accumulated, experiment.runs[0],
                         [&setting](const ColumnSummary& band) {
                             return setting.accumulateLow <= band.q90 && setting.accumulateHigh >= band.q10;
                         },
                         "within the band", below ? "outside: the paper's value is below our band"
                                                  : "outside: the paper's value is above our band"),
            directionRow(at + experiment.runs[1].label, "0.065–0.142 (d = 10)",
                         setting.dispersionRatios(results[1], last), experiment.runs[1],
                         [](const ColumnSummary& band) { return band.q90 < 0.2; },
                         "agrees: collapsed although every generation's data is kept",
                         "differs: selection did not collapse the accumulated data"),
            directionRow(at + experiment.runs[2].label, "0.0000", setting.dispersionRatios(results[2], last),
                         experiment.runs[2], [](const ColumnSummary& band) { return band.q90 < 5e-5; },
                         "agrees: nothing of the spread is left", "differs: spread is left")};
}

// The dispersion ratio's median over the generations, one curve per run, on a log scale.
LineFigure selectionBiasLines(const SelectionBiasSetting& setting, const ReproductionExperiment& experiment,
                              const std::vector<RunResults>& results)
{
    LineFigure figure;
    LineFigure::Panel panel{"dispersion ratio Disp(P_t) / Disp(P_0), median of chains", "log₁₀ dispersion ratio", {}};
    for (std::size_t series = 0; series < experiment.runs.size(); ++series) {
        figure.seriesNames.push_back(experiment.runs[series].label);
        LineFigure::Curve median{static_cast<int>(series), false, {}};
        const int generations = static_cast<int>(results[series].generations.size());
        for (int g = 0; g < generations; ++g) {
            median.values.push_back(std::log10(summaryOf(setting.dispersionRatios(results[series], g)).median));
        }
        figure.generations = std::max(figure.generations, generations);
        panel.curves.push_back(std::move(median));
    }
    figure.rows.push_back({std::move(panel)});
    return figure;
}

} // namespace

ReproductionExperiment selectionBiasExperiment(SelectionBiasSetting setting)
{
    ReproductionExperiment experiment;
    experiment.id = setting.id;
    experiment.title = setting.title;
    experiment.setting = setting.setting;
    experiment.difference = setting.difference;
    experiment.layout = PaperFigureLayout::Lines;
    const auto scenario = [&setting](const char* policy, const char* selection) {
        nlohmann::json keys = setting.model;
        keys.update({{"seed", 1},
                     {"generations", kSelectionBiasGeneration + 1},
                     {"replicates", setting.replicates},
                     {"samples", 300},
                     {"policy", policy},
                     {"selection", selection},
                     {"selection_keep", 0.1}});
        return scenarioFromJson(keys);
    };
    experiment.runs = {{setting.id + "-accumulate", "accumulate", scenario("accumulate", "none")},
                       {setting.id + "-accumulate-biased", "accumulate with selection", scenario("accumulate", "biased")},
                       {setting.id + "-replace-biased", "replace with selection", scenario("replace", "biased")}};
    const auto shared = std::make_shared<const SelectionBiasSetting>(std::move(setting));
    experiment.judge = [shared](const ReproductionExperiment& e, const std::vector<RunResults>& results) {
        return selectionBiasRows(*shared, e, results);
    };
    experiment.lines = [shared](const ReproductionExperiment& e, const std::vector<RunResults>& results) {
        return selectionBiasLines(*shared, e, results);
    };
    return experiment;
}

} // namespace collapse
