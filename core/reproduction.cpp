#include "core/reproduction.h"

#include "core/models/gaussian/gaussian_settings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace collapse {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A closed form agrees when our estimate lies within this many standard errors of it.
constexpr double kAgreementErrors = 3.0;

// The paper's numbers, as printed.
// GMM (Fig. 2 and its text): the two fitted components' standard deviations and the L² distance to the
// original after 2000 generations.
constexpr int kGmmLastSnapshot = 2000;
constexpr double kPaperComponentStd[2] = {0.0100, 0.0111};
constexpr double kPaperGmmL2 = 536.0;
// VAE (Fig. 3): the standard deviation of the latent codes in generations 0 to 4.
constexpr double kPaperLatentStd[5] = {0.674, 0.608, 0.527, 0.468, 0.433};

// How each experiment's results are judged (below).
std::vector<ReportRow> gaussianRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results);
std::vector<ReportRow> gmmRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results);
std::vector<ReportRow> vaeRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results);
std::vector<ReportRow> textRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results);

nlohmann::json gaussianScenario(int samples, const char* estimator, ReproductionScale scale)
{
    return {{"model", "gaussian"},
            {"seed", 1},
            {"generations", scale == ReproductionScale::Paper ? 1000 : 100},
            {"replicates", 200},
            {"samples", samples},
            {"estimator", estimator}};
}

ReproductionExperiment gaussianExperiment(ReproductionScale scale)
{
    ReproductionExperiment experiment;
    experiment.id = "gaussian";
    experiment.judge = gaussianRows;
    experiment.title = "A single Gaussian (Theorem 3.1 and the paper's notebook)";
    experiment.layout = PaperFigureLayout::GaussianPaths;
    const int generations = scale == ReproductionScale::Paper ? 1000 : 100;
    experiment.setting =
        "Each generation fits a normal distribution to M samples drawn from the previous fit, starting from "
        "N(0, 1), for M = 100, 500, 1000 and 10 000, with the unbiased variance estimator and with the "
        "maximum-likelihood one, " + std::to_string(generations) + " generations and 200 chains each. "
        "After k fits the paper's closed forms give a median variance of e^(−k/(M−1)) while the unbiased "
        "variance stays right on average, Var(μ) = k/M for the unbiased estimator, and E[σ²] = (1 − 1/M)^k "
        "and Var(μ) = 1 − (1 − 1/M)^k for maximum likelihood.";
    for (const char* estimator : {"unbiased", "mle"}) {
        for (const int samples : {100, 500, 1000, 10000}) {
            const std::string estimatorName = estimator;
            experiment.runs.push_back({"gaussian-" + estimatorName + "-m" + std::to_string(samples),
                                       "M = " + std::to_string(samples) + ", " +
                                           (estimatorName == "mle" ? "maximum likelihood" : "unbiased"),
                                       scenarioFromJson(gaussianScenario(samples, estimator, scale))});
        }
    }
    return experiment;
}

ReproductionExperiment gmmExperiment(ReproductionScale scale)
{
    ReproductionExperiment experiment;
    experiment.id = "gmm";
    experiment.judge = gmmRows;
    experiment.title = "A Gaussian mixture fitted by EM (Fig. 2)";
    experiment.layout = PaperFigureLayout::StageGenerations;
    experiment.figureGenerations = {0, 50, 100, 150, 200, 350, kGmmLastSnapshot};
    const int replicates = scale == ReproductionScale::Paper ? 20 : 8;
    experiment.setting =
        "A two-component mixture with full covariances is fitted by EM (tolerance 1e-5) to 1000 samples of a "
        "2-D N(0, I), then to 1000 samples of its own, for 2050 generations, in " + std::to_string(replicates) +
        " chains. The paper shows one chain at generations 0, 50, 100, 150, 200, 350 and 2000 and prints its "
        "two components' standard deviations and its L² distance to the original after 2000 generations.";
    experiment.difference =
        "The paper reports one chain; ours are " + std::to_string(replicates) +
        ", so the paper's numbers are compared with the range over chains.";
    const nlohmann::json scenario = {{"model", "gmm"},        {"seed", 1},          {"generations", 2050},
                                     {"replicates", replicates}, {"samples", 1000}, {"dim", 2},
                                     {"true_components", 1},  {"capacity", 2},      {"covariance", "full"},
                                     {"estimator", "mle"},    {"em_tol", 1e-5},     {"em_max_iter", 2000},
                                     {"reg_covar", 1e-6}};
    experiment.runs.push_back({"gmm", "K = 2, full covariance", scenarioFromJson(scenario)});
    return experiment;
}

ReproductionExperiment vaeExperiment(ReproductionScale scale, const std::filesystem::path& fullImages,
                                     std::vector<std::string>& notes)
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
        notes.push_back("The VAE learnt from all 60 000 training images of Fashion-MNIST (" + fullImages.string() + ").");
    } else if (scale == ReproductionScale::Paper) {
        scenario["samples"] = 10000;
        scenario["epochs"] = 30;
        notes.push_back("The VAE learnt from the bundled subset of 10 000 Fashion-MNIST images, because the full "
                        "training set (" + fullImages.string() + ", Debian's dataset-fashion-mnist) is not "
                        "installed.");
    } else {
        scenario["samples"] = 3000;
        scenario["epochs"] = 5;
        notes.push_back("The VAE learnt from 3000 images of the bundled Fashion-MNIST subset for 5 epochs a "
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

// A metric's values over the replicates at one generation, NaN left out.
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

// A row for a number the paper prints: does it lie within our 10–90% band over replicates?
ReportRow bandRow(std::string quantity, double paper, const std::vector<double>& ours, const ReproductionRun& run)
{
    ReportRow row;
    row.quantity = std::move(quantity);
    row.paper = reportNumber(paper);
    row.scenario = "scenarios/" + run.name + ".json";
    if (ours.empty()) {
        row.ours = "no value";
        row.verdict = "not measured: no chain has a value";
        return row;
    }
    const ColumnSummary summary = summaryOf(ours);
    row.ours = reportNumber(summary.median);
    row.band = bandText(summary);
    row.agrees = paper >= summary.q10 && paper <= summary.q90;
    row.verdict = row.agrees ? "within the band" : (paper < summary.q10 ? "outside: below the band" : "outside: above the band");
    return row;
}

// A row for a closed form, judged by how many standard errors our estimate lies from the formula's value.
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

// The same for an estimate of the formula's value itself, with its standard error.
ReportRow closedFormRow(std::string quantity, const std::string& formula, double expected, double estimate,
                        double standardError, const ColumnSummary& spread, const ReproductionRun& run)
{
    // No spread at all: agreement is equality.
    const double difference = std::abs(estimate - expected);
    const double errors = difference == 0.0 ? 0.0 : difference / standardError;
    return closedFormRow(std::move(quantity), formula + " = " + reportNumber(expected),
                         reportNumber(estimate) + " ± " + reportNumber(standardError), errors, spread, run);
}

// A mean over chains of a quantity that carries a product of k random factors, σ²_k itself or μ²_k: the
// few chains that kept their variance carry it. With ln σ² spread by s between chains and the quantity
// log-normal in that factor, its relative standard error over R chains is sqrt((c e^{s²} − 1) / R), with
// c = 1 for σ² and c = 3 for μ² (μ given a chain's path is normal with variance V = Σ σ²_i / M, whose
// log-spread is at most σ²_k's, and E[Z⁴] = 3). The error taken is the larger of that and the sample's
// own s / sqrt(R), which understates a skewed mean's; past a relative error of one half no run of R chains
// measures the mean.
struct MeanOverChains {
    double estimate = 0.0;
    double error = 0.0;
    bool measurable = false;
};

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

std::vector<ReportRow> gaussianRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    std::vector<ReportRow> rows;
    for (std::size_t i = 0; i < experiment.runs.size(); ++i) {
        const ReproductionRun& run = experiment.runs[i];
        const double M = run.scenario.samples;
        // Generation g is the (g + 1)-th fit (core/README.md): the last holds k = generations fits.
        const int last = run.scenario.generations - 1;
        const double k = run.scenario.generations;
        const std::string after = " after k = " + std::to_string(run.scenario.generations) + " fits, " + run.label;
        std::vector<double> variances = valuesAt(results[i], last, "std");
        for (double& value : variances) {
            value *= value;
        }
        const std::vector<double> means = valuesAt(results[i], last, "mean");
        std::vector<double> logVariances;
        for (const double value : variances) {
            logVariances.push_back(std::log(value));
        }
        const double logSpread = sampleSd(logVariances);
        const double chains = static_cast<double>(variances.size());
        const ColumnSummary varianceSpread = summaryOf(variances);
        const ColumnSummary meanSpread = summaryOf(means);
        // Var(μ)'s rows show the range of μ itself.
        const auto withMeanBand = [&meanSpread](ReportRow row) {
            row.band = "μ: " + bandText(meanSpread);
            return row;
        };
        // Var(μ) about the original's mean 0: the mean of μ².
        std::vector<double> squaredMeans;
        for (const double value : means) {
            squaredMeans.push_back(value * value);
        }
        const MeanOverChains meanVariance = meanOverChains(squaredMeans, logSpread, 3.0);
        const bool mle = run.scenario.as<GaussianSettings>().estimator == Estimator::Mle;
        const double shrink = std::pow(1.0 - 1.0 / M, k);
        if (!mle) {
            // ln σ²_k is a sum of k independent terms; its sample median has the standard error
            // sqrt(π/2) sd / sqrt(R). Judged on the log scale, where that error is symmetric.
            const double median = varianceSpread.median;
            const double logError = std::sqrt(std::acos(-1.0) / 2.0) * logSpread / std::sqrt(chains);
            const double expected = std::exp(-k / (M - 1.0));
            rows.push_back(closedFormRow("median σ²" + after, "e^(−k/(M−1)) = " + reportNumber(expected),
                                         reportNumber(median) + " (ln ± " + reportNumber(logError) + ")",
                                         std::abs(std::log(median) - std::log(expected)) / logError, varianceSpread, run));
        } else {
            const MeanOverChains variance = meanOverChains(variances, logSpread, 1.0);
            const std::string quantity = "E[σ²]" + after;
            rows.push_back(variance.measurable
                               ? closedFormRow(quantity, "(1 − 1/M)^k", shrink, variance.estimate, variance.error,
                                               varianceSpread, run)
                               : unmeasurableRow(quantity, "(1 − 1/M)^k", shrink, logSpread, varianceSpread, run));
        }
        const std::string quantity = "Var(μ)" + after;
        const std::string formula = mle ? "1 − (1 − 1/M)^k" : "k/M";
        const double expected = mle ? 1.0 - shrink : k / M;
        rows.push_back(withMeanBand(meanVariance.measurable
                                        ? closedFormRow(quantity, formula, expected, meanVariance.estimate,
                                                        meanVariance.error, meanSpread, run)
                                        : unmeasurableRow(quantity, formula, expected, logSpread, meanSpread, run)));
    }
    return rows;
}

std::vector<ReportRow> gmmRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    const ReproductionRun& run = experiment.runs.front();
    const int generation = std::min(kGmmLastSnapshot, run.scenario.generations - 1);
    const std::string after = " after " + std::to_string(generation) + " generations";
    return {bandRow("narrowest component's standard deviation" + after, kPaperComponentStd[0],
                    valuesAt(results.front(), generation, "component_std_min"), run),
            bandRow("widest component's standard deviation" + after, kPaperComponentStd[1],
                    valuesAt(results.front(), generation, "component_std_max"), run),
            bandRow("L² distance to the original, ∫(p − p₀)²," + after, kPaperGmmL2,
                    valuesAt(results.front(), generation, "l2_to_original"), run)};
}

std::vector<ReportRow> vaeRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    const ReproductionRun& run = experiment.runs.front();
    std::vector<ReportRow> rows;
    const std::vector<double> first = valuesAt(results.front(), 0, "latent_std");
    const int generations = std::min<int>(run.scenario.generations, std::size(kPaperLatentStd));
    for (int generation = 0; generation < generations; ++generation) {
        rows.push_back(bandRow("latent standard deviation, generation " + std::to_string(generation),
                               kPaperLatentStd[generation], valuesAt(results.front(), generation, "latent_std"), run));
    }
    for (int generation = 1; generation < generations; ++generation) {
        // Per chain: its own generation 0 is its yardstick.
        const std::vector<double> current = valuesAt(results.front(), generation, "latent_std");
        std::vector<double> ratios;
        for (std::size_t chain = 0; chain < std::min(first.size(), current.size()); ++chain) {
            ratios.push_back(current[chain] / first[chain]);
        }
        rows.push_back(bandRow("latent standard deviation, generation " + std::to_string(generation) + " ÷ generation 0",
                               kPaperLatentStd[generation] / kPaperLatentStd[0], ratios, run));
    }
    return rows;
}

std::vector<ReportRow> textRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    // Per chain, the perplexity of real text at the last generation over that at generation 0.
    std::vector<ColumnSummary> growth;
    std::vector<ReportRow> rows;
    for (std::size_t i = 0; i < experiment.runs.size(); ++i) {
        const ReproductionRun& run = experiment.runs[i];
        const int last = run.scenario.generations - 1;
        const std::vector<double> first = valuesAt(results[i], 0, "perplexity_real");
        const std::vector<double> final = valuesAt(results[i], last, "perplexity_real");
        std::vector<double> ratios;
        for (std::size_t chain = 0; chain < std::min(first.size(), final.size()); ++chain) {
            ratios.push_back(final[chain] / first[chain]);
        }
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
    plan.experiments.push_back(gaussianExperiment(scale));
    plan.experiments.push_back(gmmExperiment(scale));
    plan.experiments.push_back(vaeExperiment(scale, fullImages, plan.notes));
    plan.experiments.push_back(textExperiment(scale));
    return plan;
}

std::vector<ReportRow> reportRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)
{
    if (results.size() != experiment.runs.size()) {
        throw std::invalid_argument("the experiment " + experiment.id + " has " + std::to_string(experiment.runs.size()) +
                                    " runs, not " + std::to_string(results.size()));
    }
    if (experiment.judge == nullptr) {
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
