// collapselab-cli run: one scenario (or a comparison) run headless into metrics.csv, summary.csv and
// scenario.json.

#include "app/cli/commands.h"
#include "app/cli/common.h"
#include "core/engine.h"
#include "core/memory_estimate.h"
#include "core/output_files.h"
#include "core/results.h"

#include <iostream>

namespace collapse::cli {

namespace {

// "generation-0007.txt": four digits, so the files sort in generation order.
std::string transcriptName(int generation)
{
    std::string digits = std::to_string(generation);
    return "generation-" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits + ".txt";
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

    OutputFiles files;
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
    files.commit();
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
        "own subfolder.\n"
        "--model with another model than the preset's or file's starts from that model's defaults.\n",
        withScenarioOptions({{"--out", ValueKind::Folder}}),
        {},
        run};
    return command;
}

} // namespace collapse::cli
