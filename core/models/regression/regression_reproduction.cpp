#include "core/models/regression/regression_reproduction.h"

#include "core/models/regression/regression_model.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace collapse {

namespace {

constexpr int kFeatures = 10;
constexpr int kDesignRows = 100;
// The paper's horizon: n = 100 generations on the model's own labels after the fit to real data.
constexpr int kSyntheticGenerations = 100;

// σ²d/(T − d − 1): a fit's expected test error on one set of T labels (the mean of an inverse Wishart).
double oneFitError(const Scenario& scenario)
{
    const auto& settings = scenario.as<RegressionSettings>();
    const double d = settings.features;
    return settings.noise * settings.noise * d / (scenario.samples - d - 1.0);
}

// Under accumulate, generation g's error is σ²d/(T − d − 1) · Σ_{k=1}^{g+1} 1/k² (Gerstgrasser et al.,
// Theorem 2): fit g averages g + 1 sets of labels, the k-th of which carries its noise weighted 1/k.
double accumulatedError(const Scenario& scenario, int generation)
{
    double sum = 0.0;
    for (int k = 1; k <= generation + 1; ++k) {
        sum += 1.0 / (static_cast<double>(k) * k);
    }
    return oneFitError(scenario) * sum;
}

std::vector<double> errorsAt(const RunResults& results, int generation)
{
    return valuesAt(results, generation, regression_metrics::testError.name);
}

std::vector<ReportRow> regressionRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    std::vector<ReportRow> rows;
    // Generation n is n generations on the model's own labels after the real fit: the paper's n = 100 at
    // both scales (a smaller plan, as the window's tests run, judges its own last generation).
    const int last = experiment.runs[0].scenario.generations - 1;
    // Replace: each generation adds an independent σ²(XᵀX)⁻¹-covariance error to ŵ, so the test error
    // after n generations on the model's own labels exceeds generation 0's by n σ²d/(T − d − 1).
    {
        const ReproductionRun& run = experiment.runs[0];
        const std::vector<double> start = errorsAt(results[0], 0);
        const std::vector<double> end = errorsAt(results[0], last);
        std::vector<double> growth;
        for (std::size_t i = 0; i < std::min(start.size(), end.size()); ++i) {
            growth.push_back(end[i] - start[i]);
        }
        const double expected = last * oneFitError(run.scenario);
        rows.push_back(closedFormRow("test error gained in n = " + std::to_string(last) + " generations, " + run.label,
                                     "n σ²d/(T − d − 1)", expected, meanOf(growth),
                                     sampleSd(growth) / std::sqrt(static_cast<double>(growth.size())), summaryOf(growth), run));
    }
    // Accumulate: bounded by (π²/6) σ²d/(T − d − 1) = 0.185 whatever n.
    {
        const ReproductionRun& run = experiment.runs[1];
        const std::vector<double> end = errorsAt(results[1], last);
        rows.push_back(closedFormRow("test error after n = " + std::to_string(last) + " generations, " + run.label,
                                     "σ²d/(T − d − 1) Σ 1/k² ≤ (π²/6) σ²d/(T − d − 1) = " +
                                         reportNumber(std::numbers::pi * std::numbers::pi / 6.0 * oneFitError(run.scenario)),
                                     accumulatedError(run.scenario, last), meanOf(end),
                                     sampleSd(end) / std::sqrt(static_cast<double>(end.size())), summaryOf(end), run));
    }
    return rows;
}

// Mean test error over the generations, replace and accumulate, with their closed forms dashed, on a log
// scale that holds the one's linear growth and the other's plateau.
LineFigure regressionLines(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    LineFigure figure;
    figure.dashedName = "closed form";
    LineFigure::Panel panel{"mean test error over the chains", "log₁₀ test error", {}};
    for (std::size_t series = 0; series < experiment.runs.size(); ++series) {
        const ReproductionRun& run = experiment.runs[series];
        figure.seriesNames.push_back(run.label);
        const bool accumulates = run.scenario.policy == Policy::Accumulate;
        LineFigure::Curve closedForm{static_cast<int>(series), true, {}};
        LineFigure::Curve mean{static_cast<int>(series), false, {}};
        const int generations = static_cast<int>(results[series].generations.size());
        for (int g = 0; g < generations; ++g) {
            const double expected = accumulates ? accumulatedError(run.scenario, g) : (g + 1.0) * oneFitError(run.scenario);
            closedForm.values.push_back(std::log10(expected));
            mean.values.push_back(std::log10(meanOf(errorsAt(results[series], g))));
        }
        figure.generations = std::max(figure.generations, generations);
        panel.curves.push_back(std::move(closedForm));
        panel.curves.push_back(std::move(mean));
    }
    figure.rows.push_back({std::move(panel)});
    return figure;
}

nlohmann::json regressionScenario(const char* policy, ReproductionScale scale)
{
    return {{"model", "regression"},
            {"seed", 1},
            {"generations", kSyntheticGenerations + 1},
            {"replicates", scale == ReproductionScale::Paper ? 1000 : 200},
            {"samples", kDesignRows},
            {"features", kFeatures},
            {"noise", 1.0},
            {"policy", policy}};
}

} // namespace

std::vector<ReproductionExperiment> regressionReproduction(const ReproductionRequest& request)
{
    ReproductionExperiment experiment;
    experiment.id = "regression";
    experiment.judge = regressionRows;
    experiment.lines = regressionLines;
    experiment.layout = PaperFigureLayout::Lines;
    experiment.title = "Linear regression on its own labels (Dohmatob et al. 2024; Gerstgrasser et al. 2024)";
    experiment.setting =
        "Ordinary least squares with d = 10 features on a fixed design of T = 100 standard normal inputs per "
        "chain, σ = 1; each generation refits to labels the previous fit makes at the same inputs, for n = 100 "
        "generations after the fit to real labels. Replacing the labels, Dohmatob et al. give a test error that "
        "grows by σ²d/(T − d − 1) a generation, 11.24 after n = 100; keeping every generation's labels, "
        "Gerstgrasser et al. bound it by (π²/6) σ²d/(T − d − 1) = 0.185.";
    experiment.difference = "The papers' expectations are over designs; each of our chains draws its own design, so the "
                            "mean over chains estimates the same expectation.";
    for (const char* policy : {"replace", "accumulate"}) {
        const std::string name = policy;
        experiment.runs.push_back({"regression-" + name, name, scenarioFromJson(regressionScenario(policy, request.scale))});
    }
    return {experiment};
}

} // namespace collapse
