#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace collapse {

enum class ModelKind { Gaussian, Gmm, Vae, Cats };
enum class Policy { Replace, Accumulate, AccumulateSubsample };
enum class Estimator { Unbiased, Mle };
enum class CovarianceType { Full, Diagonal };

// Every parameter of one simulation (../DESIGN.md §1, §3). Defaults depend on the model: see
// defaultScenario(). A Scenario that came out of parseScenario() or defaultScenario() is valid.
struct Scenario {
    ModelKind model = ModelKind::Gaussian;
    std::uint64_t seed = 1;
    int generations = 100;
    int replicates = 100;

    // Training-set construction.
    int samples = 100;
    double humanFraction = 0.0;
    Policy policy = Policy::Replace;
    double filterRate = 0.0;
    double samplingBias = 1.0;

    // The fitted model.
    int capacity = 1;
    Estimator estimator = Estimator::Unbiased;

    // gmm: the original distribution and the EM fit.
    int dim = 2;
    int trueComponents = 1;
    double separation = 3.0;
    double minorityShare = 1.0;
    CovarianceType covariance = CovarianceType::Full;
    double emTol = 1e-3;
    int emMaxIter = 100;
    double regCovar = 1e-6;

    // vae: the images and the training of each generation's network.
    std::string dataset = "fashion-mnist-subset";
    int hidden = 400;
    int epochs = 5;
    int batch = 128;
    double learningRate = 1e-3;
    int minorityClass = -1;  // a class held at minority_share of the real images; -1 for none

    // cats: how strongly each fitted colour is pulled toward the population's mean colour.
    double shrinkage = 0.0;

    friend bool operator==(const Scenario&, const Scenario&) = default;
};

// A problem with a scenario, a preset or a command-line value. The message names the key or file.
class ScenarioError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string_view modelName(ModelKind model);
std::vector<std::string_view> modelNames();
std::optional<ModelKind> modelFromName(std::string_view name);

Scenario defaultScenario(ModelKind model);

// What the parameter panel and `presets` need to know of a key.
struct ParameterInfo {
    std::string_view key;
    std::string_view description;
};
// The keys that apply to a model, in the order they are written.
std::vector<ParameterInfo> parametersOf(ModelKind model);

// Reads a scenario from a JSON object: keys absent take the model's defaults; unknown keys, keys of
// another model, wrong types and out-of-range values throw ScenarioError naming the key.
Scenario scenarioFromJson(const nlohmann::json& object);
// Parses JSON text (a file's contents); `origin` names the file in messages.
Scenario parseScenario(std::string_view text, std::string_view origin);

// The fully resolved scenario: every key that applies to the model, explicit, in a fixed order.
nlohmann::ordered_json scenarioToJson(const Scenario& scenario);
std::string serializeScenario(const Scenario& scenario);

// Parses JSON text; a syntax error throws ScenarioError naming `origin` and the line and column.
nlohmann::json parseJsonDocument(std::string_view text, std::string_view origin);

// Interprets a command-line value ("0.1", "accumulate", "[1,2]"): JSON when it parses, else a string.
nlohmann::json jsonFromCommandLineValue(std::string_view value);

} // namespace collapse
