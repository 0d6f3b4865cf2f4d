// collapselab-cli: runs Collapse Lab scenarios headless and writes their metrics, figures and animations
// (README.md, "The command line").

#include "core/data_error.h"
#include "core/engine.h"
#include "core/input_files.h"
#include "core/memory_estimate.h"
#include "core/output_files.h"
#include "core/reproduction.h"
#include "core/results.h"
#include "core/scenario_sources.h"
#include "core/sweep_folder.h"
#include "ui/animation_export.h"
#include "ui/figure_export.h"
#include "ui/paper_report.h"
#include "ui/phase_diagram.h"
#include "ui/run_history.h"
#include "ui/theme.h"

#include <QApplication>

#include <omp.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <functional>
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
  collapselab-cli sweep [scenario options as for run] --vary KEY=SPEC [--vary KEY=SPEC] [--at G[,G...]]
                      [--shard K/N] [--threads T] --out DIR
  collapselab-cli sweep-merge DIR... --out DIR
  collapselab-cli export --sweep DIR --figure FILE --metric NAME [--generation G] [--contour VALUE]
                      [--size WxH] [--dpi D]
  collapselab-cli reproduce [--scale quick|paper] [--threads T] --out DIR
  collapselab-cli presets
  collapselab-cli export [scenario options as for run] (--animation FILE | --figure FILE | --frames DIR)
                      [--view stage|metrics|both] [--generation G[,G...]] [--fps F] [--size WxH]
                      [--dpi D] [--transparent]
  collapselab-cli --help | --version

run writes DIR/metrics.csv (one row per generation and replicate), DIR/summary.csv (median, 10% and
90% quantiles and mean per generation) and DIR/scenario.json (the resolved scenario; running it again
reproduces both CSVs byte for byte); for the text model also DIR/text/generation-NNNN.txt, the
fixed prompts and replicate 0's continuations of them. A comparison preset writes each side into its
own subfolder.
--model with another model than the preset's or file's starts from that model's defaults.

export renders offscreen exactly as the window draws: --animation FILE (.mp4 H.264, .webm VP9 or .gif)
and --frames DIR (numbered PNG files) hold one frame per generation at --fps (default 15) and --size
(720p, 1080p, 4K or WxH; default 1080p); --figure FILE (.png, .svg or .pdf) shows --generation G
(default: the last), or small multiples of several (--generation 0,50,100), at --size in pixels at
96 dpi (default 1280x720), PNG at --dpi (default 150), with --transparent leaving out the background.
--view (default both) picks the stage, the metric charts or both. A comparison preset is drawn side by
side. Files are written whole or not at all.

sweep runs the scenario at every cell of a grid of one or two numeric keys: SPEC is a list (0,0.05,0.1)
or a range LO:HI:COUNT, with :log for equal ratios (samples=10:10000:7:log). DIR/sweep.csv has one row
per cell and generation in --at (default: the last): the keys' values, the generation, then the median,
10% and 90% quantiles and mean of every metric across replicates, as summary.csv has them. A sweep
preset (phase-human-data, phase-cats) brings its own --vary and --at; --scenario DIR/sweep.json runs
a sweep's file again as it is. Each finished cell is kept in
DIR/cells at once: running the same sweep into DIR again resumes it. --shard K/N runs the K-th of N
balanced shares of the cells; sweep-merge assembles shards into the same sweep.csv as one machine
writes. export --sweep draws the phase diagram of a finished sweep: --metric is a sweep.csv column or a
metric (its median); --contour draws the line where it crosses VALUE, the collapse boundary.
reproduce reruns the experiments of Shumailov et al. (Nature 2024) at the paper's settings (--scale
paper) or at sizes that take under two minutes on two cores (quick, the default), and writes
DIR/report.pdf and DIR/report.md, each number beside the paper's, with the figures in DIR/figures, the
scenario behind every row in DIR/scenarios and its CSVs in DIR/data.
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

struct ExportOptions {
    std::optional<std::string> animation, figure, frames;
    ui::ExportView view = ui::ExportView::Both;
    std::vector<int> generations;
    std::optional<int> fps, dpi;
    std::optional<QSize> size;
    bool transparent = false;
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

// WxH, or for frames also a name (720p, 1080p, 4K).
QSize parseSize(const std::string& text, bool named)
{
    if (named) {
        for (const auto& frameSize : ui::kFrameSizes) {
            if (QString::fromStdString(text).compare(QLatin1String(frameSize.name), Qt::CaseInsensitive) == 0) {
                return frameSize.size;
            }
        }
    }
    const auto x = text.find('x');
    if (x != std::string::npos) {
        try {
            return QSize(parsePositive("--size", text.substr(0, x), 16384),
                         parsePositive("--size", text.substr(x + 1), 16384));
        } catch (const UsageError&) {
        }
    }
    throw UsageError("--size takes WIDTHxHEIGHT" + std::string(named ? " or 720p, 1080p, 4K" : "") + ", not \"" +
                     text + "\"");
}

std::vector<int> parseGenerations(const std::string& text)
{
    std::vector<int> generations;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, comma - start);
        try {
            std::size_t used = 0;
            const long value = std::stol(item, &used);
            if (used != item.size() || value < 0 || value > 1'000'000) {
                throw UsageError("");
            }
            generations.push_back(static_cast<int>(value));
        } catch (const std::exception&) {
            throw UsageError("--generation takes G or G,G,... with whole numbers from 0, not \"" + text + "\"");
        }
        start = comma + 1;
    }
    return generations;
}

// Refuses, before any work, an output that could not be written: a missing or read-only folder, or a
// file where a folder must go (and the other way round).
void checkOutputTarget(const std::string& option, const std::string& path, bool folder)
{
    if (const std::string problem = outputTargetProblem(path, folder); !problem.empty()) {
        throw UsageError(option + " " + path + ": " + problem);
    }
}

// A figure's size and resolution as writePaintedFigure takes them, checked before any work.
void checkFigureSize(const std::optional<QSize>& size, const std::optional<int>& dpi)
{
    if (size && (size->width() < 64 || size->height() < 64)) {
        throw UsageError("--size: a figure is 64 to 16384 pixels wide and high, not " + std::to_string(size->width()) + "x" +
                         std::to_string(size->height()));
    }
    if (dpi && *dpi < 10) {
        throw UsageError("--dpi must be from 10 to 2400, not " + std::to_string(*dpi));
    }
}

// A command-line value as JSON (jsonFromCommandLineValue), its problem named with the option.
nlohmann::json commandLineValue(const std::string& option, const std::string& text)
{
    try {
        return jsonFromCommandLineValue(text);
    } catch (const ScenarioError& error) {
        throw UsageError(option + ": " + error.what());
    }
}

// Reads the scenario options shared by run and export; `extra` takes the command's own options and
// returns false for one it does not know.
RunOptions parseScenarioOptions(
    const std::vector<std::string>& args,
    const std::function<bool(const std::string& option, const std::function<const std::string&()>& value)>& extra)
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
                {"--set " + assignment, key, commandLineValue("--set " + key, assignment.substr(equals + 1))});
        } else if (const auto found = keyOptions.find(option); found != keyOptions.end()) {
            const std::string& text = value();
            // --model takes a name; the numeric options must be numbers, not strings that happen to
            // be valid JSON.
            nlohmann::json parsed = commandLineValue(option, text);
            if (found->second == "model") {
                parsed = nlohmann::json(text);
            }
            options.request.overrides.push_back({option + " " + text, found->second, parsed});
        } else if (!extra || !extra(option, value)) {
            throw UsageError("unknown option \"" + option + "\" (see collapselab-cli --help)");
        }
    }
    return options;
}

RunOptions parseRunOptions(const std::vector<std::string>& args)
{
    std::optional<std::string> out;
    RunOptions options = parseScenarioOptions(args, [&out](const std::string& option, const auto& value) {
        if (option == "--out") {
            out = value();
            return true;
        }
        return false;
    });
    options.out = out;
    if (!options.out) {
        throw UsageError("run needs --out DIR, the folder for the results");
    }
    return options;
}

// Prints "generation g of N" (or "frame f of N") now and then, so long runs show they are alive without
// flooding a log.
class ProgressReporter {
public:
    // `counted` names what is counted, e.g. "generation" or "side: frame".
    explicit ProgressReporter(std::string counted) : counted_(std::move(counted)) {}

    void update(int done, int total)
    {
        const auto now = std::chrono::steady_clock::now();
        if (done < total && now - lastPrint_ < std::chrono::seconds(1)) {
            return;
        }
        lastPrint_ = now;
        std::cerr << "collapselab-cli: " << counted_ << ' ' << done << " of " << total << '\n';
    }

private:
    std::string counted_;
    std::chrono::steady_clock::time_point lastPrint_ = std::chrono::steady_clock::now();
};

// "generation-0007.txt": four digits, so the files sort in generation order.
std::string transcriptName(int generation)
{
    std::string digits = std::to_string(generation);
    return "generation-" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits + ".txt";
}

// Runs one scenario and hands each generation to `receive`; false when interrupted (SIGINT, SIGTERM).
bool runScenario(const std::string& label, const Scenario& scenario, Engine& engine,
                 const std::function<void(GenerationSnapshot&&)>& receive)
{
    if (const std::string note = engine.experiment().setUpNote(); !note.empty()) {
        std::cerr << "collapselab-cli: " << label << (label.empty() ? "" : ": ") << note << '\n';
    }
    ProgressReporter progress((label.empty() ? "" : label + ": ") + "generation");
    const auto outcome = engine.run(
        [&](GenerationSnapshot&& snapshot) {
            const int finished = snapshot.generation + 1;
            receive(std::move(snapshot));
            progress.update(finished, scenario.generations);
        },
        &interrupted);
    if (outcome == Engine::Outcome::Cancelled) {
        std::cerr << "collapselab-cli: interrupted; nothing was written\n";
        return false;
    }
    return true;
}

// Drawing needs Qt's GUI classes; with no screen to show anything, on the offscreen platform. `argc` must
// outlive the application.
std::unique_ptr<QApplication> drawingApplication(int& argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    auto application = std::make_unique<QApplication>(argc, argv);
    ui::applyApplicationFont();
    return application;
}

void prepareToRun(const std::optional<int>& threads)
{
    if (threads) {
        omp_set_num_threads(*threads);
    }
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

int runCommand(const std::vector<std::string>& args)
{
    const RunOptions options = parseRunOptions(args);
    const std::vector<LabelledScenario> scenarios = resolveScenarios(options.request);
    for (const auto& [label, scenario] : scenarios) {
        checkFitsInMemory(scenario, RunKeeping::Metrics);
    }
    const std::filesystem::path outDir = *options.out;
    checkOutputTarget("--out", *options.out, true);
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

ExportOptions parseExportOptions(const std::vector<std::string>& args, RunOptions& run)
{
    ExportOptions options;
    std::optional<std::string> sizeText;
    run = parseScenarioOptions(args, [&](const std::string& option, const auto& value) {
        if (option == "--animation") {
            options.animation = value();
        } else if (option == "--figure") {
            options.figure = value();
        } else if (option == "--frames") {
            options.frames = value();
        } else if (option == "--view") {
            const std::string& name = value();
            const auto view = ui::exportViewNamed(QString::fromStdString(name));
            if (!view) {
                throw UsageError("--view takes stage, metrics or both, not \"" + name + "\"");
            }
            options.view = *view;
        } else if (option == "--generation") {
            options.generations = parseGenerations(value());
        } else if (option == "--fps") {
            options.fps = parsePositive(option, value(), 120);
        } else if (option == "--dpi") {
            options.dpi = parsePositive(option, value(), 2400);
        } else if (option == "--size") {
            sizeText = value();
        } else if (option == "--transparent") {
            options.transparent = true;
        } else {
            return false;
        }
        return true;
    });
    const int outputs = int(options.animation.has_value()) + int(options.figure.has_value()) + int(options.frames.has_value());
    if (outputs != 1) {
        throw UsageError("export needs exactly one of --animation FILE, --figure FILE and --frames DIR");
    }
    if (options.figure) {
        if (!ui::figureFormatFor(QString::fromStdString(*options.figure))) {
            throw UsageError("--figure " + *options.figure + ": a figure is a .png, .svg or .pdf file");
        }
        if (options.fps) {
            throw UsageError("--fps is for --animation and --frames, not --figure");
        }
    } else {
        if (!options.generations.empty() || options.dpi || options.transparent) {
            throw UsageError("--generation, --dpi and --transparent are for --figure");
        }
        if (options.animation && !ui::videoFormatFor(QString::fromStdString(*options.animation))) {
            throw UsageError("--animation " + *options.animation + ": an animation is a .mp4, .webm or .gif file");
        }
    }
    if (sizeText) {
        options.size = parseSize(*sizeText, !options.figure);
    }
    if (options.figure) {
        checkFigureSize(options.size, options.dpi);
        checkOutputTarget("--figure", *options.figure, false);
    } else if (options.animation) {
        checkOutputTarget("--animation", *options.animation, false);
    } else {
        checkOutputTarget("--frames", *options.frames, true);
    }
    if (!options.figure) {
        // Refused now rather than after a long simulation.
        ui::AnimationOptions animation;
        animation.size = options.size.value_or(animation.size);
        animation.fps = options.fps.value_or(animation.fps);
        const std::string target = options.animation ? *options.animation : *options.frames;
        if (const auto problem = ui::animationRequestProblem(QString::fromStdString(target), animation, !options.animation)) {
            throw UsageError(problem->toStdString());
        }
    }
    return options;
}

int exportCommand(const std::vector<std::string>& args, int& argc, char** argv)
{
    RunOptions run;
    const ExportOptions options = parseExportOptions(args, run);
    const std::vector<LabelledScenario> scenarios = resolveScenarios(run.request);
    for (const auto& [label, scenario] : scenarios) {
        checkFitsInMemory(scenario, RunKeeping::MetricsAndStage);
        for (const int generation : options.generations) {
            if (generation >= scenario.generations) {
                throw UsageError("--generation " + std::to_string(generation) + " is past the run's last generation, " +
                                 std::to_string(scenario.generations - 1));
            }
        }
    }
    prepareToRun(run.threads);

    const auto application = drawingApplication(argc, argv);

    std::vector<std::unique_ptr<ui::RunHistory>> histories;
    QVector<ui::LabelledHistory> runs;
    for (const auto& [label, scenario] : scenarios) {
        Engine engine(scenario);
        auto history = std::make_unique<ui::RunHistory>();
        history->reset(scenario);
        if (!runScenario(label, scenario, engine,
                         [&](GenerationSnapshot&& snapshot) { history->append(std::move(snapshot)); })) {
            return kExitFailure;
        }
        runs.append({QString::fromStdString(label), history.get()});
        histories.push_back(std::move(history));
    }

    ui::FigureRenderer renderer(runs, options.view);
    const int generations = renderer.generationCount();
    ProgressReporter frames("frame");
    const auto progress = [&frames](int done, int total) {
        frames.update(done, total);
        return !interrupted.load();
    };
    std::string written;
    bool complete = true;
    if (options.figure) {
        ui::FigureOptions figure;
        figure.generations = options.generations.empty() ? QVector<int>{generations - 1}
                                                         : QVector<int>(options.generations.begin(), options.generations.end());
        figure.size = options.size;
        figure.dpi = options.dpi.value_or(figure.dpi);
        figure.transparent = options.transparent;
        ui::writeFigure(renderer, QString::fromStdString(*options.figure), figure);
        written = *options.figure;
    } else {
        ui::AnimationOptions animation;
        animation.size = options.size.value_or(animation.size);
        animation.fps = options.fps.value_or(animation.fps);
        if (options.animation) {
            complete = ui::writeAnimation(renderer, QString::fromStdString(*options.animation), animation, progress);
            written = *options.animation;
        } else {
            complete = ui::writeFrames(renderer, QString::fromStdString(*options.frames), animation, progress);
            written = *options.frames;
        }
    }
    if (!complete) {
        std::cerr << "collapselab-cli: interrupted; nothing was written\n";
        return kExitFailure;
    }
    std::cerr << "collapselab-cli: wrote " << written << '\n';
    return kExitDone;
}

// "7" or "0,50,100" for --at: generations from 0.
std::vector<int> parseAtGenerations(const std::string& text)
{
    try {
        return parseGenerations(text);
    } catch (const UsageError&) {
        throw UsageError("--at takes G or G,G,... with whole numbers from 0, not \"" + text + "\"");
    }
}

// The plan a sweep command asks for: a sweep file given as --scenario (DIR/sweep.json) as it is, or the
// scenario (a preset, a file, the defaults) over the --vary axes, or a sweep preset's own grid.
SweepPlan sweepPlanOf(const ScenarioRequest& request, std::vector<std::string> vary, std::optional<std::vector<int>> at)
{
    if (request.file && vary.empty()) {
        const std::string origin = request.file->string();
        const std::string text = readWholeFile(*request.file, 1 << 20, "a scenario or sweep file");
        const nlohmann::json document = parseJsonDocument(text, origin);
        if (document.is_object() && document.contains("sweep")) {
            if (!request.overrides.empty() || at || request.preset) {
                throw UsageError("--scenario " + origin + " is a sweep file, which runs as it is: give it no --preset, "
                                 "--set, --samples, ... or --at");
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

int sweepCommand(const std::vector<std::string>& args)
{
    std::vector<std::string> vary;
    std::optional<std::vector<int>> at;
    std::optional<SweepShard> shard;
    std::optional<std::string> out;
    const RunOptions options = parseScenarioOptions(args, [&](const std::string& option, const auto& value) {
        if (option == "--vary") {
            vary.push_back(value());
        } else if (option == "--at") {
            at = parseAtGenerations(value());
        } else if (option == "--shard") {
            shard = parseSweepShard(value());
        } else if (option == "--out") {
            out = value();
        } else {
            return false;
        }
        return true;
    });
    if (!out) {
        throw UsageError("sweep needs --out DIR, the folder for the sweep");
    }
    checkOutputTarget("--out", *out, true);
    const SweepPlan plan = sweepPlanOf(options.request, vary, at);
    const std::vector<std::size_t> cells = shardCells(plan, shard.value_or(SweepShard{}));
    // Cells run one to a thread: as many at once as there are threads.
    const int parallel = std::min<int>(options.threads.value_or(omp_get_max_threads()), static_cast<int>(cells.size()));
    for (const std::size_t cell : cells) {
        try {
            checkFitsInMemory(plan.cellScenario(cell), RunKeeping::Summary, parallel);
        } catch (const ScenarioError& error) {
            throw ScenarioError("the cell " + plan.cellName(cell) + ": " + error.what());
        }
    }
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

int sweepMergeCommand(const std::vector<std::string>& args)
{
    std::vector<std::filesystem::path> folders;
    std::optional<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--out") {
            if (i + 1 >= args.size()) {
                throw UsageError("--out needs a value");
            }
            out = args[++i];
        } else if (args[i].starts_with("--")) {
            throw UsageError("unknown option \"" + args[i] + "\" (see collapselab-cli --help)");
        } else {
            folders.emplace_back(args[i]);
        }
    }
    if (!out || folders.empty()) {
        throw UsageError("sweep-merge takes the sweep folders and --out DIR");
    }
    checkOutputTarget("--out", *out, true);
    mergeSweepFolders(folders, *out);
    std::cerr << "collapselab-cli: merged " << folders.size() << " folder(s) into " << *out << "/sweep.csv\n";
    return kExitDone;
}

// export --sweep DIR --figure FILE --metric NAME [--generation G] [--contour VALUE] [--size WxH] [--dpi D]
int exportSweepCommand(const std::vector<std::string>& args, int& argc, char** argv)
{
    std::optional<std::string> folderName, figure, metric, sizeText;
    std::optional<int> generation, dpi;
    std::optional<double> contour;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& option = args[i];
        if (i + 1 >= args.size()) {
            throw UsageError(option + " needs a value");
        }
        const std::string& value = args[++i];
        if (option == "--sweep") {
            folderName = value;
        } else if (option == "--figure") {
            figure = value;
        } else if (option == "--metric") {
            metric = value;
        } else if (option == "--generation") {
            const std::vector<int> generations = parseGenerations(value);
            if (generations.size() != 1) {
                throw UsageError("--generation takes one generation for a phase diagram");
            }
            generation = generations.front();
        } else if (option == "--contour") {
            try {
                std::size_t used = 0;
                contour = std::stod(value, &used);
                if (used != value.size() || !std::isfinite(*contour)) {
                    throw UsageError("");
                }
            } catch (const std::exception&) {
                throw UsageError("--contour takes a number, not \"" + value + "\"");
            }
        } else if (option == "--size") {
            sizeText = value;
        } else if (option == "--dpi") {
            dpi = parsePositive(option, value, 2400);
        } else {
            throw UsageError("export --sweep does not take \"" + option + "\" (see collapselab-cli --help)");
        }
    }
    if (!folderName || !figure || !metric) {
        throw UsageError("export --sweep DIR needs --figure FILE and --metric NAME");
    }
    if (!ui::figureFormatFor(QString::fromStdString(*figure))) {
        throw UsageError("--figure " + *figure + ": a figure is a .png, .svg or .pdf file");
    }
    const QSize size = sizeText ? parseSize(*sizeText, false) : QSize(1280, 720);
    checkFigureSize(size, dpi);
    checkOutputTarget("--figure", *figure, false);
    const SweepFolder folder = SweepFolder::open(*folderName);
    SweepGrid grid = readSweepGrid(folder, *metric, generation.value_or(-1));

    const auto application = drawingApplication(argc, argv);
    const ui::PhaseDiagram diagram(std::move(grid), contour);
    ui::writePaintedFigure(QString::fromStdString(*figure), size, dpi.value_or(150),
                           [&](QPainter& painter, const QSizeF& area) { diagram.render(painter, QRectF(QPointF(0, 0), area), true); });
    std::cerr << "collapselab-cli: wrote " << *figure << '\n';
    return kExitDone;
}

int presetsCommand(const std::vector<std::string>& args)
{
    if (!args.empty()) {
        throw UsageError("presets takes no options");
    }
    for (const auto& preset : builtinPresets()) {
        std::printf("%-22s %s%s\n", preset.name.c_str(), preset.title.c_str(),
                    preset.isComparison() ? " (comparison)" : preset.sweep ? " (sweep)" : "");
    }
    return kExitDone;
}

} // namespace

// reproduce [--scale quick|paper] [--threads T] --out DIR
int reproduceCommand(const std::vector<std::string>& args, int& argc, char** argv)
{
    ReproductionScale scale = ReproductionScale::Quick;
    std::optional<int> threads;
    std::optional<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& option = args[i];
        if (option != "--scale" && option != "--threads" && option != "--out") {
            throw UsageError("reproduce does not take \"" + option + "\" (see collapselab-cli --help)");
        }
        if (i + 1 >= args.size()) {
            throw UsageError(option + " needs a value");
        }
        const std::string& value = args[++i];
        if (option == "--scale") {
            const auto named = reproductionScaleNamed(value);
            if (!named) {
                throw UsageError("--scale takes quick or paper, not \"" + value + "\"");
            }
            scale = *named;
        } else if (option == "--threads") {
            threads = parsePositive(option, value, 1024);
        } else {
            out = value;
        }
    }
    if (!out) {
        throw UsageError("reproduce needs --out DIR, the folder for the report");
    }
    checkOutputTarget("--out", *out, true);
    const ReproductionPlan plan = reproductionPlan(scale);
    for (const auto& experiment : plan.experiments) {
        for (const auto& run : experiment.runs) {
            checkFitsInMemory(run.scenario, RunKeeping::MetricsAndStage);
        }
    }
    prepareToRun(threads);
    const auto application = drawingApplication(argc, argv);
    for (const auto& note : plan.notes) {
        std::cerr << "collapselab-cli: " << note << '\n';
    }

    const auto start = std::chrono::steady_clock::now();
    ui::PaperReproduction reproduction(plan);
    std::optional<ProgressReporter> progress;
    int shownRun = 0;
    const bool finished = reproduction.compute(
        [&](const ui::ReproductionProgress& where) {
            if (where.run != shownRun) {
                shownRun = where.run;
                progress.emplace("run " + std::to_string(where.run) + " of " + std::to_string(where.runs) + ", " +
                                 where.name + ": generation");
            }
            progress->update(where.generation, where.generations);
        },
        &interrupted);
    if (!finished) {
        std::cerr << "collapselab-cli: interrupted; nothing was written\n";
        return kExitFailure;
    }
    ReportContext context;
    context.version = COLLAPSELAB_VERSION;
    context.threads = omp_get_max_threads();
    context.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    reproduction.write(*out, context);
    std::cerr << "collapselab-cli: report written to " << (std::filesystem::path(*out) / "report.pdf").string() << '\n';
    return kExitDone;
}

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
        if (args[0] == "export") {
            if (std::find(rest.begin(), rest.end(), "--sweep") != rest.end()) {
                return exportSweepCommand(rest, argc, argv);
            }
            return exportCommand(rest, argc, argv);
        }
        if (args[0] == "sweep") {
            return sweepCommand(rest);
        }
        if (args[0] == "sweep-merge") {
            return sweepMergeCommand(rest);
        }
        if (args[0] == "reproduce") {
            return reproduceCommand(rest, argc, argv);
        }
        throw UsageError("unknown command \"" + args[0] + "\" (commands: run, sweep, sweep-merge, export, reproduce, presets)");
    } catch (const UsageError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitBadInput;
    } catch (const ScenarioError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitBadInput;
    } catch (const DataError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitBadInput;
    } catch (const ui::ExportError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitFailure;
    } catch (const std::exception& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitFailure;
    }
}
