// libFuzzer harness: every document the program reads as JSON — a scenario or comparison file, a sweep
// file, a lesson, a share code and what it unpacks to — must either be taken or be refused with the
// project's own ScenarioError. Any other exception, a crash, a hang or undefined behaviour is a finding.

#include "core/lesson.h"
#include "core/scenario.h"
#include "core/scenario_sources.h"
#include "core/share_code.h"
#include "core/sweep.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        collapse::scenarioEntries(collapse::parseJsonDocument(text, "fuzz.json"), "fuzz.json");
    } catch (const collapse::ScenarioError&) {
    }
    try {
        const collapse::SweepPlan plan = collapse::parseSweepPlan(text, "sweep.json");
        // A plan read back is the plan written.
        if (collapse::serializeSweepPlan(collapse::parseSweepPlan(collapse::serializeSweepPlan(plan), "again")) !=
            collapse::serializeSweepPlan(plan)) {
            __builtin_trap();
        }
    } catch (const collapse::ScenarioError&) {
    }
    try {
        collapse::parseLesson(text, "lesson.json", "lesson");
    } catch (const collapse::ScenarioError&) {
    }
    // The text as a code someone pasted, and packed into a code of its own.
    try {
        collapse::sharedEntries(text);
    } catch (const collapse::ScenarioError&) {
    }
    try {
        collapse::sharedEntries(collapse::shareCodeOfText(std::string(text)));
    } catch (const collapse::ScenarioError&) {
    }
    try {
        collapse::jsonFromCommandLineValue(text);
        collapse::parseSweepAxis(text);
    } catch (const collapse::ScenarioError&) {
    }
    return 0;
}
