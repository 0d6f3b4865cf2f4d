// collapselab-cli: runs Collapse Lab scenarios headless and writes their metrics (DESIGN.md §3).

#include "engine.h"
#include "idx_file.h"
#include "output_files.h"
#include "results.h"
#include "scenario_sources.h"
#include "vae_experiment.h"

#include <omp.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace collapse;

constexpr int kExitDone = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

constexpr const char* kUsage = R"(Usage:
  collapselab-cli run [--preset NAME | --scenario FILE] [--model NAME] [--set KEY=VALUE]...
                      [--samples M] [--generations N] [--replicates R] [--seed S] [--threads T] --out DIR
  collapselab-cli presets
  collapselab-cli --help | --version

run writes DIR/metrics.csv (one row per generation and replicate), DIR/summary.csv (median, 10% and
90% quantiles and mean per generation) and DIR/scenario.json (the resolved scenario; running it again
reproduces both CSVs byte for byte). A comparison preset writes each side into its own subfolder.
--model with another model than the preset's or file's starts from that model's defaults.
Exit status: 0 done, 2 bad input, 1 failure while running.
)";

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int) { interrupted.store(true); }

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct RunOptions {
    ScenarioRequest request;
    std::optional<std::string> out;
    std::optional<int> threads;
};

int parsePositive(const std::string& option, const std::string& text, int max)
{
    try {
        std::size_t used = 0;
        const long value = std::stol(text, &used);
        if (used == text.size() && value >= 1 && value <= max) {
            return static_cast<int>(value);
        }
    } catch (const std::exception&) {
    }
    throw UsageError(option + " must be a whole number from 1 to " + std::to_string(max) + ", not \"" + text + "\"");
}

RunOptions parseRunOptions(const std::vector<std::string>& args)
{
    // Options that set a scenario key directly.
    static const std::map<std::string, std::string> keyOptions = {
        {"--model", "model"},           {"--samples", "samples"}, {"--generations", "generations"},
        {"--replicates", "replicates"}, {"--seed", "seed"},
    };
    RunOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& option = args[i];
        const auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) {
                throw UsageError(option + " needs a value");
            }
            return args[++i];
        };
        if (option == "--preset") {
            options.request.preset = value();
        } else if (option == "--scenario") {
            options.request.file = value();
        } else if (option == "--out") {
            options.out = value();
        } else if (option == "--threads") {
            options.threads = parsePositive(option, value(), 1024);
        } else if (option == "--set") {
            const std::string& assignment = value();
            const auto equals = assignment.find('=');
            if (equals == std::string::npos || equals == 0) {
                throw UsageError("--set takes KEY=VALUE, not \"" + assignment + "\"");
            }
            const std::string key = assignment.substr(0, equals);
            options.request.overrides.push_back(
                {"--set " + assignment, key, jsonFromCommandLineValue(assignment.substr(equals + 1))});
        } else if (const auto found = keyOptions.find(option); found != keyOptions.end()) {
            const std::string& text = value();
            // --model takes a name; the numeric options must be numbers, not strings that happen to
            // be valid JSON.
            nlohmann::json parsed = found->second == "model" ? nlohmann::json(text) : jsonFromCommandLineValue(text);
            options.request.overrides.push_back({option + " " + text, found->second, parsed});
        } else {
            throw UsageError("unknown option \"" + option + "\" (see collapselab-cli --help)");
        }
    }
    if (!options.out) {
        throw UsageError("run needs --out DIR, the folder for the results");
    }
    return options;
}

// Prints "generation g of N" now and then, so long runs show they are alive without flooding a log.
class ProgressReporter {
public:
    ProgressReporter(std::string label, int generations) : label_(std::move(label)), generations_(generations) {}

    void update(int finished)
    {
        const auto now = std::chrono::steady_clock::now();
        if (finished < generations_ && now - lastPrint_ < std::chrono::seconds(1)) {
            return;
        }
        lastPrint_ = now;
        std::cerr << "collapselab-cli: " << label_ << "generation " << finished << " of " << generations_ << '\n';
    }

private:
    std::string label_;
    int generations_;
    std::chrono::steady_clock::time_point lastPrint_ = std::chrono::steady_clock::now();
};

int runCommand(const std::vector<std::string>& args)
{
    const RunOptions options = parseRunOptions(args);
    const std::vector<LabelledScenario> scenarios = resolveScenarios(options.request);
    const std::filesystem::path outDir = *options.out;
    if (std::filesystem::exists(outDir) && !std::filesystem::is_directory(outDir)) {
        throw UsageError("--out " + outDir.string() + " exists and is not a folder");
    }
    if (options.threads) {
        omp_set_num_threads(*options.threads);
    }
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    OutputFiles files;
    for (const auto& [label, scenario] : scenarios) {
        Engine engine(scenario);
        if (const auto* vae = dynamic_cast<const VaeExperiment*>(&engine.experiment());
            vae != nullptr && !std::isnan(vae->classifierAccuracy())) {
            std::cerr << "collapselab-cli: " << label << (label.empty() ? "" : ": ")
                      << "the classifier behind class_entropy names " << 100.0 * vae->classifierAccuracy()
                      << "% of held-out real images correctly\n";
        }
        RunResults results{engine.metricColumns(), {}};
        ProgressReporter progress(label.empty() ? "" : label + ": ", scenario.generations);
        const auto outcome = engine.run(
            [&](GenerationSnapshot&& snapshot) {
                results.generations.push_back(std::move(snapshot.metrics));
                progress.update(snapshot.generation + 1);
            },
            &interrupted);
        if (outcome == Engine::Outcome::Cancelled) {
            std::cerr << "collapselab-cli: interrupted; nothing was written\n";
            return kExitFailure;
        }
        const std::filesystem::path folder = label.empty() ? outDir : outDir / label;
        std::ostringstream metrics;
        writeMetricsCsv(metrics, results);
        std::ostringstream summary;
        writeSummaryCsv(summary, results);
        files.add(folder / "metrics.csv", metrics.str());
        files.add(folder / "summary.csv", summary.str());
        files.add(folder / "scenario.json", serializeScenario(scenario));
    }
    files.commit();
    std::cerr << "collapselab-cli: results written to " << outDir.string() << '\n';
    return kExitDone;
}

int presetsCommand(const std::vector<std::string>& args)
{
    if (!args.empty()) {
        throw UsageError("presets takes no options");
    }
    for (const auto& preset : builtinPresets()) {
        std::printf("%-22s %s%s\n", preset.name.c_str(), preset.title.c_str(),
                    preset.isComparison() ? " (comparison)" : "");
    }
    return kExitDone;
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.empty() || args[0] == "--help" || args[0] == "-h") {
            std::cout << kUsage;
            return args.empty() ? kExitBadInput : kExitDone;
        }
        if (args[0] == "--version") {
            std::cout << "collapselab-cli " << COLLAPSELAB_VERSION << '\n';
            return kExitDone;
        }
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (args[0] == "run") {
            return runCommand(rest);
        }
        if (args[0] == "presets") {
            return presetsCommand(rest);
        }
        throw UsageError("unknown command \"" + args[0] + "\" (commands: run, presets)");
    } catch (const UsageError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitBadInput;
    } catch (const ScenarioError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitBadInput;
    } catch (const DataError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitBadInput;
    } catch (const std::exception& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitFailure;
    }
}
