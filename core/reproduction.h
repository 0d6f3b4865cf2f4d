#pragma once

#include "core/results.h"
#include "core/scenario.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace collapse {

// `reproduce` (README.md, "Reproducing the paper"): every experiment of Shumailov et al., "AI models
// collapse when trained on recursively generated data" (Nature 631, 2024), at the paper's settings, and a
// table that sets each of our numbers beside the paper's. Each model contributes its own experiments
// from its folder (ModelDescriptor::reproduction: the runs, the paper's numbers and how to judge ours);
// this part collects them, holds what judging has in common and writes the report's text. Drawing the
// figures and the PDF is the window layer's (ui/paper_report.h), which draws what is computed here.

// `paper`: the paper's settings. `quick`: the same experiments at sizes that finish in about three minutes
// on two cores.
enum class ReproductionScale { Quick, Paper };
std::optional<ReproductionScale> reproductionScaleNamed(std::string_view name);
std::string_view reproductionScaleName(ReproductionScale scale);

// One run behind the report, stored as scenarios/<name>.json with its CSVs in data/<name>/.
struct ReproductionRun {
    std::string name;
    std::string label; // how figures and tables name it: "M = 100, unbiased", "10% real text"
    Scenario scenario;
};

// The request a model's experiments are made for: the scale, and where the full image set lies.
struct ReproductionRequest {
    ReproductionScale scale = ReproductionScale::Quick;
    std::filesystem::path fullImages;
};

// A figure of lines over the generations, computed from the runs' results and drawn as it is: rows of
// panels side by side, each with its curves. Curves of one series share a colour (the legend names the
// series); dashed curves are references, such as a closed form. Curves are drawn in their order.
struct LineFigure {
    struct Curve {
        int series = 0;
        bool dashed = false;
        std::vector<double> values; // one per generation; NaN leaves a gap
    };
    struct Panel {
        std::string title;
        std::string yTitle;
        std::vector<Curve> curves;
    };
    std::vector<std::vector<Panel>> rows;
    std::vector<std::string> seriesNames;
    std::string dashedName; // what the dashed curves are, for the legend
    int generations = 0;
};

// How an experiment's figure is laid out, after the paper's.
enum class PaperFigureLayout {
    // Lines over the generations, computed by the experiment (ReproductionExperiment::lines): the
    // Gaussian's μ and σ² per sample size and estimator, as in the paper's notebook.
    Lines,
    // The stage of the first run at the paper's snapshot generations (Fig. 2's GMM, Fig. 3's VAE).
    StageGenerations,
    // The runs side by side at their last generation, stage and charts (Fig. 1b and c).
    SideBySide,
};

// One line of an experiment's table. `ours` is the median over replicates (or, for a closed form, the
// estimate and its standard error); `band` the 10–90% range over replicates; `verdict` says in words
// whether the paper's value lies within it (or, for a closed form, within three standard errors; or,
// where the paper prints no number, whether ours shows what its figure shows).
struct ReportRow {
    std::string quantity;
    std::string paper;
    std::string ours;
    std::string band;
    std::string verdict;
    bool agrees = false;
    std::string scenario; // the file behind the numbers: scenarios/<name>.json
};

struct ReproductionExperiment {
    std::string id; // figures/<id>.png
    std::string title;
    std::string setting; // what runs, and what the paper reports, in a few sentences
    std::string difference; // where our model differs from the paper's, in one sentence; else empty
    // Said once at the top of the report (which data the model learnt from, and why).
    std::vector<std::string> notes;
    PaperFigureLayout layout = PaperFigureLayout::SideBySide;
    std::vector<int> figureGenerations; // StageGenerations: the paper's snapshots
    std::vector<ReproductionRun> runs;
    // Judges the results of the runs, in their order, against the paper (reportRows() calls it).
    std::function<std::vector<ReportRow>(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)> judge;
    // Lines: the figure's curves from the results of the runs, in their order.
    std::function<LineFigure(const ReproductionExperiment& experiment, const std::vector<RunResults>& results)> lines;
};

// Where the VAE looks for the full Fashion-MNIST training set: Debian's dataset-fashion-mnist.
inline constexpr std::string_view kDebianFashionMnist = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz";

struct ReproductionPlan {
    ReproductionScale scale = ReproductionScale::Quick;
    std::vector<ReproductionExperiment> experiments;
    // Said once at the top of the report: which images the VAE learnt from, and why.
    std::vector<std::string> notes;
    int runCount() const;
};

// Every registered model's experiments at `scale`, in the order of the models. At the paper's scale the
// VAE learns all 60 000 images of `fullImages` when that file exists, else the bundled subset (and a
// note says so).
ReproductionPlan reproductionPlan(ReproductionScale scale,
                                  const std::filesystem::path& fullImages = std::filesystem::path(kDebianFashionMnist));

// The rows of `experiment` from the results of its runs, in the order of its runs. Throws
// std::invalid_argument when the results do not belong to the experiment.
std::vector<ReportRow> reportRows(const ReproductionExperiment& experiment, const std::vector<RunResults>& results);

struct ReproducedExperiment {
    const ReproductionExperiment* experiment = nullptr;
    std::vector<ReportRow> rows;
    std::string figure; // relative to the report: figures/<id>.png
};

// How the report came about: the program's version, the threads it ran on and how long it took.
struct ReportContext {
    std::string version;
    int threads = 1;
    double wallSeconds = 0.0;
};

// The report in Markdown (GitHub tables): the settings, then per experiment its figure, its table and
// how ours differs from the paper's.
std::string reportMarkdown(const ReproductionPlan& plan, const std::vector<ReproducedExperiment>& experiments,
                           const ReportContext& context);

// The number as a report prints it: three significant digits ("0.0100", "536", "4.31e-05").
std::string reportNumber(double value);

// What the models' judges share (core/README.md, "Reproducing the paper").

// A metric's values over the replicates at one generation, NaN left out. Throws std::invalid_argument
// when the results have no such metric or generation.
std::vector<double> valuesAt(const RunResults& results, int generation, std::string_view metric);
// Per chain, a metric at `generation` over the same chain's value at generation 0 (chains with both).
std::vector<double> ratiosToGenerationZero(const RunResults& results, int generation, std::string_view metric);
double meanOf(const std::vector<double>& values);
// The sample standard deviation (n − 1).
double sampleSd(const std::vector<double>& values);
ColumnSummary summaryOf(const std::vector<double>& values);
// "q10 – q90".
std::string bandText(const ColumnSummary& summary);

// A row for a change the paper shows without printing a number: ours is the median of `values` over the
// chains (per chain, say, a ratio to generation 0), `agrees` judges their summary, and the verdict is
// `agreement` or `difference`.
ReportRow directionRow(std::string quantity, std::string paper, const std::vector<double>& values,
                       const ReproductionRun& run, const std::function<bool(const ColumnSummary&)>& agrees,
                       std::string agreement, std::string difference);
// A row for a number the paper prints: does it lie within our 10–90% band over replicates?
ReportRow bandRow(std::string quantity, double paper, const std::vector<double>& ours, const ReproductionRun& run);
// A row for a closed form, judged by how many standard errors (`errors`) our estimate lies from the
// formula's value: it agrees within three.
ReportRow closedFormRow(std::string quantity, std::string paper, std::string ours, double errors,
                        const ColumnSummary& spread, const ReproductionRun& run);
// The same for an estimate of the formula's value itself, with its standard error.
ReportRow closedFormRow(std::string quantity, const std::string& formula, double expected, double estimate,
                        double standardError, const ColumnSummary& spread, const ReproductionRun& run);

// A mean over chains of a quantity that carries a product of k random factors, σ²_k itself or μ²_k: the
// few chains that kept their variance carry it. With ln σ² spread by s between chains and the quantity
// log-normal in that factor, its relative standard error over R chains is sqrt((c e^{s²} − 1) / R), with
// c = `fourthMoment` (1 for σ², 3 for μ², whose E[Z⁴] = 3). The error taken is the larger of that and
// the sample's own s / sqrt(R), which understates a skewed mean's; past a relative error of one half no
// run of R chains measures the mean.
struct MeanOverChains {
    double estimate = 0.0;
    double error = 0.0;
    bool measurable = false;
};
MeanOverChains meanOverChains(const std::vector<double>& values, double logSpread, double fourthMoment);
// The row of a mean that R chains cannot measure: the formula's value, our band and why.
ReportRow unmeasurableRow(std::string quantity, std::string formula, double expected, double logSpread,
                          const ColumnSummary& spread, const ReproductionRun& run);

} // namespace collapse
