#include "core/reproduction.h"

#include "core/model_registry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

namespace collapse {

namespace {

// A closed form agrees when our estimate lies within this many standard errors of it.
constexpr double kAgreementErrors = 3.0;

std::string escapedCell(const std::string& text)
{
    std::string escaped;
    for (const char c : text) {
        if (c == '|') {
            escaped += "\\|";
        } else {
            escaped += c;
        }
    }
    return escaped.empty() ? "—" : escaped;
}

} // namespace

std::vector<double> valuesAt(const RunResults& results, int generation, std::string_view metric)
{
    const auto column = std::find(results.columns.begin(), results.columns.end(), metric);
    if (column == results.columns.end() || generation < 0 || generation >= static_cast<int>(results.generations.size())) {
        throw std::invalid_argument("the results have no " + std::string(metric) + " at generation " +
                                    std::to_string(generation));
    }
    const Eigen::MatrixXd& metrics = results.generations[static_cast<std::size_t>(generation)];
    const Eigen::Index index = column - results.columns.begin();
    std::vector<double> values;
    for (Eigen::Index row = 0; row < metrics.rows(); ++row) {
        if (!std::isnan(metrics(row, index))) {
            values.push_back(metrics(row, index));
        }
    }
    return values;
}

std::vector<double> ratiosToGenerationZero(const RunResults& results, int generation, std::string_view metric)
{
    const std::vector<double> first = valuesAt(results, 0, metric);
    const std::vector<double> later = valuesAt(results, generation, metric);
    std::vector<double> ratios;
    for (std::size_t chain = 0; chain < std::min(first.size(), later.size()); ++chain) {
        ratios.push_back(later[chain] / first[chain]);
    }
    return ratios;
}

double meanOf(const std::vector<double>& values)
{
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double sampleSd(const std::vector<double>& values)
{
    const double mean = meanOf(values);
    double sum = 0.0;
    for (const double value : values) {
        sum += (value - mean) * (value - mean);
    }
    return std::sqrt(sum / static_cast<double>(std::max<std::size_t>(1, values.size() - 1)));
}

ColumnSummary summaryOf(const std::vector<double>& values)
{
    return summarise(Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size())));
}

std::string bandText(const ColumnSummary& summary)
{
    return reportNumber(summary.q10) + " – " + reportNumber(summary.q90);
}

ReportRow directionRow(std::string quantity, std::string paper, const std::vector<double>& values,
                       const ReproductionRun& run, const std::function<bool(const ColumnSummary&)>& agrees,
                       std::string agreement, std::string difference)
{
    ReportRow row;
    row.quantity = std::move(quantity);
    row.paper = std::move(paper);
    row.scenario = "scenarios/" + run.name + ".json";
    if (values.empty()) {
        row.ours = "no value";
        row.verdict = "not measured: no chain has a value";
        return row;
    }
    const ColumnSummary summary = summaryOf(values);
    row.ours = reportNumber(summary.median);
    row.band = bandText(summary);
    row.agrees = agrees(summary);
    row.verdict = row.agrees ? std::move(agreement) : std::move(difference);
    return row;
}

ReportRow bandRow(std::string quantity, double paper, const std::vector<double>& ours, const ReproductionRun& run)
{
    const bool below = !ours.empty() && paper < summaryOf(ours).q10;
    return directionRow(std::move(quantity), reportNumber(paper), ours, run,
                        [paper](const ColumnSummary& band) { return paper >= band.q10 && paper <= band.q90; },
                        "within the band", below ? "outside: below the band" : "outside: above the band");
}

ReportRow closedFormRow(std::string quantity, std::string paper, std::string ours, double errors,
                        const ColumnSummary& spread, const ReproductionRun& run)
{
    ReportRow row;
    row.quantity = std::move(quantity);
    row.paper = std::move(paper);
    row.ours = std::move(ours);
    row.band = bandText(spread);
    row.scenario = "scenarios/" + run.name + ".json";
    row.agrees = errors <= kAgreementErrors;
    char text[64];
    std::snprintf(text, sizeof text, std::isfinite(errors) ? "%.1f standard errors apart" : "no spread to judge by", errors);
    row.verdict = std::string(row.agrees ? "agrees" : "differs") + ": " + text;
    return row;
}

ReportRow closedFormRow(std::string quantity, const std::string& formula, double expected, double estimate,
                        double standardError, const ColumnSummary& spread, const ReproductionRun& run)
{
    // No spread at all: agreement is equality.
    const double difference = std::abs(estimate - expected);
    const double errors = difference == 0.0 ? 0.0 : difference / standardError;
    return closedFormRow(std::move(quantity), formula + " = " + reportNumber(expected),
                         reportNumber(estimate) + " ± " + reportNumber(standardError), errors, spread, run);
}

MeanOverChains meanOverChains(const std::vector<double>& values, double logSpread, double fourthMoment)
{
    const double chains = static_cast<double>(values.size());
    const double relativeError = std::sqrt((fourthMoment * std::exp(logSpread * logSpread) - 1.0) / chains);
    MeanOverChains mean;
    mean.estimate = meanOf(values);
    mean.error = std::max(sampleSd(values) / std::sqrt(chains), mean.estimate * relativeError);
    mean.measurable = relativeError <= 0.5;
    return mean;
}

ReportRow unmeasurableRow(std::string quantity, std::string formula, double expected, double logSpread,
                          const ColumnSummary& spread, const ReproductionRun& run)
{
    ReportRow row;
    row.quantity = std::move(quantity);
    row.paper = formula + " = " + reportNumber(expected);
    row.ours = "not measurable";
    row.band = bandText(spread);
    row.scenario = "scenarios/" + run.name + ".json";
    char text[160];
    std::snprintf(text, sizeof text, "too few chains: ln σ² varies by %.1f between chains, so a few of them carry the mean",
                  logSpread);
    row.verdict = text;
    return row;
}


std::optional<ReproductionScale> reproductionScaleNamed(std::string_view name)
{
    if (name == "quick") {
        return ReproductionScale::Quick;
    }
    if (name == "paper") {
        return ReproductionScale::Paper;
    }
    return std::nullopt;
}

std::string_view reproductionScaleName(ReproductionScale scale)
{
    return scale == ReproductionScale::Paper ? "paper" : "quick";
}

int ReproductionPlan::runCount() const
{
    int count = 0;
    for (const auto& experiment : experiments) {
        count += static_cast<int>(experiment.runs.size());
    }
    return count;
}

ReproductionPlan reproductionPlan(ReproductionScale scale, const std::filesystem::path& fullImages)
{
    ReproductionPlan plan;
    plan.scale = scale;
    for (const ModelDescriptor* model : registeredModels()) {
        if (!model->reproduction) {
            continue;
        }
        for (ReproductionExperiment& experiment : model->reproduction({scale, fullImages})) {
            plan.notes.insert(plan.notes.end(), experiment.notes.begin(), experiment.notes.end());
            plan.experiments.push_back(std::move(experiment));
        }
    }
    return plan;
}

std::vector<ReportRow> reportRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    if (results.size() != experiment.runs.size()) {
        throw std::invalid_argument("the experiment " + experiment.id + " has " + std::to_string(experiment.runs.size()) +
                                    " runs, not " + std::to_string(results.size()));
    }
    if (!experiment.judge) {
        throw std::invalid_argument("the experiment " + experiment.id + " has no way to judge its results");
    }
    return experiment.judge(experiment, results);
}

std::string reportNumber(double value)
{
    if (std::isnan(value)) {
        return "no value";
    }
    if (std::isinf(value)) {
        return value > 0 ? "∞" : "−∞";
    }
    char text[32];
    const double magnitude = std::abs(value);
    if (magnitude != 0.0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
        std::snprintf(text, sizeof text, "%.2e", value);
    } else if (magnitude >= 100.0) {
        std::snprintf(text, sizeof text, "%.0f", value);
    } else {
        std::snprintf(text, sizeof text, "%#.3g", value);
    }
    return text;
}

std::string reportMarkdown(const ReproductionPlan& plan, const std::vector<ReproducedExperiment>& experiments,
                           const ReportContext& context)
{
    int rowCount = 0;
    int agreeing = 0;
    for (const auto& reproduced : experiments) {
        for (const auto& row : reproduced.rows) {
            ++rowCount;
            agreeing += row.agrees ? 1 : 0;
        }
    }
    char wall[32];
    std::snprintf(wall, sizeof wall, "%.0f", context.wallSeconds);
    std::string text;
    text += "# Model collapse, reproduced\n\n";
    text += "Collapse Lab " + context.version + " reruns the experiments of Shumailov et al., \"AI models collapse "
            "when trained on recursively generated data\", *Nature* 631, 755–759 (2024), and sets each of its numbers "
            "beside the paper's.\n\n";
    text += "- Scale: **" + std::string(reproductionScaleName(plan.scale)) + "**" +
            (plan.scale == ReproductionScale::Paper ? " (the paper's settings)" : " (the paper's experiments at smaller sizes)") +
            "; " + std::to_string(plan.runCount()) + " runs in " + wall + " s on " + std::to_string(context.threads) +
            (context.threads == 1 ? " thread" : " threads") + ".\n";
    text += "- " + std::to_string(agreeing) + " of " + std::to_string(rowCount) + " rows agree with the paper.\n";
    for (const auto& note : plan.notes) {
        text += "- " + note + "\n";
    }
    text += "\n**Reading the tables.** *Ours* is the median over the chains (replicates) and *10–90%* the range that "
            "holds their middle 80%; a number the paper prints agrees when it lies within that range. For a closed "
            "form, *ours* is the estimate ± its standard error, and it agrees within three standard errors. Every row "
            "names the scenario behind it: `collapselab-cli run --scenario scenarios/NAME.json --out DIR` writes "
            "`data/NAME/metrics.csv` again, byte for byte.\n";
    int number = 0;
    for (const auto& reproduced : experiments) {
        const ReproductionExperiment& experiment = *reproduced.experiment;
        text += "\n## " + std::to_string(++number) + ". " + experiment.title + "\n\n";
        text += experiment.setting + "\n\n";
        if (!reproduced.figure.empty()) {
            text += "![" + experiment.title + "](" + reproduced.figure + ")\n\n";
        }
        text += "| Quantity | Paper | Ours | 10–90% | Verdict | Scenario |\n";
        text += "|---|---|---|---|---|---|\n";
        for (const auto& row : reproduced.rows) {
            text += "| " + escapedCell(row.quantity) + " | " + escapedCell(row.paper) + " | " + escapedCell(row.ours) +
                    " | " + escapedCell(row.band) + " | " + escapedCell(row.verdict) + " | `" + row.scenario + "` |\n";
        }
        if (!experiment.difference.empty()) {
            text += "\n*How ours differs:* " + experiment.difference + "\n";
        }
    }
    return text;
}

} // namespace collapse
