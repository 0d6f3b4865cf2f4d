#pragma once

#include "core/scenario.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace collapse {

// One scenario of a preset or scenario file, kept as JSON so that command-line overrides can be
// applied before validation. `label` names a side of a comparison (and its output subfolder); it is
// empty for a single scenario.
struct ScenarioEntry {
    std::string label;
    nlohmann::json object;
};

// What a sweep preset sweeps, and the figure it draws (README.md, "Sweeps").
struct SweepPreset {
    std::vector<std::string> vary;  // KEY=SPEC, as for --vary
    std::vector<int> at;            // the generations summarised; empty: the last
    std::string metric;             // the sweep.csv column the phase diagram shows
    std::optional<double> contour;  // the collapse boundary drawn on it
};

// A built-in preset (README.md, "The command line"): a title, two sentences for the window, and one scenario or, for a
// comparison, two shown side by side.
struct Preset {
    std::string name;
    std::string title;
    std::string summary;
    int order = 0; // its place in a lecture: presets are listed and numbered in this order
    std::vector<ScenarioEntry> entries;
    // A sweep preset runs its scenario over a grid and opens as a phase diagram.
    std::optional<SweepPreset> sweep;

    bool isComparison() const { return entries.size() > 1; }
};

// The built-in presets in teaching order (their "order"), then by name.
const std::vector<Preset>& builtinPresets();
// Throws ScenarioError naming the preset and listing the known ones.
const Preset& presetNamed(std::string_view name);

// What is wrong with `name` as a plain file name, the only kind a label that names a folder may be: empty
// when nothing is; else "contains a path separator", "starts with a dot" (. and .. included), "contains a
// control character", ... (README.md, "Scenario files").
std::string plainNameProblem(std::string_view name);
// `text` in double quotes for a message, control characters as \xNN, cut after 40 characters.
std::string quotedForMessage(std::string_view text);

// The scenarios of a document: a scenario object, or {"compare": [{"label", "scenario"}, ...]}.
std::vector<ScenarioEntry> scenarioEntries(const nlohmann::json& document, std::string_view origin);

// Reads a scenario file; a missing, unreadable, oversized or malformed file throws ScenarioError
// naming it.
std::vector<ScenarioEntry> readScenarioFile(const std::filesystem::path& path);

// A value given on the command line, e.g. --samples 50 or --set em_tol=1e-5.
struct Override {
    std::string option;  // as the user wrote it, for messages
    std::string key;
    nlohmann::json value;
};

struct LabelledScenario {
    std::string label;
    Scenario scenario;
};

// What to run: a preset, a scenario file, a share code or link (core/share_code.h), or (none of them)
// the defaults of the overridden model.
struct ScenarioRequest {
    std::optional<std::string> preset;
    std::optional<std::filesystem::path> file;
    std::vector<Override> overrides;
    std::optional<std::string> share;
};

// A scenario file's text: one scenario as serializeScenario() writes it, or for two or more a
// comparison, {"compare": [{"label", "scenario"}, ...]}. Reading it back gives the same scenarios.
std::string serializeScenarios(const std::vector<LabelledScenario>& scenarios);

// Validates the source, each override on its own, then everything together; throws ScenarioError
// with a message that names the preset, file or option and the key at fault.
std::vector<LabelledScenario> resolveScenarios(const ScenarioRequest& request);
// The same for entries already read (a preset's, a file's, a lesson step's).
std::vector<LabelledScenario> resolveEntries(std::vector<ScenarioEntry> entries, const std::vector<Override>& overrides);

} // namespace collapse
