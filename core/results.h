#pragma once

#include "core/engine.h"
#include "core/number_text.h"
#include "core/output_files.h"

#include <filesystem>
#include <string>
#include <vector>

namespace collapse {

// The metrics of a whole run: one replicates x columns matrix per generation.
struct RunResults {
    std::vector<std::string> columns;
    std::vector<Eigen::MatrixXd> generations;
};

// Per generation and column, across replicates (core/README.md). NaN values are left out; a statistic
// with no value left is NaN.
struct ColumnSummary {
    double median, q10, q90, mean;
};
ColumnSummary summarise(const Eigen::Ref<const Eigen::VectorXd>& values);

// The q-quantile by linear interpolation between order statistics (Hyndman & Fan's type 7, NumPy's
// default). `sorted` must be sorted and free of NaN.
double quantileOfSorted(const std::vector<double>& sorted, double q);

// metrics.csv: generation, replicate, then every column; one row per (generation, replicate).
std::string metricsCsv(const RunResults& results);
// summary.csv: generation, then <column>_median, _q10, _q90, _mean for every column.
std::string summaryCsv(const RunResults& results);
// The part of summary.csv's header after "generation": ",<column>_median,_q10,_q90,_mean" per column.
std::string summaryColumnNames(const std::vector<std::string>& columns);
// The part of one generation's summary.csv row after the generation: ",median,q10,q90,mean" of every
// column of `metrics` (one row per replicate).
void appendSummaryStatistics(std::string& text, const Eigen::MatrixXd& metrics);

// The three files of a run written while it runs, one generation at a time: each generation's rows
// are formatted in parallel as it arrives and go straight to the files' temporaries (OutputFiles::stream),
// so a run of any length holds one generation of text. The bytes are addRunFiles's.
class RunFileStreams {
public:
    RunFileStreams(OutputFiles& files, const std::filesystem::path& folder, const std::vector<std::string>& columns,
                   const Scenario& scenario);
    // The next generation's metrics, one row per replicate.
    void add(const Eigen::MatrixXd& metrics);

private:
    OutputFiles::Stream& metrics_;
    OutputFiles::Stream& summary_;
    std::size_t generation_ = 0;
    std::vector<std::string> pieces_;  // reused from generation to generation
};

// The three files of a run (README.md, "The command line") added to `files` under `folder`: metrics.csv, summary.csv and
// scenario.json. The command line and the window's data export write the same bytes.
void addRunFiles(OutputFiles& files, const std::filesystem::path& folder, const RunResults& results,
                 const Scenario& scenario);

} // namespace collapse
