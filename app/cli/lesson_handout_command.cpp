// collapselab-cli lesson-handout: a lesson's steps, each run to its reveal, as a PDF for students.

#include "app/cli/commands.h"
#include "app/cli/common.h"
#include "core/engine.h"
#include "core/lesson.h"
#include "core/memory_estimate.h"
#include "core/output_files.h"
#include "ui/lesson_handout.h"
#include "ui/run_history.h"

#include <QApplication>

#include <iostream>
#include <memory>

namespace collapse::cli {

namespace {

int writeHandout(const Invocation& invocation)
{
    const ParsedArguments parsed = parseArguments(lessonHandoutCommand(), invocation.arguments);
    std::optional<std::string> out;
    std::optional<int> threads;
    for (const GivenOption& given : parsed.options) {
        if (given.name == "--out") {
            out = given.value;
        } else if (given.name == "--threads") {
            threads = parsePositive(given.name, given.value, 1024);
        }
    }
    if (parsed.operands.size() != 1 || !out) {
        throw UsageError("lesson-handout needs one lesson, NAME or FILE.json, and --out FILE.pdf");
    }
    const Lesson lesson = lessonNamed(parsed.operands.front());
    checkOutputTarget("--out", *out, false);
    for (const LessonStep& step : lesson.steps) {
        for (const LabelledScenario& side : step.scenarios) {
            checkFitsInMemory(side.scenario, RunKeeping::MetricsAndStage);
        }
    }
    prepareToRun(threads);
    const auto application = drawingApplication(invocation.argc, invocation.argv);

    std::vector<std::unique_ptr<ui::RunHistory>> histories;
    std::vector<std::vector<const ui::RunHistory*>> runs;
    for (std::size_t s = 0; s < lesson.steps.size(); ++s) {
        const LessonStep& step = lesson.steps[s];
        runs.emplace_back();
        for (const LabelledScenario& side : step.scenarios) {
            // Only as far as the reveal: the handout shows no later generation.
            Scenario scenario = side.scenario;
            scenario.generations = step.reveal + 1;
            Engine engine(scenario);
            auto history = std::make_unique<ui::RunHistory>();
            history->reset(scenario);
            const std::string label = "step " + std::to_string(s + 1) + (side.label.empty() ? "" : " " + side.label);
            if (!runScenario(label, scenario, engine, [&](GenerationSnapshot&& snapshot) { history->append(std::move(snapshot)); })) {
                return kExitFailure;
            }
            runs.back().push_back(history.get());
            histories.push_back(std::move(history));
        }
    }
    writeUserFile(*out, ui::lessonHandout(lesson, runs).pdf.toStdString());
    std::cerr << "collapselab-cli: wrote " << *out << '\n';
    return kExitDone;
}

} // namespace

const Command& lessonHandoutCommand()
{
    static const Command command{
        "lesson-handout",
        "lesson-handout NAME|FILE.json [--threads T] --out FILE.pdf",
        "write a lesson's handout for students",
        "lesson-handout runs every step of a bundled lesson (collapselab-cli lessons) or a lesson file to its\n"
        "reveal and writes FILE.pdf, a page a step: the question and its answers with the right one marked,\n"
        "the picture at the reveal, the explanation, and the share code that opens the step at home.\n",
        {{"--threads", ValueKind::Word}, {"--out", ValueKind::File}},
        "NAME|FILE.json",
        writeHandout};
    return command;
}

} // namespace collapse::cli
