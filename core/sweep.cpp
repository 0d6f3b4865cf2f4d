#include "core/sweep.h"

#include "core/engine.h"
#include "core/model_registry.h"
#include "core/number_text.h"
#include "core/results.h"

#include <nlohmann/json.hpp>

#include <omp.h>

#include <algorithm>
#include <limits>
#include <charconv>
#include <cmath>
#include <exception>
#include <numeric>

namespace collapse {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

// A finite number written in full ("0.05", "1e4"); none for anything else.
std::optional<double> parseFiniteNumber(std::string_view text)
{
    const std::string plain = trimmed(text);
    double value = 0.0;
    const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (plain.empty() || error != std::errc() || end != plain.data() + plain.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto at = text.find(separator, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) {
            return parts;
        }
        start = at + 1;
    }
}

// COUNT values from `low` to `high`: equal steps, or equal ratios (a geometric sequence) when
// `logarithmic`. The ends are exactly `low` and `high`.
std::vector<double> rangeValues(double low, double high, std::size_t count, bool logarithmic)
{
    std::vector<double> values(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double fraction = static_cast<double>(i) / static_cast<double>(count - 1);
        values[i] = logarithmic ? std::exp(std::log(low) + fraction * (std::log(high) - std::log(low)))
                                : low + fraction * (high - low);
    }
    values.front() = low;
    values.back() = high;
    return values;
}

// The scenario as JSON with `values` set for the axes' keys: whole numbers for whole-number keys. A
// value beyond what the key's integer type holds stays a double, which the scenario's reader refuses
// by name (converting it would be undefined).
json cellJson(const ordered_json& base, const std::vector<SweepAxis>& axes, const std::vector<double>& values)
{
    constexpr double kBeyondUnsigned = 0x1p64;
    constexpr double kBeyondSigned = 0x1p63;
    ordered_json cell = base;
    for (std::size_t a = 0; a < axes.size(); ++a) {
        ordered_json& slot = cell[axes[a].key];
        const double value = values[a];
        if (slot.is_number_unsigned() && value >= 0.0 && value < kBeyondUnsigned) {
            slot = static_cast<std::uint64_t>(value);
        } else if (slot.is_number_integer() && value >= -kBeyondSigned && value < kBeyondSigned) {
            slot = static_cast<std::int64_t>(value);
        } else {
            slot = value;
        }
    }
    // scenarioFromJson reads the unordered type; the keys' order does not matter to it.
    return json::parse(cell.dump());
}

std::string keyValueText(const SweepAxis& axis, double value)
{
    return axis.key + "=" + formatNumber(value);
}

double estimatedCost(const Scenario& scenario)
{
    return static_cast<double>(scenario.samples) * scenario.replicates * scenario.generations;
}

} // namespace

SweepAxis parseSweepAxis(std::string_view assignment)
{
    const auto equals = assignment.find('=');
    const std::string key = trimmed(assignment.substr(0, equals));
    if (equals == std::string_view::npos || key.empty()) {
        throw ScenarioError("--vary takes KEY=SPEC (e.g. samples=10:1000:5:log or human_fraction=0,0.1,0.2), not \"" +
                            std::string(assignment) + "\"");
    }
    SweepAxis axis;
    axis.key = key;
    axis.spec = trimmed(assignment.substr(equals + 1));
    const std::string where = "--vary " + key + "=" + axis.spec + ": ";
    if (axis.spec.find(':') != std::string::npos) {
        const auto parts = split(axis.spec, ':');
        const bool logarithmic = parts.size() == 4 && trimmed(parts[3]) == "log";
        if (parts.size() != 3 && !logarithmic) {
            throw ScenarioError(where + "a range is LO:HI:COUNT or LO:HI:COUNT:log");
        }
        const auto low = parseFiniteNumber(parts[0]);
        const auto high = parseFiniteNumber(parts[1]);
        const auto count = parseFiniteNumber(parts[2]);
        if (!low || !high) {
            throw ScenarioError(where + "LO and HI must be numbers");
        }
        if (!count || *count != std::floor(*count) || *count < 2 || *count > double(kMostSweepValues)) {
            throw ScenarioError(where + "COUNT must be a whole number from 2 to " + std::to_string(kMostSweepValues));
        }
        if (!(*low < *high)) {
            throw ScenarioError(where + "LO must be below HI");
        }
        if (logarithmic && *low <= 0.0) {
            throw ScenarioError(where + "a logarithmic range needs LO above 0");
        }
        axis.values = rangeValues(*low, *high, static_cast<std::size_t>(*count), logarithmic);
        axis.logarithmic = logarithmic;
    } else {
        for (const auto part : split(axis.spec, ',')) {
            const auto value = parseFiniteNumber(part);
            if (!value) {
                throw ScenarioError(where + "\"" + trimmed(part) + "\" is not a number (a list is V,V,...; a range LO:HI:COUNT)");
            }
            if (std::find(axis.values.begin(), axis.values.end(), *value) != axis.values.end()) {
                throw ScenarioError(where + formatNumber(*value) + " is listed twice");
            }
            axis.values.push_back(*value);
        }
        if (axis.values.size() > kMostSweepValues) {
            throw ScenarioError(where + "at most " + std::to_string(kMostSweepValues) + " values");
        }
    }
    return axis;
}

std::vector<SweepAxis> parseSweepAxes(const std::vector<std::string>& assignments)
{
    std::vector<SweepAxis> axes;
    for (const auto& assignment : assignments) {
        axes.push_back(parseSweepAxis(assignment));
    }
    return axes;
}

SweepPlan makeSweepPlan(const Scenario& base, std::vector<SweepAxis> axes, std::vector<int> at)
{
    if (axes.empty() || axes.size() > 2) {
        throw ScenarioError("a sweep varies one or two keys (--vary KEY=SPEC), not " + std::to_string(axes.size()));
    }
    if (axes.size() == 2 && axes[0].key == axes[1].key) {
        throw ScenarioError("--vary " + axes[0].key + " is given twice");
    }
    const ordered_json baseJson = scenarioToJson(base);
    const std::string modelName(base.model().name);
    for (auto& axis : axes) {
        const std::string where = "--vary " + axis.key + "=" + axis.spec + ": ";
        const auto found = baseJson.find(axis.key);
        if (found == baseJson.end()) {
            throw ScenarioError(where + "the " + modelName + " model has no key \"" + axis.key + "\"");
        }
        if (!found->is_number()) {
            throw ScenarioError(where + "\"" + axis.key + "\" is not a numeric key, so it cannot be swept");
        }
        if (found->is_number_integer()) {
            // A range over a whole-number key steps in rounded values; a list must name whole numbers.
            const bool range = axis.spec.find(':') != std::string::npos;
            for (double& value : axis.values) {
                if (range) {
                    value = std::round(value);
                } else if (value != std::floor(value)) {
                    throw ScenarioError(where + "\"" + axis.key + "\" takes whole numbers, not " + formatNumber(value));
                }
            }
            if (std::adjacent_find(axis.values.begin(), axis.values.end()) != axis.values.end()) {
                throw ScenarioError(where + "the range repeats values once rounded to whole numbers; ask for fewer");
            }
        }
        // Each value on its own first, so that a value out of its key's range is named.
        for (const double value : axis.values) {
            try {
                scenarioFromJson(cellJson(baseJson, {axis}, {value}));
            } catch (const ScenarioError& error) {
                throw ScenarioError(where + formatNumber(value) + " is refused: " + error.what());
            }
        }
    }
    SweepPlan plan{base, std::move(axes), std::move(at)};
    if (plan.cellCount() > kMostSweepCells) {
        throw ScenarioError("a sweep has at most " + std::to_string(kMostSweepCells) + " cells, not " +
                            std::to_string(plan.cellCount()));
    }
    std::sort(plan.at.begin(), plan.at.end());
    plan.at.erase(std::unique(plan.at.begin(), plan.at.end()), plan.at.end());
    for (std::size_t cell = 0; cell < plan.cellCount(); ++cell) {
        Scenario scenario;
        try {
            scenario = plan.cellScenario(cell);
        } catch (const ScenarioError& error) {
            throw ScenarioError("the sweep's cell " + plan.cellName(cell) + " is refused: " + error.what());
        }
        for (const int generation : plan.at) {
            if (generation < 0 || generation >= scenario.generations) {
                throw ScenarioError("--at " + std::to_string(generation) + ": the cell " + plan.cellName(cell) +
                                    " has generations 0 to " + std::to_string(scenario.generations - 1));
            }
        }
    }
    return plan;
}

std::size_t SweepPlan::cellCount() const
{
    std::size_t count = 1;
    for (const auto& axis : axes) {
        count *= axis.values.size();
    }
    return count;
}

std::vector<double> SweepPlan::cellValues(std::size_t cell) const
{
    std::vector<double> values(axes.size());
    for (std::size_t a = axes.size(); a-- > 0;) {
        values[a] = axes[a].values[cell % axes[a].values.size()];
        cell /= axes[a].values.size();
    }
    return values;
}

Scenario SweepPlan::cellScenario(std::size_t cell) const
{
    return scenarioFromJson(cellJson(scenarioToJson(base), axes, cellValues(cell)));
}

std::vector<int> SweepPlan::cellGenerations(std::size_t cell) const
{
    if (!at.empty()) {
        return at;
    }
    const auto generations = std::find_if(axes.begin(), axes.end(), [](const SweepAxis& axis) {
        return axis.key == "generations";
    });
    if (generations == axes.end()) {
        return {base.generations - 1};
    }
    return {static_cast<int>(cellValues(cell)[static_cast<std::size_t>(generations - axes.begin())]) - 1};
}

std::string SweepPlan::cellName(std::size_t cell) const
{
    const std::vector<double> values = cellValues(cell);
    std::string name;
    for (std::size_t a = 0; a < axes.size(); ++a) {
        if (a > 0) {
            name += ' ';
        }
        name += keyValueText(axes[a], values[a]);
    }
    return name;
}

std::string serializeSweepPlan(const SweepPlan& plan)
{
    ordered_json vary = ordered_json::array();
    for (const auto& axis : plan.axes) {
        vary.push_back({{"key", axis.key}, {"spec", axis.spec}, {"values", axis.values}});
    }
    ordered_json at = plan.at.empty() ? ordered_json("last") : ordered_json(plan.at);
    return ordered_json{{"sweep", {{"vary", vary}, {"at", at}}}, {"scenario", scenarioToJson(plan.base)}}.dump(2) + "\n";
}

SweepPlan parseSweepPlan(std::string_view text, std::string_view origin)
{
    const std::string where(origin);
    const json document = parseJsonDocument(text, origin);
    const auto object = [&](const json& parent, const char* key) -> const json& {
        if (!parent.is_object() || !parent.contains(key)) {
            throw ScenarioError(where + ": a sweep file needs \"" + key + "\"");
        }
        return parent.at(key);
    };
    try {
        const Scenario base = scenarioFromJson(object(document, "scenario"));
        const json& sweep = object(document, "sweep");
        std::vector<SweepAxis> axes;
        const json& vary = object(sweep, "vary");
        if (!vary.is_array()) {
            throw ScenarioError("\"vary\" must be a list of {\"key\", \"spec\"}");
        }
        for (const json& entry : vary) {
            const json& key = object(entry, "key");
            const json& spec = object(entry, "spec");
            if (!key.is_string() || !spec.is_string()) {
                throw ScenarioError("\"key\" and \"spec\" of \"vary\" must be text");
            }
            axes.push_back(parseSweepAxis(key.get<std::string>() + "=" + spec.get<std::string>()));
        }
        std::vector<int> at;
        const json& generations = object(sweep, "at");
        if (generations.is_array()) {
            for (const json& generation : generations) {
                // Whether each cell has the generation is checked with the plan, where the swept keys are known.
                const auto number = wholeNumberIn(generation, 0, std::numeric_limits<int>::max());
                if (!number) {
                    throw ScenarioError("\"at\" must be \"last\" or a list of generations, whole numbers from 0, not " +
                                        generation.dump().substr(0, 40));
                }
                at.push_back(static_cast<int>(*number));
            }
        } else if (generations != "last") {
            throw ScenarioError("\"at\" must be \"last\" or a list of whole numbers");
        }
        SweepPlan plan = makeSweepPlan(base, std::move(axes), std::move(at));
        // The values are written for readers; the spec is what counts, and they must agree.
        for (std::size_t a = 0; a < plan.axes.size(); ++a) {
            const json& values = vary[a].contains("values") ? vary[a]["values"] : json();
            if (!values.is_null() && values != json(plan.axes[a].values)) {
                throw ScenarioError("the values of \"" + plan.axes[a].key + "\" do not match its spec \"" +
                                    plan.axes[a].spec + "\"");
            }
        }
        return plan;
    } catch (const ScenarioError& error) {
        const std::string message = error.what();
        throw ScenarioError(message.rfind(where, 0) == 0 ? message : where + ": " + message);
    }
}

std::string sweepCsvHeader(const SweepPlan& plan)
{
    std::string header;
    for (const auto& axis : plan.axes) {
        header += axis.key + ',';
    }
    // The model's columns from its descriptor: an Engine would load the model's data to say the same.
    std::vector<std::string> columns;
    for (const std::string_view column : metricColumnsOf(plan.base.model())) {
        columns.emplace_back(column);
    }
    return header + "generation" + summaryColumnNames(columns) + '\n';
}

std::optional<std::string> runSweepCell(const SweepPlan& plan, std::size_t cell, const std::atomic<bool>* cancel)
{
    const std::vector<int> generations = plan.cellGenerations(cell);
    std::string prefix;
    for (const double value : plan.cellValues(cell)) {
        appendNumber(prefix, value);
        prefix += ',';
    }
    Engine engine(plan.cellScenario(cell));
    std::string rows;
    const auto outcome = engine.run(
        [&](GenerationSnapshot&& snapshot) {
            if (std::binary_search(generations.begin(), generations.end(), snapshot.generation)) {
                rows += prefix + std::to_string(snapshot.generation);
                appendSummaryStatistics(rows, snapshot.summaries);
                rows += '\n';
            }
        },
        cancel);
    if (outcome == Engine::Outcome::Cancelled) {
        return std::nullopt;
    }
    return rows;
}

SweepShard parseSweepShard(std::string_view text)
{
    const auto slash = text.find('/');
    int index = 0;
    int count = 0;
    const auto whole = [](std::string_view part, int& value) {
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        return !part.empty() && error == std::errc() && end == part.data() + part.size();
    };
    if (slash == std::string_view::npos || !whole(text.substr(0, slash), index) || !whole(text.substr(slash + 1), count) ||
        count < 1 || index < 1 || index > count) {
        throw ScenarioError("--shard takes K/N with 1 <= K <= N (shard K of N), not \"" + std::string(text) + "\"");
    }
    return {index, count};
}

std::vector<std::size_t> shardCells(const SweepPlan& plan, SweepShard shard)
{
    std::vector<std::size_t> cells(plan.cellCount());
    std::iota(cells.begin(), cells.end(), std::size_t{0});
    std::vector<double> cost(cells.size());
    for (const std::size_t cell : cells) {
        cost[cell] = estimatedCost(plan.cellScenario(cell));
    }
    std::stable_sort(cells.begin(), cells.end(), [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
    std::vector<std::size_t> mine;
    const auto count = static_cast<std::size_t>(shard.count);
    for (std::size_t rank = 0; rank < cells.size(); ++rank) {
        // 0, 1, ..., N-1, N-1, ..., 1, 0, 0, 1, ...: each shard gets one of the largest and one of the
        // smallest cells in turn.
        const std::size_t round = rank / count;
        const std::size_t place = rank % count;
        const std::size_t owner = round % 2 == 0 ? place : count - 1 - place;
        if (owner + 1 == static_cast<std::size_t>(shard.index)) {
            mine.push_back(cells[rank]);
        }
    }
    return mine;
}

bool runSweepCells(const SweepPlan& plan, const std::vector<std::size_t>& cells,
                   const std::function<void(std::size_t cell, const std::string& rows)>& onCell,
                   const std::atomic<bool>* cancel)
{
    std::exception_ptr failure;
    std::atomic<bool> failed{false};
    const auto stopped = [&] { return failed.load() || (cancel != nullptr && cancel->load()); };
    // One cell to a thread while there are enough cells to go round; otherwise each cell's replicates
    // share the threads. Either way every cell's numbers are the same.
    const bool parallelCells = cells.size() >= static_cast<std::size_t>(omp_get_max_threads()) && cells.size() > 1;
    const auto count = static_cast<std::ptrdiff_t>(cells.size());
#pragma omp parallel for schedule(dynamic, 1) if (parallelCells)
    for (std::ptrdiff_t i = 0; i < count; ++i) {
        if (stopped()) {
            continue;
        }
        const std::size_t cell = cells[static_cast<std::size_t>(i)];
        try {
            const std::optional<std::string> rows = runSweepCell(plan, cell, cancel);
            if (rows) {
#pragma omp critical(sweep_cells)
                {
                    try {
                        if (!failed.load()) {
                            onCell(cell, *rows);
                        }
                    } catch (...) {
                        if (!failure) {
                            failure = std::current_exception();
                        }
                        failed.store(true);
                    }
                }
            }
        } catch (...) {
#pragma omp critical(sweep_cells)
            if (!failure) {
                failure = std::current_exception();
            }
            failed.store(true);
        }
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
    return !(cancel != nullptr && cancel->load());
}

} // namespace collapse
