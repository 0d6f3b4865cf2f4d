// collapselab-cli reproduce: the paper's experiments rerun, and a report that sets our numbers beside
// the paper's.

#include "app/cli/commands.h"
#include "app/cli/common.h"
#include "core/memory_estimate.h"
#include "core/reproduction.h"
#include "ui/paper_report.h"

#include <QApplication>

#include <omp.h>

#include <chrono>
#include <iostream>

namespace collapse::cli {

namespace {

int reproduce(const Invocation& invocation)
{
    ReproductionScale scale = ReproductionScale::Quick;
    std::optional<int> threads;
    std::optional<std::string> out;
    for (const GivenOption& given : parseArguments(reproduceCommand(), invocation.arguments).options) {
        if (given.name == "--scale") {
            const auto named = reproductionScaleNamed(given.value);
            if (!named) {
                throw UsageError("--scale takes quick or paper, not \"" + given.value + "\"");
            }
            scale = *named;
        } else if (given.name == "--threads") {
            threads = parsePositive(given.name, given.value, 1024);
        } else {
            out = given.value;
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
    const auto application = drawingApplication(invocation.argc, invocation.argv);
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

} // namespace

const Command& reproduceCommand()
{
    static const Command command{
        "reproduce",
        "reproduce [--scale quick|paper] [--threads T] --out DIR",
        "rerun the paper's experiments and write a report beside its numbers",
        "reproduce reruns the experiments of Shumailov et al. (Nature 2024) at the paper's settings (--scale\n"
        "paper) or at sizes that take about three minutes on two cores (quick, the default), and writes\n"
        "DIR/report.pdf and DIR/report.md, each number beside the paper's, with the figures in DIR/figures, the\n"
        "scenario behind every row in DIR/scenarios and its CSVs in DIR/data.\n",
        {{"--scale", ValueKind::Choice, "quick paper"}, {"--threads", ValueKind::Word}, {"--out", ValueKind::Folder}},
        {},
        reproduce};
    return command;
}

} // namespace collapse::cli
