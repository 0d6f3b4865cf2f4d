#pragma once

#include "core/reproduction.h"
#include "ui/run_history.h"

#include <QString>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace collapse::ui {

// Where a reproduction is: run `run` (from 1) of `runs`, `name`'s generation `generation` of `generations`.
struct ReproductionProgress {
    int run = 0;
    int runs = 0;
    std::string name;
    int generation = 0;
    int generations = 0;
};

// The paper's reproduction (core/reproduction.h) carried out: compute() runs every scenario of the plan,
// on any thread; write() then draws the figures and writes the report and its files, on the thread that
// owns the window (the figures are drawn with the window's own views).
class PaperReproduction {
public:
    explicit PaperReproduction(ReproductionPlan plan);
    ~PaperReproduction();

    const ReproductionPlan& plan() const { return plan_; }

    // Runs the plan's scenarios in turn, reporting each generation; false when `cancel` was set (what was
    // computed is dropped). Exceptions of a run (bad data) pass through.
    bool compute(const std::function<void(const ReproductionProgress&)>& progress, const std::atomic<bool>* cancel);

    // Writes, whole or not at all, into `folder`: report.md and report.pdf, figures/<experiment>.png,
    // scenarios/<run>.json and data/<run>/ (metrics.csv, summary.csv and scenario.json, as `run` writes
    // them). Throws std::runtime_error naming the file that could not be written.
    void write(const std::filesystem::path& folder, const ReportContext& context) const;

private:
    // An experiment's runs once computed, in the order of its runs: the metrics for the tables and CSVs,
    // the histories (which the figures point into, so they never move) for the figures.
    struct ComputedExperiment {
        std::vector<RunResults> results;
        std::vector<std::unique_ptr<RunHistory>> histories;
    };

    ReproductionPlan plan_;
    std::vector<ComputedExperiment> computed_;
};

// The report's PDF: the Markdown laid out on A4 pages with its figures, `images` by the names it uses.
QByteArray reportPdf(const QString& markdown, const std::vector<std::pair<QString, QImage>>& images);

} // namespace collapse::ui
