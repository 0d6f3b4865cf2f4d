#include "core/sweep_folder.h"

#include "core/input_files.h"
#include "core/number_text.h"
#include "core/output_files.h"
#include "core/scenario_sources.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>

namespace collapse {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kLargestSweepFile = 1 << 20;
// A cell's file holds a few rows of numbers; a larger one is not a cell's.
constexpr std::uintmax_t kLargestCellFile = 16 << 20;
constexpr std::uintmax_t kLargestSweepCsv = std::uintmax_t{1} << 32;

const char* const kPlanFile = "sweep.json";
const char* const kCellsFolder = "cells";
const char* const kCsvFile = "sweep.csv";

// Entries a sweep's folder may hold besides its own: the Slurm scripts' logs. The temporaries of its own
// files are its own too: shards that start together find each other's sweep.json being written.
bool isForeignEntry(const fs::path& name)
{
    const std::string text = name.string();
    for (const char* own : {kPlanFile, kCellsFolder, kCsvFile, "slurm-logs"}) {
        if (text == own || isTemporaryOf(text, own)) {
            return false;
        }
    }
    return true;
}

std::size_t lineCount(const std::string& text)
{
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// The rows of a cell file must be the cell's: as many as it summarises, each starting with its values
// and generation.
// What is wrong with `text` as the rows of `cell` (empty when nothing is): one row per generation the
// cell keeps, each with the cell's values and generation first and as many fields as sweep.csv has
// columns, every field a number or empty (a missing value). Cell files are input like any other: one
// edited by hand or written by another version is named, not merged.
std::string cellTextProblem(const SweepPlan& plan, std::size_t cell, const std::string& text)
{
    const std::vector<int> generations = plan.cellGenerations(cell);
    if (text.empty() || text.back() != '\n') {
        return "does not end with a whole row";
    }
    if (lineCount(text) != generations.size()) {
        return "holds " + std::to_string(lineCount(text)) + " rows, not the cell's " + std::to_string(generations.size());
    }
    const std::string header = sweepCsvHeader(plan);
    const auto columns = static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) + 1;
    std::string prefix;
    for (const double value : plan.cellValues(cell)) {
        prefix += formatNumber(value) + ',';
    }
    std::size_t start = 0;
    for (std::size_t row = 0; row < generations.size(); ++row) {
        const std::size_t end = text.find('\n', start);
        const std::string_view line(text.data() + start, end - start);
        const std::string where = "row " + std::to_string(row + 1) + " ";
        const std::string expected = prefix + std::to_string(generations[row]) + ',';
        if (line.compare(0, expected.size(), expected) != 0) {
            return where + "does not start with the cell's values and generation (" + expected.substr(0, expected.size() - 1) + ")";
        }
        std::size_t fields = 0;
        for (std::size_t at = 0; at <= line.size(); ++fields) {
            const std::size_t comma = std::min(line.find(',', at), line.size());
            const std::string_view field = line.substr(at, comma - at);
            double number = 0.0;
            const auto parsed = std::from_chars(field.data(), field.data() + field.size(), number);
            if (!field.empty() && (parsed.ec != std::errc() || parsed.ptr != field.data() + field.size())) {
                return where + "field " + std::to_string(fields + 1) + " is not a number: " + quotedForMessage(field);
            }
            at = comma + 1;
        }
        if (fields != columns) {
            return where + "has " + std::to_string(fields) + " fields, not the sweep's " + std::to_string(columns) +
                   " (a cell of another version or another sweep)";
        }
        start = end + 1;
    }
    return {};
}

std::string missingCellsMessage(const SweepPlan& plan, const std::vector<std::size_t>& missing)
{
    std::string names;
    const std::size_t shown = std::min<std::size_t>(missing.size(), 5);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) {
            names += "; ";
        }
        names += plan.cellName(missing[i]);
    }
    if (missing.size() > shown) {
        names += "; and " + std::to_string(missing.size() - shown) + " more";
    }
    return std::to_string(missing.size()) + " of the sweep's " + std::to_string(plan.cellCount()) + " cells are missing (" +
           names + ")";
}

// Streams sweep.csv into place from the cells' files: memory holds one cell at a time.
void writeSweepCsvFrom(const SweepPlan& plan, const std::vector<fs::path>& cellFiles, const fs::path& target)
{
    removeStaleTemporaries(target);
    const fs::path temporary = temporaryPathFor(target);
    const auto fail = [&](const std::string& reason) {
        removeTemporary(temporary);
        throw std::runtime_error("cannot write " + target.string() + ": " + reason);
    };
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            fail(std::strerror(errno));
        }
        out << sweepCsvHeader(plan);
        for (std::size_t cell = 0; cell < cellFiles.size(); ++cell) {
            const std::string rows = readWholeFile(cellFiles[cell], kLargestCellFile, "a sweep's cell");
            if (const std::string problem = cellTextProblem(plan, cell, rows); !problem.empty()) {
                fail(cellFiles[cell].string() + " is not the rows of cell " + plan.cellName(cell) + ": " + problem +
                     "; delete it and run the sweep again to redo the cell");
            }
            out << rows;
        }
        out.close();
        if (!out) {
            fail(std::strerror(errno));
        }
    }
    std::error_code error;
    fs::rename(temporary, target, error);
    if (error) {
        fail(error.message());
    }
    removeTemporary(temporary);
}

} // namespace

SweepFolder::SweepFolder(fs::path folder, SweepPlan plan, std::string planText)
    : folder_(std::move(folder)), plan_(std::move(plan)), planText_(std::move(planText))
{
}

SweepFolder SweepFolder::prepare(const fs::path& folder, const SweepPlan& plan)
{
    const std::string planText = serializeSweepPlan(plan);
    std::error_code error;
    if (fs::exists(folder, error) && !fs::is_directory(folder, error)) {
        throw ScenarioError("--out " + folder.string() + " exists and is not a folder");
    }
    const fs::path planPath = folder / kPlanFile;
    if (fs::exists(planPath, error)) {
        if (readWholeFile(planPath, kLargestSweepFile, "a sweep file") != planText) {
            throw ScenarioError("--out " + folder.string() +
                                " holds another sweep (its sweep.json differs); give an empty or new folder");
        }
    } else {
        if (fs::is_directory(folder, error)) {
            for (const auto& entry : fs::directory_iterator(folder, error)) {
                if (isForeignEntry(entry.path().filename())) {
                    throw ScenarioError("--out " + folder.string() + " is not empty and holds no sweep (it has " +
                                        entry.path().filename().string() + "); give an empty or new folder");
                }
            }
        }
        writeFileWhole(planPath, planText);
    }
    fs::create_directories(folder / kCellsFolder, error);
    if (error) {
        throw std::runtime_error("cannot create folder " + (folder / kCellsFolder).string() + ": " + error.message());
    }
    return SweepFolder(folder, plan, planText);
}

SweepFolder SweepFolder::open(const fs::path& folder)
{
    const fs::path planPath = folder / kPlanFile;
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
        throw ScenarioError(folder.string() + ": no such folder");
    }
    if (!fs::exists(planPath, error)) {
        throw ScenarioError(folder.string() + " holds no sweep (no sweep.json)");
    }
    std::string text = readWholeFile(planPath, kLargestSweepFile, "a sweep file");
    SweepPlan plan = parseSweepPlan(text, planPath.string());
    return SweepFolder(folder, std::move(plan), std::move(text));
}

fs::path SweepFolder::cellPath(std::size_t cell) const
{
    std::string digits = std::to_string(cell);
    digits.insert(0, digits.size() < 6 ? 6 - digits.size() : 0, '0');
    return folder_ / kCellsFolder / ("cell-" + digits + ".csv");
}

bool SweepFolder::hasCell(std::size_t cell) const
{
    std::error_code error;
    const fs::path path = cellPath(cell);
    // A link could make a cell of any file the user can read: cells are files of the sweep's own folder.
    for (const fs::path& own : {folder_ / kCellsFolder, path}) {
        if (fs::is_symlink(own, error)) {
            throw ScenarioError(own.string() + " is a symbolic link; a sweep's cells are files in its own folder");
        }
    }
    if (!fs::exists(path, error)) {
        return false;
    }
    if (const std::string problem = cellTextProblem(plan_, cell, readWholeFile(path, kLargestCellFile, "a sweep's cell"));
        !problem.empty()) {
        throw ScenarioError(path.string() + " is not the rows of cell " + plan_.cellName(cell) + ": " + problem +
                            "; delete it and run the sweep again to redo the cell");
    }
    return true;
}

void SweepFolder::writeCell(std::size_t cell, const std::string& rows) const
{
    writeFileWhole(cellPath(cell), rows);
}

std::vector<std::size_t> SweepFolder::missingCells() const
{
    std::vector<std::size_t> missing;
    for (std::size_t cell = 0; cell < plan_.cellCount(); ++cell) {
        if (!hasCell(cell)) {
            missing.push_back(cell);
        }
    }
    return missing;
}

bool SweepFolder::writeSweepCsv() const
{
    if (!missingCells().empty()) {
        return false;
    }
    std::vector<fs::path> cellFiles;
    for (std::size_t cell = 0; cell < plan_.cellCount(); ++cell) {
        cellFiles.push_back(cellPath(cell));
    }
    writeSweepCsvFrom(plan_, cellFiles, folder_ / kCsvFile);
    return true;
}

void mergeSweepFolders(const std::vector<fs::path>& folders, const fs::path& out)
{
    if (folders.empty()) {
        throw ScenarioError("sweep-merge needs at least one sweep folder");
    }
    std::vector<SweepFolder> opened;
    for (const auto& folder : folders) {
        opened.push_back(SweepFolder::open(folder));
        if (opened.back().planText_ != opened.front().planText_) {
            throw ScenarioError(folder.string() + " holds another sweep than " + folders.front().string() +
                                " (their sweep.json differ); merge only shards of one sweep");
        }
    }
    const SweepPlan& plan = opened.front().plan();
    std::vector<fs::path> cellFiles(plan.cellCount());
    std::vector<std::size_t> missing;
    for (std::size_t cell = 0; cell < plan.cellCount(); ++cell) {
        for (const auto& folder : opened) {
            if (folder.hasCell(cell)) {
                cellFiles[cell] = folder.cellPath(cell);
                break;
            }
        }
        if (cellFiles[cell].empty()) {
            missing.push_back(cell);
        }
    }
    if (!missing.empty()) {
        throw ScenarioError(missingCellsMessage(plan, missing) + "; run the shards that hold them into one of the folders");
    }
    // The output folder takes the plan like a sweep run there would, refusing one of another sweep.
    const SweepFolder target = SweepFolder::prepare(out, plan);
    writeSweepCsvFrom(plan, cellFiles, target.path() / kCsvFile);
}

std::vector<std::string> sweepStatisticColumns(const SweepPlan& plan)
{
    std::string header = sweepCsvHeader(plan);
    header.pop_back();
    std::vector<std::string> columns;
    std::size_t start = 0;
    for (std::size_t field = 0; start <= header.size(); ++field) {
        const auto comma = std::min(header.find(',', start), header.size());
        if (field > plan.axes.size()) {  // past the keys and "generation"
            columns.push_back(header.substr(start, comma - start));
        }
        start = comma + 1;
    }
    return columns;
}

std::vector<std::string> readSweepCells(const SweepFolder& folder)
{
    const SweepPlan& plan = folder.plan();
    const fs::path csvPath = folder.path() / kCsvFile;
    std::error_code error;
    if (!fs::exists(csvPath, error)) {
        throw ScenarioError(folder.path().string() + " holds no sweep.csv yet: the sweep has not finished (" +
                            missingCellsMessage(plan, folder.missingCells()) + ")");
    }
    const std::string text = readWholeFile(csvPath, kLargestSweepCsv, "a sweep's results");
    const std::string header = sweepCsvHeader(plan);
    if (text.compare(0, header.size(), header) != 0) {
        throw ScenarioError(csvPath.string() + ": its header is not the sweep's");
    }
    std::vector<std::string> cells(plan.cellCount());
    std::size_t start = header.size();
    for (std::size_t cell = 0; cell < cells.size(); ++cell) {
        std::size_t end = start;
        for (std::size_t row = 0; row < plan.cellGenerations(cell).size() && end != std::string::npos; ++row) {
            end = text.find('\n', end);
            end = end == std::string::npos ? end : end + 1;
        }
        if (end == std::string::npos) {
            throw ScenarioError(csvPath.string() + ": ends before the sweep's last cell");
        }
        cells[cell] = text.substr(start, end - start);
        if (const std::string problem = cellTextProblem(plan, cell, cells[cell]); !problem.empty()) {
            throw ScenarioError(csvPath.string() + ": the rows of cell " + plan.cellName(cell) + " are not the sweep's: " + problem);
        }
        start = end;
    }
    if (start != text.size()) {
        throw ScenarioError(csvPath.string() + ": has rows the sweep does not");
    }
    return cells;
}

SweepGrid sweepGrid(const SweepPlan& plan, const std::vector<std::string>& cellRows, const std::string& column, int generation)
{
    const std::vector<std::string> columns = sweepStatisticColumns(plan);
    auto found = std::find(columns.begin(), columns.end(), column);
    if (found == columns.end()) {
        found = std::find(columns.begin(), columns.end(), column + "_median");
    }
    if (found == columns.end()) {
        std::string known;
        for (std::size_t c = 0; c < columns.size(); c += 4) {
            known += known.empty() ? "" : ", ";
            known += columns[c].substr(0, columns[c].size() - 7);
        }
        throw ScenarioError("--metric " + column + ": the sweep has no such metric (it has " + known +
                            ", each also as _q10, _q90 or _mean)");
    }
    // The generation: given, or the last the sweep summarised (its cells all summarise the same ones
    // unless "generations" itself is swept).
    const std::vector<int> summarised = plan.cellGenerations(0);
    const int wanted = generation >= 0 ? generation : summarised.back();
    const bool generationsSwept = std::any_of(plan.axes.begin(), plan.axes.end(), [](const SweepAxis& axis) {
        return axis.key == "generations";
    });
    if (!generationsSwept && std::find(summarised.begin(), summarised.end(), wanted) == summarised.end()) {
        std::string list;
        for (const int g : summarised) {
            list += list.empty() ? "" : ", ";
            list += std::to_string(g);
        }
        throw ScenarioError("--generation " + std::to_string(wanted) + ": the sweep summarised generation " + list);
    }

    const std::size_t axisCount = plan.axes.size();
    const std::size_t field = axisCount + 1 + static_cast<std::size_t>(found - columns.begin());
    const auto rows = static_cast<Eigen::Index>(plan.axes[0].values.size());
    const auto cols = static_cast<Eigen::Index>(axisCount > 1 ? plan.axes[1].values.size() : 1);
    SweepGrid grid{plan, *found, wanted, Eigen::MatrixXd::Constant(rows, cols, std::numeric_limits<double>::quiet_NaN())};
    for (std::size_t cell = 0; cell < plan.cellCount() && cell < cellRows.size(); ++cell) {
        const std::vector<int> generations = plan.cellGenerations(cell);
        const auto at = std::find(generations.begin(), generations.end(), wanted);
        if (cellRows[cell].empty() || at == generations.end()) {
            continue;
        }
        // The row of the wanted generation, then its field.
        std::size_t start = 0;
        for (auto g = generations.begin(); g != at; ++g) {
            start = cellRows[cell].find('\n', start) + 1;
        }
        for (std::size_t f = 0; f < field; ++f) {
            start = cellRows[cell].find(',', start) + 1;
        }
        const std::size_t end = cellRows[cell].find_first_of(",\n", start);
        const std::string_view written(cellRows[cell].data() + start, end - start);
        double value = std::numeric_limits<double>::quiet_NaN();
        if (!written.empty() && std::from_chars(written.data(), written.data() + written.size(), value).ec != std::errc()) {
            throw ScenarioError("the sweep's value \"" + std::string(written) + "\" is not a number");
        }
        grid.values(static_cast<Eigen::Index>(cell / static_cast<std::size_t>(cols)),
                     static_cast<Eigen::Index>(cell % static_cast<std::size_t>(cols))) = value;
    }
    return grid;
}

SweepGrid readSweepGrid(const SweepFolder& folder, const std::string& column, int generation)
{
    // The column first: an unknown one is named before the results are read.
    sweepGrid(folder.plan(), {}, column, generation);
    return sweepGrid(folder.plan(), readSweepCells(folder), column, generation);
}

} // namespace collapse
