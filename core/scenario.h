#pragma once

#include "core/models/models.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <stdexcept>
#include <optional>
#include <string>
#include <string_view>

namespace collapse {

struct ModelDescriptor;

enum class Policy { Replace, Accumulate, AccumulateSubsample, Augment };

// Which of the previous model's samples a generation keeps (core/README.md, "Selection"): all of them, or
// the best `selection_keep` share of more candidates, by their likelihood under that model or by their
// closeness to a biased target.
enum class Selection { None, Likelihood, Biased };
// The smallest share selection keeps: a generation then draws a hundred candidates for each sample.
inline constexpr double kSmallestSelectionKeep = 0.01;

// The most new data the augment policy adds a generation, as a multiple of the real data it keeps.
inline constexpr double kLargestSyntheticRatio = 10.0;
// The most synthetic samples a generation may add to the real data under augment.
inline constexpr int kMostSyntheticSamples = 10'000'000;

// Every parameter of one simulation (core/README.md): the keys common to all models, and the model's
// own in `settings`, whose type says which model it is. A Scenario that came out of
// scenarioFromJson() or defaultScenario() is valid.
struct Scenario {
    std::uint64_t seed = 1;
    int generations = 100;
    int replicates = 100;

    // Training-set construction.
    int samples = 100;
    double humanFraction = 0.0;
    Policy policy = Policy::Replace;
    double syntheticRatio = 1.0;
    int syntheticSamples = 0; // under augment, the new samples as a count; 0 leaves them to syntheticRatio
    double filterRate = 0.0;
    Selection selection = Selection::None;
    double selectionKeep = 0.1;
    double samplingBias = 1.0;

    // The fitted model's expressivity: its meaning is the model's (ModelDescriptor::capacity).
    int capacity = 1;

    ModelSettings settings;

    const ModelDescriptor& model() const;
    template <typename Settings>
    bool holds() const
    {
        return std::holds_alternative<Settings>(settings);
    }
    // The model's own keys; the scenario must hold that model.
    template <typename Settings>
    Settings& as()
    {
        return std::get<Settings>(settings);
    }
    template <typename Settings>
    const Settings& as() const
    {
        return std::get<Settings>(settings);
    }

    friend bool operator==(const Scenario&, const Scenario&) = default;
};

// A problem with a scenario, a preset or a command-line value. The message names the key or file.
class ScenarioError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The model's defaults: its settings' own, and its CommonDefaults.
Scenario defaultScenario(const ModelDescriptor& model);
// The same for a model named in a file or on the command line; throws ScenarioError for an unknown one.
Scenario defaultScenario(std::string_view modelName);
template <typename Settings>
Scenario defaultScenario()
{
    return defaultScenario(Settings::descriptor());
}

// Reads a scenario from a JSON object: keys absent take the model's defaults; unknown keys, keys of
// another model, wrong types and out-of-range values throw ScenarioError naming the key.
Scenario scenarioFromJson(const nlohmann::json& object);
// Parses JSON text (a file's contents); `origin` names the file in messages.
Scenario parseScenario(std::string_view text, std::string_view origin);

// The fully resolved scenario: every key that applies to the model, explicit, in a fixed order.
nlohmann::ordered_json scenarioToJson(const Scenario& scenario);
std::string serializeScenario(const Scenario& scenario);

// Parses JSON text; a syntax error throws ScenarioError naming `origin` and the line and column, and so
// does a document nested more than kDeepestJsonNesting levels or holding a number beyond a double's range.
nlohmann::json parseJsonDocument(std::string_view text, std::string_view origin);
// A whole number a file holds, if it is one from `lowest` to `highest`: the one path every integer read
// from a file takes, so that none wraps on the way into a narrower type (4294967297 is not 1, and
// 18446744073709551615 is not -1).
std::optional<std::int64_t> wholeNumberIn(const nlohmann::json& value, std::int64_t lowest, std::int64_t highest);
inline constexpr int kDeepestJsonNesting = 64;
// How deeply arrays and objects nest in JSON text (brackets inside strings do not count).
int jsonNestingDepth(std::string_view text);
// Whether `text` is well-formed UTF-8 (RFC 3629).
bool isValidUtf8(std::string_view text);

// Interprets a command-line value ("0.1", "accumulate", "[1,2]"): JSON when it parses, else a string;
// text that is not UTF-8 throws ScenarioError.
nlohmann::json jsonFromCommandLineValue(std::string_view value);

} // namespace collapse
