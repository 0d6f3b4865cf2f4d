#pragma once

#include "core/scenario.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace collapse {

// One varied key of a sweep and the values it takes, in order.
struct SweepAxis {
    std::string key;
    std::string spec;  // as written: "0,0.05,0.1" or "10:10000:7:log"
    std::vector<double> values;
    bool logarithmic = false;  // the values step by equal ratios (a figure draws the axis logarithmic)

    friend bool operator==(const SweepAxis&, const SweepAxis&) = default;
};

// A sweep (core/README.md, "Sweeps"): one base scenario, run at every cell of a grid of one or two of
// its numeric keys, and summarised across replicates at chosen generations. Cells are numbered with the
// first axis varying slowest. A SweepPlan that came out of makeSweepPlan() or parseSweepPlan() is valid:
// every cell's scenario is.
struct SweepPlan {
    Scenario base;
    std::vector<SweepAxis> axes;
    // The generations summarised; empty means the last of each cell's run.
    std::vector<int> at;

    std::size_t cellCount() const;
    // The value of every axis at `cell`, in axis order.
    std::vector<double> cellValues(std::size_t cell) const;
    Scenario cellScenario(std::size_t cell) const;
    // The generations a cell's rows hold.
    std::vector<int> cellGenerations(std::size_t cell) const;
    // "samples=100 human_fraction=0.1": how messages and the window name a cell.
    std::string cellName(std::size_t cell) const;

    friend bool operator==(const SweepPlan&, const SweepPlan&) = default;
};

// The most values one axis may take, and the most cells a sweep may have.
inline constexpr std::size_t kMostSweepValues = 1000;
inline constexpr std::size_t kMostSweepCells = 1'000'000;

// Reads KEY=SPEC, SPEC a list ("0,0.05,0.1") or a range LO:HI:COUNT with COUNT values from LO to HI in
// equal steps, or in equal ratios with ":log". Whether KEY exists is checked by makeSweepPlan().
// Throws ScenarioError naming the problem.
SweepAxis parseSweepAxis(std::string_view assignment);

// parseSweepAxis() of each KEY=SPEC, in order (a sweep preset's "vary", the command line's --vary).
std::vector<SweepAxis> parseSweepAxes(const std::vector<std::string>& assignments);

// Checks the axes against `base` and builds every cell's scenario once: a key must be a numeric key of
// the base's model, varied once; whole-number keys take whole values (a range's steps are rounded, and
// must stay distinct); every value must be in the key's range; every generation in `at` must exist in
// every cell. Throws ScenarioError naming the key, value or generation.
SweepPlan makeSweepPlan(const Scenario& base, std::vector<SweepAxis> axes, std::vector<int> at);

// sweep.json: the resolved base scenario, the axes and the generations. Reading it back gives the same
// plan, and running that plan gives the same sweep.csv, byte for byte.
std::string serializeSweepPlan(const SweepPlan& plan);
SweepPlan parseSweepPlan(std::string_view text, std::string_view origin);

// sweep.csv's first line: the varied keys, generation, then <column>_median, _q10, _q90, _mean for every
// column of the model's metrics.csv (as summary.csv has them).
std::string sweepCsvHeader(const SweepPlan& plan);

// Runs one cell and returns its rows of sweep.csv (one per generation of cellGenerations()), each equal
// to the cell's summary.csv row for that generation after the axis values; none when `cancel` was set.
// The engine runs the cell's replicates on the threads OpenMP gives it here.
std::optional<std::string> runSweepCell(const SweepPlan& plan, std::size_t cell, const std::atomic<bool>* cancel);

// A share of a sweep's cells, `index` of `count` (counted from 1), for running a sweep on several
// machines.
struct SweepShard {
    int index = 1;
    int count = 1;
};
// Reads K/N; throws ScenarioError unless 1 <= K <= N.
SweepShard parseSweepShard(std::string_view text);

// The cells of `shard`, in the order to run them: all shards together hold every cell once. Cells are
// dealt out by their estimated cost (samples × replicates × generations), largest first, back and forth
// over the shards, so that the shards take about equally long; the most expensive run first, so that a
// machine's threads finish together.
std::vector<std::size_t> shardCells(const SweepPlan& plan, SweepShard shard);

// Runs `cells` in parallel, one cell to a thread, calling `onCell(cell, rows)` as each finishes, one call
// at a time. Stops early, returning false, when `cancel` is set; a failing cell's exception is rethrown
// once the cells in flight are done.
bool runSweepCells(const SweepPlan& plan, const std::vector<std::size_t>& cells,
                   const std::function<void(std::size_t cell, const std::string& rows)>& onCell,
                   const std::atomic<bool>* cancel);

} // namespace collapse
