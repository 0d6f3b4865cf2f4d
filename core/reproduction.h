#pragma once

#include "core/results.h"
#include "core/scenario.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace collapse {

// `reproduce` (README.md, "Reproducing the paper"): every experiment of Shumailov et al., "AI models
// collapse when trained on recursively generated data" (Nature 631, 2024), at the paper's settings, and a
// table that sets each of our numbers beside the paper's. This part plans the runs and judges their
// results; drawing the figures and the PDF is the window layer's (ui/paper_report.h).

// `paper`: the paper's settings. `quick`: the same experiments at sizes that finish in under two minutes
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

// How an experiment's figure is laid out, after the paper's.
enum class PaperFigureLayout {
    // μ and σ² over the generations, one line per sample size, one row per estimator (the notebook).
    GaussianPaths,
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
    PaperFigureLayout layout = PaperFigureLayout::SideBySide;
    std::vector<int> figureGenerations; // StageGenerations: the paper's snapshots
    std::vector<ReproductionRun> runs;
    // Judges the results of the runs, in their order, against the paper (reportRows() calls it).
    std::vector<ReportRow> (*judge)(const ReproductionExperiment& experiment, const std::vector<RunResults>& results) = nullptr;
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

// The experiments at `scale`. At the paper's scale the VAE learns all 60 000 images of `fullImages`
// when that file exists, else the bundled subset (and a note says so).
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

} // namespace collapse
