#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

// Marks a text that the window shows in the user's language. The core keeps the English text; lupdate
// reads the macro as QT_TRANSLATE_NOOP(context, text) (app/CMakeLists.txt), and the window translates it
// with QCoreApplication::translate(context, text).
#define COLLAPSE_TRANSLATABLE(context, text) text

namespace collapse {

struct Scenario;

enum class ParameterType { Integer, Real, Choice, Text };

// How the window's Advanced panel edits a parameter. A hint only: the range is the parameter's own.
enum class ParameterEditor {
    Number,      // a spin box
    Percent,     // a share in [0, 1], shown in percent
    Suggestions, // a drop-down of suggested values (round numbers, the sizes a key takes) that keeps any other
    Seed,        // any 64-bit number, with a button for a new random one
    File,        // a path, chosen with a file dialog
};

struct ParameterChoice {
    std::string_view name;  // as written in scenario files
    std::string_view label; // as the window shows it (translatable, context "Parameters")
};

// One key of a scenario: what it means, its type and range, and how it is read and written. The
// common keys are declared in scenario.cpp, each model's own in its folder (core/models/<name>/); the
// command line, scenario files, the window's Advanced panel and the documentation all read these.
struct ParameterSpec {
    std::string_view key;
    std::string_view label;       // the panel's short name (translatable, context "Parameters")
    std::string_view description; // one plain sentence: the tooltip (translatable, context "Parameters")
    ParameterType type = ParameterType::Integer;
    ParameterEditor editor = ParameterEditor::Number;

    // Integer: [integerMin, integerMax]. Real: [realMin, realMax], or (realMin, realMax] when
    // realMinExclusive.
    std::int64_t integerMin = 0;
    std::uint64_t integerMax = 0;
    double realMin = 0.0;
    double realMax = 0.0;
    bool realMinExclusive = false;
    int decimals = 2;                  // Real: digits the panel shows (of the percentage for Percent)
    std::vector<ParameterChoice> choices;
    std::vector<double> suggestions;   // Suggestions: the values offered
    std::string_view fileFilter;       // File: the dialog's filter
    std::string_view minimumMeaning;   // Integer: what the smallest value stands for ("none"), if special

    // The value as written in a scenario file.
    std::function<nlohmann::ordered_json(const Scenario&)> get;
    // Checks type and range and sets the value; throws ScenarioError naming the key.
    std::function<void(Scenario&, const nlohmann::json&)> set;
    // Whether the value matters for this scenario (the panel greys it out when not); null: always.
    std::function<bool(const Scenario&)> applies;

    // "an integer from 1 to 64", "a number in (0, 1]", "one of full, diag", "a non-empty text".
    std::string rangeText() const;
};

} // namespace collapse
