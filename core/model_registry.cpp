#include "core/model_registry.h"

#include "core/scenario.h"

#include <stdexcept>
#include <utility>

namespace collapse {

namespace {

template <std::size_t... Index>
std::vector<const ModelDescriptor*> descriptorsOf(std::index_sequence<Index...>)
{
    return {&std::variant_alternative_t<Index, ModelSettings>::descriptor()...};
}

template <std::size_t... Index>
ModelSettings settingsAt(std::size_t wanted, std::index_sequence<Index...>)
{
    ModelSettings settings;
    ((wanted == Index ? (settings = ModelSettings(std::in_place_index<Index>), true) : false) || ...);
    return settings;
}

constexpr auto kModelIndices = std::make_index_sequence<std::variant_size_v<ModelSettings>>{};

} // namespace

bool ModelDescriptor::scores(Selection selection) const
{
    switch (selection) {
    case Selection::None:
        return true;
    case Selection::Likelihood:
        return scoresByLikelihood;
    case Selection::Biased:
        return scoresByTarget;
    }
    return false;
}

const MetricDescriptor* ModelDescriptor::findMetric(std::string_view metricName) const
{
    for (const MetricDescriptor* metric : metrics) {
        if (metric->name == metricName) {
            return metric;
        }
    }
    return nullptr;
}

const ParameterSpec* ModelDescriptor::findParameter(std::string_view key) const
{
    for (const ParameterSpec& spec : parameters) {
        if (spec.key == key) {
            return &spec;
        }
    }
    return nullptr;
}

const std::vector<const ModelDescriptor*>& registeredModels()
{
    static const std::vector<const ModelDescriptor*> models = descriptorsOf(kModelIndices);
    return models;
}

const ModelDescriptor& defaultModel()
{
    return *registeredModels().front();
}

const ModelDescriptor* findModel(std::string_view name)
{
    for (const ModelDescriptor* model : registeredModels()) {
        if (model->name == name) {
            return model;
        }
    }
    return nullptr;
}

namespace {

// The names of the registered models `included` accepts, in their order, comma-separated.
std::string namesWhere(const std::function<bool(const ModelDescriptor&)>& included)
{
    std::string names;
    for (const ModelDescriptor* model : registeredModels()) {
        if (included(*model)) {
            names += (names.empty() ? "" : ", ") + std::string(model->name);
        }
    }
    return names;
}

} // namespace

std::string modelNameList()
{
    return namesWhere([](const ModelDescriptor&) { return true; });
}

std::string scoringModelList(Selection selection)
{
    return namesWhere([selection](const ModelDescriptor& model) { return model.scores(selection); });
}

const ModelDescriptor& modelNamed(std::string_view name)
{
    if (const ModelDescriptor* model = findModel(name)) {
        return *model;
    }
    throw ScenarioError("unknown model \"" + std::string(name) + "\" (known: " + modelNameList() + ")");
}

std::vector<std::string_view> metricColumnsOf(const ModelDescriptor& model)
{
    std::vector<std::string_view> columns = {common_metrics::trainSize.name};
    for (const MetricDescriptor* metric : model.metrics) {
        columns.push_back(metric->name);
    }
    return columns;
}

Scenario defaultScenario(const ModelDescriptor& model)
{
    const auto& models = registeredModels();
    std::size_t index = 0;
    while (index < models.size() && models[index] != &model) {
        ++index;
    }
    if (index == models.size()) {
        throw std::logic_error("model \"" + std::string(model.name) + "\" is not registered in ModelSettings");
    }
    Scenario scenario;
    scenario.settings = settingsAt(index, kModelIndices);
    scenario.samples = model.defaults.samples;
    scenario.generations = model.defaults.generations;
    scenario.replicates = model.defaults.replicates;
    scenario.capacity = model.defaults.capacity;
    return scenario;
}

} // namespace collapse
