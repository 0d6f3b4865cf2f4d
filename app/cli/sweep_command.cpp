// collapselab-cli sweep: one scenario at every cell of a grid of one or two numeric keys, into a folder
// that resumes and merges.

#include "app/cli/commands.h"
#include "app/cli/common.h"
#include "core/input_files.h"
#include "core/memory_estimate.h"
#include "core/sweep_folder.h"

#include <omp.h>

#include <iostream>

namespace collapse::cli {

namespace {

// The plan a sweep command asks for: a sweep file given as --scenario (DIR/sweep.json) as it is, or the
// scenario (a preset, a file, the defaults) over the --vary axes, or a sweep preset's own grid.
SweepPlan sweepPlanOf(const ScenarioRequest& request, std::vector<std::string> vary, std::optional<std::vector<int>> at)
{
    if (request.file && vary.empty()) {
        const std::string origin = request.file->string();
        const std::string text = readWholeFile(*request.file, 1 << 20, "a scenario or sweep file");
        const nlohmann::json document = parseJsonDocument(text, origin);
        if (document.is_object() && document.contains("sweep")) {
            if (!request.overrides.empty() || at || request.preset || request.share) {
                throw UsageError("--scenario " + origin + " is a sweep file, which runs as it is: give it no --preset, "
                                 "--share, --set, --samples, ... or --at");
            }
            return parseSweepPlan(text, origin);
        }
    }
    // A sweep preset brings its grid; --vary replaces it.
    if (vary.empty() && request.preset) {
        if (const Preset& named = presetNamed(*request.preset); named.sweep) {
            vary = named.sweep->vary;
            at = at ? at : std::optional(named.sweep->at);
        }
    }
    if (vary.empty()) {
        throw UsageError("sweep needs --vary KEY=SPEC, the key to sweep and its values");
    }
    const std::vector<LabelledScenario> scenarios = resolveScenarios(request);
    if (scenarios.size() != 1) {
        throw UsageError("a sweep runs one scenario, and this one is a comparison of " + std::to_string(scenarios.size()));
    }
    return makeSweepPlan(scenarios.front().scenario, parseSweepAxes(vary), at.value_or(std::vector<int>{}));
}

// Every cell of the shard must fit in memory, as many at once as run side by side.
void checkCellsFit(const SweepPlan& plan, const std::vector<std::size_t>& cells, int parallel)
{
    for (const std::size_t cell : cells) {
        try {
            checkFitsInMemory(plan.cellScenario(cell), RunKeeping::Summary, parallel);
        } catch (const ScenarioError& error) {
            throw ScenarioError("the cell " + plan.cellName(cell) + ": " + error.what());
        }
    }
}

int runSweep(const Invocation& invocation)
{
    std::vector<std::string> vary;
    std::optional<std::vector<int>> at;
    std::optional<SweepShard> shard;
    std::optional<std::string> out;
    ScenarioOptions options;
    for (const GivenOption& given : parseArguments(sweepCommand(), invocation.arguments).options) {
        if (given.name == "--vary") {
            vary.push_back(given.value);
        } else if (given.name == "--at") {
            at = parseGenerations(given.value, "--at");
        } else if (given.name == "--shard") {
            shard = parseSweepShard(given.value);
        } else if (given.name == "--out") {
            out = given.value;
        } else {
            readScenarioOption(given, options);
        }
    }
    if (!out) {
        throw UsageError("sweep needs --out DIR, the folder for the sweep");
    }
    checkOutputTarget("--out", *out, true);
    const SweepPlan plan = sweepPlanOf(options.request, vary, at);
    const std::vector<std::size_t> cells = shardCells(plan, shard.value_or(SweepShard{}));
    // Cells run one to a thread: as many at once as there are threads.
    checkCellsFit(plan, cells, std::min<int>(options.threads.value_or(omp_get_max_threads()), static_cast<int>(cells.size())));
    const SweepFolder folder = SweepFolder::prepare(*out, plan);
    prepareToRun(options.threads);

    std::vector<std::size_t> todo;
    for (const std::size_t cell : cells) {
        if (!folder.hasCell(cell)) {
            todo.push_back(cell);
        }
    }
    const std::string shardText = shard ? " of shard " + std::to_string(shard->index) + "/" + std::to_string(shard->count) : "";
    std::cerr << "collapselab-cli: " << plan.cellCount() << " cells; " << cells.size() - todo.size() << " of the "
              << cells.size() << shardText << " already done\n";
    ProgressReporter progress("cell");
    std::size_t done = cells.size() - todo.size();
    const bool finished = runSweepCells(
        plan, todo,
        [&](std::size_t cell, const std::string& rows) {
            folder.writeCell(cell, rows);
            progress.update(static_cast<int>(++done), static_cast<int>(cells.size()));
        },
        &interrupted);
    if (!finished) {
        std::cerr << "collapselab-cli: interrupted; the " << done << " finished cells are kept in " << *out
                  << "; run the same sweep again to resume\n";
        return kExitFailure;
    }
    if (folder.writeSweepCsv()) {
        std::cerr << "collapselab-cli: sweep written to " << (folder.path() / "sweep.csv").string() << '\n';
    } else {
        std::cerr << "collapselab-cli: shard done; sweep-merge assembles sweep.csv once every shard is\n";
    }
    return kExitDone;
}

} // namespace

const Command& sweepCommand()
{
    static const Command command{
        "sweep",
        "sweep [scenario options as for run] --vary KEY=SPEC [--vary KEY=SPEC] [--at G[,G...]]\n"
        "    [--shard K/N] [--threads T] --out DIR",
        "run a scenario over a grid of one or two keys: a phase diagram",
        "sweep runs the scenario at every cell of a grid of one or two numeric keys: SPEC is a list (0,0.05,0.1)\n"
        "or a range LO:HI:COUNT, with :log for equal ratios (samples=10:10000:7:log). DIR/sweep.csv has one row\n"
        "per cell and generation in --at (default: the last): the keys' values, the generation, then the median,\n"
        "10% and 90% quantiles and mean of every metric across replicates, as summary.csv has them. A sweep\n"
        "preset (phase-human-data, phase-cats, phase-augment) brings its own --vary and --at; --scenario\n"
        "DIR/sweep.json runs a sweep's file again as it is. Each finished cell is kept in DIR/cells at once:\n"
        "running the same sweep into DIR again resumes it. --shard K/N runs the K-th of N balanced shares of\n"
        "the cells; sweep-merge assembles shards into the same sweep.csv as one machine writes.\n",
        withScenarioOptions({{"--vary", ValueKind::Word},
                             {"--at", ValueKind::Word},
                             {"--shard", ValueKind::Word},
                             {"--out", ValueKind::Folder}}),
        {},
        runSweep};
    return command;
}

} // namespace collapse::cli
