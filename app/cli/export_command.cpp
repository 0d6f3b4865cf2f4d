// collapselab-cli export: a scenario drawn offscreen exactly as the window draws it (a figure, an
// animation or numbered frames), or a finished sweep's phase diagram.

#include "app/cli/commands.h"
#include "app/cli/common.h"
#include "core/engine.h"
#include "core/memory_estimate.h"
#include "core/sweep_folder.h"
#include "ui/animation_export.h"
#include "ui/figure_export.h"
#include "ui/phase_diagram.h"
#include "ui/run_history.h"

#include <QApplication>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace collapse::cli {

namespace {

struct ExportOptions {
    std::optional<std::string> animation, figure, frames;
    ui::ExportView view = ui::ExportView::Both;
    std::vector<int> generations;
    std::optional<int> fps, dpi;
    std::optional<QSize> size;
    bool transparent = false;
};

// The options of a scenario's export, checked against each other and against their targets before any
// work.
ExportOptions readExportOptions(const std::vector<GivenOption>& given, ScenarioOptions& scenario)
{
    ExportOptions options;
    std::optional<std::string> sizeText;
    for (const GivenOption& option : given) {
        const std::string& value = option.value;
        if (option.name == "--animation") {
            options.animation = value;
        } else if (option.name == "--figure") {
            options.figure = value;
        } else if (option.name == "--frames") {
            options.frames = value;
        } else if (option.name == "--view") {
            const auto view = ui::exportViewNamed(QString::fromStdString(value));
            if (!view) {
                throw UsageError("--view takes stage, metrics or both, not \"" + value + "\"");
            }
            options.view = *view;
        } else if (option.name == "--generation") {
            options.generations = parseGenerations(value);
        } else if (option.name == "--fps") {
            options.fps = parsePositive(option.name, value, 120);
        } else if (option.name == "--dpi") {
            options.dpi = parsePositive(option.name, value, 2400);
        } else if (option.name == "--size") {
            sizeText = value;
        } else if (option.name == "--transparent") {
            options.transparent = true;
        } else if (!readScenarioOption(option, scenario)) {
            throw UsageError("export of a scenario does not take " + option.name + " (see collapselab-cli export --help)");
        }
    }
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
        // Frames go into a folder of their own: numbered files beside others would not be one animation.
        std::error_code error;
        if (std::filesystem::is_directory(*options.frames, error) && !std::filesystem::is_empty(*options.frames, error)) {
            throw UsageError("--frames " + *options.frames + ": the folder is not empty; give a new or empty folder");
        }
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

// Draws the runs' figure, animation or frames; false when interrupted.
bool writeExport(const ExportOptions& options, const QVector<ui::LabelledHistory>& runs)
{
    ui::FigureRenderer renderer(runs, options.view);
    const int generations = renderer.generationCount();
    ProgressReporter frames("frame");
    const auto progress = [&frames](int done, int total) {
        frames.update(done, total);
        return !interrupted.load();
    };
    if (options.figure) {
        ui::FigureOptions figure;
        figure.generations = options.generations.empty() ? QVector<int>{generations - 1}
                                                         : QVector<int>(options.generations.begin(), options.generations.end());
        figure.size = options.size;
        figure.dpi = options.dpi.value_or(figure.dpi);
        figure.transparent = options.transparent;
        ui::writeFigure(renderer, QString::fromStdString(*options.figure), figure);
        return true;
    }
    ui::AnimationOptions animation;
    animation.size = options.size.value_or(animation.size);
    animation.fps = options.fps.value_or(animation.fps);
    if (options.animation) {
        return ui::writeAnimation(renderer, QString::fromStdString(*options.animation), animation, progress);
    }
    return ui::writeFrames(renderer, QString::fromStdString(*options.frames), animation, progress);
}

int exportScenario(const Invocation& invocation, const std::vector<GivenOption>& given)
{
    ScenarioOptions scenarioOptions;
    const ExportOptions options = readExportOptions(given, scenarioOptions);
    const std::vector<LabelledScenario> scenarios = resolveScenarios(scenarioOptions.request);
    for (const auto& [label, scenario] : scenarios) {
        checkFitsInMemory(scenario, RunKeeping::MetricsAndStage);
        for (const int generation : options.generations) {
            if (generation >= scenario.generations) {
                throw UsageError("--generation " + std::to_string(generation) + " is past the run's last generation, " +
                                 std::to_string(scenario.generations - 1));
            }
        }
    }
    prepareToRun(scenarioOptions.threads);
    const auto application = drawingApplication(invocation.argc, invocation.argv);

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
    if (!writeExport(options, runs)) {
        std::cerr << "collapselab-cli: interrupted; nothing was written\n";
        return kExitFailure;
    }
    const std::string written = options.figure ? *options.figure : options.animation ? *options.animation : *options.frames;
    std::cerr << "collapselab-cli: wrote " << written << '\n';
    return kExitDone;
}

// export --sweep DIR --figure FILE --metric NAME [--generation G] [--contour VALUE] [--size WxH] [--dpi D]
int exportSweep(const Invocation& invocation, const std::vector<GivenOption>& given)
{
    std::optional<std::string> folderName, figure, metric, sizeText;
    std::optional<int> generation, dpi;
    std::optional<double> contour;
    for (const GivenOption& option : given) {
        const std::string& value = option.value;
        if (option.name == "--sweep") {
            folderName = value;
        } else if (option.name == "--figure") {
            figure = value;
        } else if (option.name == "--metric") {
            metric = value;
        } else if (option.name == "--generation") {
            const std::vector<int> generations = parseGenerations(value);
            if (generations.size() != 1) {
                throw UsageError("--generation takes one generation for a phase diagram");
            }
            generation = generations.front();
        } else if (option.name == "--contour") {
            contour = parseNumber(option.name, value);
        } else if (option.name == "--size") {
            sizeText = value;
        } else if (option.name == "--dpi") {
            dpi = parsePositive(option.name, value, 2400);
        } else {
            throw UsageError("export --sweep does not take \"" + option.name + "\" (see collapselab-cli export --help)");
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

    const auto application = drawingApplication(invocation.argc, invocation.argv);
    const ui::PhaseDiagram diagram(std::move(grid), contour);
    ui::writePaintedFigure(QString::fromStdString(*figure), size, dpi.value_or(150),
                           [&](QPainter& painter, const QSizeF& area) { diagram.render(painter, QRectF(QPointF(0, 0), area), true); });
    std::cerr << "collapselab-cli: wrote " << *figure << '\n';
    return kExitDone;
}

int runExport(const Invocation& invocation)
{
    const std::vector<GivenOption> given = parseArguments(exportCommand(), invocation.arguments).options;
    const bool sweep = std::any_of(given.begin(), given.end(), [](const GivenOption& option) { return option.name == "--sweep"; });
    return sweep ? exportSweep(invocation, given) : exportScenario(invocation, given);
}

} // namespace

const Command& exportCommand()
{
    static const Command command{
        "export",
        "export [scenario options as for run] (--animation FILE | --figure FILE | --frames DIR)\n"
        "    [--view stage|metrics|both] [--generation G[,G...]] [--fps F] [--size WxH]\n"
        "    [--dpi D] [--transparent]\n"
        "export --sweep DIR --figure FILE --metric NAME [--generation G] [--contour VALUE]\n"
        "    [--size WxH] [--dpi D]",
        "draw a scenario as a figure, an animation or frames; draw a sweep's phase diagram",
        "export renders offscreen exactly as the window draws: --animation FILE (.mp4 H.264, .webm VP9 or .gif)\n"
        "and --frames DIR (numbered PNG files) hold one frame per generation at --fps (default 15) and --size\n"
        "(720p, 1080p, 4K or WxH; default 1080p); --figure FILE (.png, .svg or .pdf) shows --generation G\n"
        "(default: the last), or small multiples of several (--generation 0,50,100), at --size in pixels at\n"
        "96 dpi (default 1280x720), PNG at --dpi (default 150), with --transparent leaving out the background.\n"
        "--view (default both) picks the stage, the metric charts or both. A comparison preset is drawn side by\n"
        "side. Files are written whole or not at all.\n"
        "export --sweep draws the phase diagram of a finished sweep: --metric is a sweep.csv column or a\n"
        "metric (its median); --contour draws the line where it crosses VALUE, the collapse boundary.\n",
        withScenarioOptions({{"--animation", ValueKind::File},
                             {"--figure", ValueKind::File},
                             {"--frames", ValueKind::Folder},
                             {"--view", ValueKind::Choice, "stage metrics both"},
                             {"--generation", ValueKind::Word},
                             {"--fps", ValueKind::Word},
                             {"--size", ValueKind::Word},
                             {"--dpi", ValueKind::Word},
                             {"--transparent", ValueKind::None},
                             {"--sweep", ValueKind::Folder},
                             {"--metric", ValueKind::Word},
                             {"--contour", ValueKind::Word}}),
        {},
        runExport};
    return command;
}

} // namespace collapse::cli
