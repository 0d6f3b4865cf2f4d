#pragma once

#include "core/column_summary.h"
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

// metrics.csv: generation, replicate, then every column; one row per (generation, replicate).
std::string metricsCsv(const RunResults& results);
// summary.csv: generation, then <column>_median, _q10, _q90, _mean for every column.
std::string summaryCsv(const RunResults& results);
// The part of summary.csv's header after "generation": ",<column>_median,_q10,_q90,_mean" per column.
std::string summaryColumnNames(const std::vector<std::string>& columns);
// The part of one generation's summary.csv row after the generation: ",median,q10,q90,mean" of every
// column's summary.
void appendSummaryStatistics(std::string& text, const std::vector<ColumnSummary>& summaries);

// The three files of a run written while it runs, one generation at a time: each generation's rows
// are formatted in parallel as it arrives and go straight to the files' temporaries (OutputFiles::stream),
// so a run of any length holds one generation of text. The bytes are addRunFiles's.
class RunFileStreams {
public:
    RunFileStreams(OutputFiles& files, const std::filesystem::path& folder, const std::vector<std::string>& columns,
                   const Scenario& scenario);
    // The next generation's metrics, one row per replicate, and its columns' summaries.
    void add(const Eigen::MatrixXd& metrics, const std::vector<ColumnSummary>& summaries);

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
