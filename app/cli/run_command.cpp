// collapselab-cli run: one scenario (or a comparison) run headless into metrics.csv, summary.csv and
// scenario.json.

#include "app/cli/commands.h"
#include "app/cli/common.h"
#include "core/engine.h"
#include "core/memory_estimate.h"
#include "core/output_files.h"
#include "core/results.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <regex>
#include <set>

namespace collapse::cli {

namespace {

// "generation-0007.txt": four digits, so the files sort in generation order.
std::string transcriptName(int generation)
{
    std::string digits = std::to_string(generation);
    return "generation-" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits + ".txt";
}

// What a run writes into --out: its tables and scenario, the text model's transcripts, and a
// comparison's side folders (which hold a scenario.json of their own).
bool isRunOutput(const std::filesystem::directory_entry& entry)
{
    static const std::regex transcript("generation-[0-9]{4,}\\.txt");
    const std::string name = entry.path().filename().string();
    std::error_code error;
    if (entry.is_symlink(error)) {
        return false;
    }
    if (entry.is_directory(error)) {
        return name == "text" || std::filesystem::is_regular_file(entry.path() / "scenario.json", error);
    }
    return name == "metrics.csv" || name == "summary.csv" || name == "scenario.json" || std::regex_match(name, transcript);
}

// An earlier run's outputs in `folder` that this run did not write again (its other side folders, the
// transcripts of generations it did not reach) go once the new files are in, so that --out describes
// one run; anything else the folder holds is the user's and stays.
void removeEarlierOutputs(const std::filesystem::path& folder, const std::set<std::filesystem::path>& written)
{
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::filesystem::path path = entry.path().lexically_normal();
        if (written.contains(path) || !isRunOutput(entry)) {
            continue;
        }
        const bool holdsWritten = std::any_of(written.begin(), written.end(), [&path](const std::filesystem::path& file) {
            const auto below = file.lexically_relative(path);
            return !below.empty() && *below.begin() != "..";
        });
        std::error_code ignored;
        if (holdsWritten) {
            removeEarlierOutputs(path, written);
        } else {
            std::filesystem::remove_all(path, ignored);
        }
    }
}

int run(const Invocation& invocation)
{
    ScenarioOptions options;
    std::optional<std::string> out;
    for (const GivenOption& given : parseArguments(runCommand(), invocation.arguments).options) {
        if (given.name == "--out") {
            out = given.value;
        } else {
            readScenarioOption(given, options);
        }
    }
    if (!out) {
        throw UsageError("run needs --out DIR, the folder for the results");
    }
    const std::vector<LabelledScenario> scenarios = resolveScenarios(options.request);
    for (const auto& [label, scenario] : scenarios) {
        checkFitsInMemory(scenario, RunKeeping::Metrics);
    }
    const std::filesystem::path outDir = *out;
    checkOutputTarget("--out", *out, true);
    prepareToRun(options.threads);

    OutputFiles files(outDir);
    for (const auto& [label, scenario] : scenarios) {
        Engine engine(scenario);
        const std::filesystem::path folder = label.empty() ? outDir : outDir / label;
        RunFileStreams tables(files, folder, engine.metricColumns(), scenario);
        if (!runScenario(label, scenario, engine, [&](GenerationSnapshot&& snapshot) {
                // What replicate 0's model writes, for models that write (text), to quote from.
                if (const std::string transcript = engine.experiment().transcript(*snapshot.model); !transcript.empty()) {
                    files.add(folder / "text" / transcriptName(snapshot.generation), transcript);
                }
                tables.add(snapshot.metrics, snapshot.summaries);
            })) {
            return kExitFailure;
        }
    }
    std::set<std::filesystem::path> written;
    for (const std::filesystem::path& path : files.destinations()) {
        written.insert(path.lexically_normal());
    }
    files.commit();
    removeEarlierOutputs(outDir, written);
    std::cerr << "collapselab-cli: results written to " << outDir.string() << '\n';
    return kExitDone;
}

} // namespace

const Command& runCommand()
{
    static const Command command{
        "run",
        "run [--preset NAME | --scenario FILE | --share CODE] [--model NAME] [--set KEY=VALUE]...\n"
        "    [--samples M] [--generations N] [--replicates R] [--seed S] [--threads T] --out DIR",
        "run a scenario and write its metrics",
        "run writes DIR/metrics.csv (one row per generation and replicate), DIR/summary.csv (median, 10% and\n"
        "90% quantiles and mean per generation) and DIR/scenario.json (the resolved scenario; running it again\n"
        "reproduces both CSVs byte for byte); for the text model also DIR/text/generation-NNNN.txt, the\n"
        "fixed prompts and replicate 0's continuations of them. A comparison preset writes each side into its\n"
        "own subfolder. An earlier run's outputs in DIR that this run does not write again are removed once\n"
        "the new ones are in; other files in DIR stay.\n"
        "--model with another model than the preset's or file's starts from that model's defaults.\n",
        withScenarioOptions({{"--out", ValueKind::Folder}}),
        {},
        run};
    return command;
}

} // namespace collapse::cli
