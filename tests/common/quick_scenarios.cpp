#include "tests/common/quick_scenarios.h"

#include "core/scenario_sources.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace collapse::testing {

namespace {

// The smallest or largest value a key takes, as written in a file; null for a text.
nlohmann::json extremeOf(const ParameterSpec& spec, bool largest)
{
    switch (spec.type) {
    case ParameterType::Integer:
        return largest ? nlohmann::json(spec.integerMax) : nlohmann::json(spec.integerMin);
    case ParameterType::Real:
        if (largest) {
            return spec.realMax;
        }
        return spec.realMinExclusive ? std::nextafter(spec.realMin, std::numeric_limits<double>::infinity()) : spec.realMin;
    case ParameterType::Choice:
        return std::string(largest ? spec.choices.back().name : spec.choices.front().name);
    case ParameterType::Text:
        return nullptr;
    }
    return nullptr;
}

} // namespace

Scenario quickScenario(const ModelDescriptor& model)
{
    nlohmann::json object = {{"model", std::string(model.name)}, {"samples", 100}, {"generations", 4}, {"replicates", 3}};
    const nlohmann::json quick = model.quickSettings.empty() ? nlohmann::json::object() : nlohmann::json::parse(model.quickSettings);
    for (const auto& [key, value] : quick.items()) {
        object[key] = value;
    }
    return scenarioFromJson(object);
}

std::vector<Scenario> extremeScenarios(const ModelDescriptor& model)
{
    std::vector<Scenario> scenarios;
    for (const bool largest : {false, true}) {
        nlohmann::json object = nlohmann::json::parse(scenarioToJson(defaultScenario(model)).dump());
        for (const ParameterSpec& spec : parametersOf(model)) {
            const nlohmann::json value = extremeOf(spec, largest);
            if (value.is_null()) {
                continue;
            }
            nlohmann::json tried = object;
            tried[std::string(spec.key)] = value;
            try {
                scenarioFromJson(tried);
                object = tried;
            } catch (const ScenarioError&) {
            }
        }
        scenarios.push_back(scenarioFromJson(object));
    }
    return scenarios;
}

Scenario smallGaussian(int generations, int replicates, int samples, Policy policy)
{
    Scenario scenario = defaultScenario(modelNamed("gaussian"));
    scenario.generations = generations;
    scenario.replicates = replicates;
    scenario.samples = samples;
    scenario.policy = policy;
    return scenario;
}

Scenario presetScenario(const std::string& name, std::size_t side)
{
    return presetSides(name).at(side).scenario;
}

std::vector<LabelledScenario> presetSides(const std::string& name)
{
    ScenarioRequest request;
    request.preset = name;
    return resolveScenarios(request);
}

} // namespace collapse::testing
