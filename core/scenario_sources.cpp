#include "core/scenario_sources.h"

#include "core/input_files.h"
#include "core/model_registry.h"
#include "core/share_code.h"
#include "resources/embedded_presets.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace collapse {

namespace {

constexpr std::uintmax_t kLargestScenarioFile = 1 << 20;

std::string requiredText(const nlohmann::json& document, const char* key, std::string_view origin)
{
    const auto found = document.find(key);
    if (found == document.end() || !found->is_string()) {
        throw ScenarioError(std::string(origin) + ": needs a text \"" + key + "\"");
    }
    return found->get<std::string>();
}

Preset readPreset(std::string_view name, std::string_view text)
{
    const std::string origin = "preset " + std::string(name);
    const nlohmann::json document = parseJsonDocument(text, origin);
    Preset preset;
    preset.name = name;
    preset.title = requiredText(document, "title", origin);
    preset.summary = requiredText(document, "summary", origin);
    const auto order = document.find("order");
    const auto place = order == document.end() ? std::nullopt : wholeNumberIn(*order, 0, 1000);
    if (!place) {
        throw ScenarioError(origin + ": needs a whole number \"order\" from 0 to 1000, its place in the teaching order");
    }
    preset.order = static_cast<int>(*place);
    const nlohmann::json body = document.contains("compare") ? nlohmann::json{{"compare", document["compare"]}}
                                                             : document.value("scenario", nlohmann::json());
    preset.entries = scenarioEntries(body, origin);
    if (const auto sweep = document.find("sweep"); sweep != document.end()) {
        // Checked in full where it is used (makeSweepPlan); here only its shape.
        SweepPreset grid;
        try {
            for (const auto& vary : sweep->at("vary")) {
                grid.vary.push_back(vary.get<std::string>());
            }
            grid.at = sweep->value("at", std::vector<int>{});
            grid.metric = sweep->at("metric").get<std::string>();
            if (sweep->contains("contour")) {
                grid.contour = sweep->at("contour").get<double>();
            }
        } catch (const nlohmann::json::exception&) {
            throw ScenarioError(origin + ": \"sweep\" needs \"vary\" (KEY=SPEC texts), \"metric\" and may have \"at\" "
                                         "(generations) and \"contour\" (a number)");
        }
        preset.sweep = std::move(grid);
    }
    return preset;
}

} // namespace

std::string plainNameProblem(std::string_view name)
{
    if (name.empty()) {
        return "is empty";
    }
    if (name.size() > 64) {
        return "is longer than 64 characters";
    }
    for (const char c : name) {
        if (c == '/' || c == '\\') {
            return "contains a path separator";
        }
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            return "contains a control character";
        }
        if (c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') {
            return "contains a character file names cannot hold (: * ? \" < > |)";
        }
    }
    if (name.front() == '.') {
        return "starts with a dot";  // . and .. included
    }
    return {};
}

std::string quotedForMessage(std::string_view text)
{
    std::string quoted = "\"";
    for (const char c : text.substr(0, 40)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            static const char* const digits = "0123456789abcdef";
            quoted += "\\x";
            quoted += digits[byte >> 4];
            quoted += digits[byte & 15];
        } else {
            quoted += c;
        }
    }
    return quoted + (text.size() > 40 ? "...\"" : "\"");
}

std::vector<ScenarioEntry> scenarioEntries(const nlohmann::json& document, std::string_view origin)
{
    std::vector<ScenarioEntry> entries;
    if (document.is_object() && document.contains("compare")) {
        const auto& sides = document["compare"];
        if (document.size() != 1 || !sides.is_array() || sides.size() < 2) {
            throw ScenarioError(std::string(origin) +
                                ": a comparison is {\"compare\": [{\"label\": ..., \"scenario\": {...}}, ...]} "
                                "with two or more sides");
        }
        for (const auto& side : sides) {
            if (!side.is_object() || !side.contains("label") || !side["label"].is_string() ||
                !side.contains("scenario")) {
                throw ScenarioError(std::string(origin) + ": every side of a comparison needs a \"label\" and a "
                                                          "\"scenario\"");
            }
            const std::string label = side["label"].get<std::string>();
            // The label names the side's output folder: it must be a plain name, never a path.
            if (const std::string problem = plainNameProblem(label); !problem.empty()) {
                throw ScenarioError(std::string(origin) + ": the comparison's label " + quotedForMessage(label) + " " + problem);
            }
            for (const auto& earlier : entries) {
                if (earlier.label == label) {
                    throw ScenarioError(std::string(origin) + ": two sides of the comparison are labelled " +
                                        quotedForMessage(label) + "; each needs a name of its own");
                }
            }
            entries.push_back({label, side["scenario"]});
        }
    } else {
        entries.push_back({"", document});
    }
    for (const auto& entry : entries) {
        try {
            scenarioFromJson(entry.object);
        } catch (const ScenarioError& error) {
            throw ScenarioError(std::string(origin) + ": " + (entry.label.empty() ? "" : entry.label + ": ") +
                                error.what());
        }
    }
    return entries;
}

const std::vector<Preset>& builtinPresets()
{
    static const std::vector<Preset> presets = [] {
        std::vector<Preset> all;
        for (const auto& file : resources::presetFiles()) {
            all.push_back(readPreset(file.name, file.text));
        }
        std::stable_sort(all.begin(), all.end(), [](const Preset& a, const Preset& b) { return a.order < b.order; });
        return all;
    }();
    return presets;
}

const Preset& presetNamed(std::string_view name)
{
    std::string known;
    for (const auto& preset : builtinPresets()) {
        if (preset.name == name) {
            return preset;
        }
        known += (known.empty() ? "" : ", ") + preset.name;
    }
    throw ScenarioError("unknown preset \"" + std::string(name) + "\" (known: " + known + ")");
}

std::vector<ScenarioEntry> readScenarioFile(const std::filesystem::path& path)
{
    const std::string text = readWholeFile(path, kLargestScenarioFile, "a scenario file");
    return scenarioEntries(parseJsonDocument(text, path.string()), path.string());
}

std::vector<LabelledScenario> resolveScenarios(const ScenarioRequest& request)
{
    std::vector<ScenarioEntry> entries;
    if (int(request.preset.has_value()) + int(request.file.has_value()) + int(request.share.has_value()) > 1) {
        throw ScenarioError(request.share ? "give one of --preset, --scenario and --share, not two"
                                          : "give either --preset or --scenario, not both");
    }
    if (request.preset) {
        entries = presetNamed(*request.preset).entries;
    } else if (request.file) {
        entries = readScenarioFile(*request.file);
    } else if (request.share) {
        entries = sharedEntries(*request.share);
    } else {
        entries.push_back({"", nlohmann::json::object()});
    }
    return resolveEntries(std::move(entries), request.overrides);
}

std::vector<LabelledScenario> resolveEntries(std::vector<ScenarioEntry> entries, const std::vector<Override>& overrides)
{
    std::vector<LabelledScenario> resolved;
    for (auto& entry : entries) {
        // Overriding the model with another one starts from that model's defaults: the keys of the
        // other model would not apply.
        for (const auto& override : overrides) {
            if (override.key != "model") {
                continue;
            }
            if (override.value != entry.object.value("model", nlohmann::json(defaultModel().name))) {
                entry.object = nlohmann::json::object();
            }
            entry.object["model"] = override.value;
        }
        for (const auto& override : overrides) {
            nlohmann::json alone = entry.object;
            alone[override.key] = override.value;
            try {
                scenarioFromJson(alone);
            } catch (const ScenarioError& error) {
                if (override.key == "model" || std::string_view(error.what()).find('"' + override.key + '"') !=
                                                   std::string_view::npos) {
                    throw ScenarioError(override.option + ": " + error.what());
                }
            }
        }
        for (const auto& override : overrides) {
            entry.object[override.key] = override.value;
        }
        resolved.push_back({entry.label, scenarioFromJson(entry.object)});
    }
    return resolved;
}

std::string serializeScenarios(const std::vector<LabelledScenario>& scenarios)
{
    if (scenarios.size() == 1) {
        return serializeScenario(scenarios.front().scenario);
    }
    nlohmann::ordered_json sides = nlohmann::ordered_json::array();
    for (const auto& [label, scenario] : scenarios) {
        sides.push_back({{"label", label}, {"scenario", scenarioToJson(scenario)}});
    }
    return nlohmann::ordered_json{{"compare", sides}}.dump(2) + "\n";
}

} // namespace collapse
