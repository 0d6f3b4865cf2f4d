#pragma once

#include "core/sweep.h"

#include <Eigen/Core>

#include <filesystem>
#include <string>
#include <vector>

namespace collapse {

// The folder of a sweep (core/README.md, "Sweeps"):
//   sweep.json                the plan; the same plan gives the same cells
//   cells/cell-NNNNNN.csv     one finished cell's rows of sweep.csv, written whole as the cell finishes
//   sweep.csv                 the header and every cell's rows in cell order, once every cell is there
// Shards of one sweep may write into one shared folder at once.
class SweepFolder {
public:
    // Opens `folder` to run `plan` in: creates it with sweep.json, or, when it holds the same sweep,
    // resumes it with the cells it has. Throws ScenarioError, writing nothing, when the folder holds
    // another sweep, or files of something else (a `slurm-logs` folder is allowed).
    static SweepFolder prepare(const std::filesystem::path& folder, const SweepPlan& plan);
    // Opens a folder a sweep was run in, to merge or draw it; throws ScenarioError when it is none.
    static SweepFolder open(const std::filesystem::path& folder);

    const std::filesystem::path& path() const { return folder_; }
    const SweepPlan& plan() const { return plan_; }

    std::filesystem::path cellPath(std::size_t cell) const;
    // Whether the cell's file is there; a file that is not the cell's rows throws ScenarioError naming it.
    bool hasCell(std::size_t cell) const;
    // Writes a finished cell's rows whole (a killed run leaves no half cell).
    void writeCell(std::size_t cell, const std::string& rows) const;
    std::vector<std::size_t> missingCells() const;
    // Writes sweep.csv from the cells' files once none is missing; false while some are.
    bool writeSweepCsv() const;

private:
    SweepFolder(std::filesystem::path folder, SweepPlan plan, std::string planText);

    std::filesystem::path folder_;
    SweepPlan plan_;
    std::string planText_;
    friend void mergeSweepFolders(const std::vector<std::filesystem::path>&, const std::filesystem::path&);
};

// Assembles the shards of one sweep, run into one shared folder or several, into `out`'s sweep.json and
// sweep.csv: the same bytes as the sweep run on one machine. Throws ScenarioError, writing nothing, when
// the folders hold different sweeps or cells are missing, naming them.
void mergeSweepFolders(const std::vector<std::filesystem::path>& folders, const std::filesystem::path& out);

// A sweep's sweep.csv read back for drawing: one statistic of one generation over the grid.
struct SweepGrid {
    SweepPlan plan;
    std::string column;  // e.g. "std_median"
    int generation = 0;
    // values(i, j): the cell at the first axis's value i and the second's j (one column for one axis);
    // NaN where the cell has no value.
    Eigen::MatrixXd values;
};
// The sweep.csv columns a figure can show: every <metric>_<statistic>.
std::vector<std::string> sweepStatisticColumns(const SweepPlan& plan);
// Every cell's rows from the folder's sweep.csv, checked against the plan; throws ScenarioError naming a
// missing or damaged file.
std::vector<std::string> readSweepCells(const SweepFolder& folder);
// `column` (a sweep.csv column, or a metric's name for its median) at `generation` (-1: the last the
// sweep summarised) over the grid, from the cells' rows (an empty text: a cell without results, NaN).
// Throws ScenarioError naming an unknown column or generation.
SweepGrid sweepGrid(const SweepPlan& plan, const std::vector<std::string>& cellRows, const std::string& column,
                    int generation);
// sweepGrid() of a finished sweep's folder.
SweepGrid readSweepGrid(const SweepFolder& folder, const std::string& column, int generation);

} // namespace collapse
