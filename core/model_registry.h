#pragma once

#include "core/metric.h"
#include "core/parameters.h"

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace collapse {

class Experiment;
enum class Selection;
struct ReproductionExperiment;
struct ReproductionRequest;
struct Scenario;

// The common keys whose defaults differ from model to model.
struct CommonDefaults {
    int samples = 100;
    int generations = 100;
    int replicates = 100;
    int capacity = 1;
};

// What `capacity` means for a model, and the values it may take.
struct CapacityRange {
    int lowest = 1;
    int highest = 1;
    std::string_view meaning; // "a single normal", "mixture components", ...
};

// The metrics that tell, for any model, where its collapse stands.
struct MetricRoles {
    const MetricDescriptor* rarity = nullptr; // what the model keeps of the original's rare events
    const MetricDescriptor* spread = nullptr; // the model's spread, which late collapse takes away
    const MetricDescriptor* headline = nullptr; // the one metric a sweep or a summary shows first
    // How far the model is from the original, where the model measures it: a log-likelihood of real
    // data (higher is nearer) or a distance (lower is nearer). A loss of `noticeableFitLoss` from
    // generation 0 means the model is drifting from the original, `severeFitLoss` that it has lost part
    // of it (a minority cluster, say) or wandered far.
    // A perplexity (lower is nearer) counts as a log-likelihood per word: its loss is ln(now / start).
    enum class FitKind { LogLikelihood, Distance, Perplexity };
    const MetricDescriptor* fit = nullptr;
    FitKind fitKind = FitKind::LogLikelihood;
    double noticeableFitLoss = 0.0;
    double severeFitLoss = 0.0;
    // The share of generation 0's spread below which the variance is gone (late collapse). A model whose
    // spread at the start comes mostly from a minority (the cats' blue) sets it lower, so that losing the
    // minority is not mistaken for losing all variety.
    double collapsedSpread = 1.0 / 3.0;
    // What collapse looks like in this model, for the narration, where the general words do not say it
    // (context "Narration"): drift and early collapse found by the fit (%1: how many times less likely
    // real data has become; %2: the loss in the fit metric's own units), late collapse in full and in the
    // brief form of a comparison.
    std::string_view driftingByFit = {};
    std::string_view earlyCollapseByFit = {};
    std::string_view lateCollapse = {};
    std::string_view lateCollapseBriefly = {};
};

// Everything the program knows of one model: its name, its own keys, its metrics and how to set up its
// experiment. Each model declares one in its folder (core/models/<name>/<name>_model.cpp); the command
// line, scenario files, the window's panel and charts, the contract tests and the documentation read
// them from the registry.
struct ModelDescriptor {
    std::string_view name;  // the `model` key's value
    std::string_view title; // the window's model picker (translatable, context "Models")
    CommonDefaults defaults;
    CapacityRange capacity;
    // Whether a scenario uses the capacity (null: always); the window greys out its slider otherwise.
    std::function<bool(const Scenario&)> capacityApplies;
    // The model's own keys, in the order scenario files write them after the common ones.
    std::vector<ParameterSpec> parameters;
    // The metrics its experiment measures, tail_mass first; metrics.csv has train_size before them.
    std::vector<const MetricDescriptor*> metrics;
    MetricRoles roles;

    // After a file's keys are read: sets what depends on which keys were given (null: nothing).
    std::function<void(Scenario&, const nlohmann::json& given)> complete;
    // Checks that involve more than one key; throws ScenarioError naming them (null: none).
    std::function<void(const Scenario&)> check;
    // After the window changed `key`: the keys that follow it (null: none). A new cluster count, say,
    // starts with equal weights.
    std::function<void(Scenario&, std::string_view key)> follow;
    // The experiment for a valid scenario of this model; throws DataError when its data cannot be read.
    std::function<std::unique_ptr<Experiment>(const Scenario&)> makeExperiment;
    // How many numbers one sample holds (a 2-D point 2, an image 784, a sequence its length), for the
    // memory estimate of a run (null: one).
    std::function<double(const Scenario&)> valuesPerSample;
    // Bytes one chain's fitted models and their training hold beyond its data, for the same estimate (null:
    // few enough to leave out).
    std::function<double(const Scenario&)> modelBytes;
    // Reads the scenario's data files and throws the DataError makeExperiment would, without the rest of
    // the experiment's set-up (null: a model without data files).
    std::function<void(const Scenario&)> checkData;
    // Keys that make a few generations of this model run in well under a second, where its defaults take
    // seconds a generation, as a JSON object (the contract tests run every model so); empty: the defaults
    // are quick.
    std::string_view quickSettings;
    // The model's experiments in `collapselab-cli reproduce` (core/reproduction.h): the paper's settings,
    // its numbers and how to judge ours against them (null: the paper has none for this model).
    std::function<std::vector<ReproductionExperiment>(const ReproductionRequest&)> reproduction;
    // Which selections its experiment scores samples for (Experiment::scoreSamples): by likelihood needs the
    // model's density; by closeness to a biased target, samples that are points in the original's space.
    // The `selection` values a model does not score are refused by name.
    bool scoresByLikelihood = false;
    bool scoresByTarget = false;
    // Whether its experiment scores samples for `selection` (Selection::None: every model).
    bool scores(Selection selection) const;

    // The metric of this name, or null.
    const MetricDescriptor* findMetric(std::string_view metricName) const;
    // The model's own key of this name, or null.
    const ParameterSpec* findParameter(std::string_view key) const;
};

// Every registered model, in the order of ModelSettings (core/models/models.h).
const std::vector<const ModelDescriptor*>& registeredModels();
// The model of a scenario that names none, and of a new window: the first of the list of models.
const ModelDescriptor& defaultModel();
// The model of this name, or null.
const ModelDescriptor* findModel(std::string_view name);
// The model of this name; throws ScenarioError listing the known ones.
const ModelDescriptor& modelNamed(std::string_view name);
// "gaussian, gmm, vae, cats, text".
std::string modelNameList();
// The models whose samples can be scored for `selection`: "gaussian, gmm, kde" for the biased target.
std::string scoringModelList(Selection selection);

// The columns of a run's metrics: train_size, then the model's metrics.
std::vector<std::string_view> metricColumnsOf(const ModelDescriptor& model);

// Every key of a scenario of this model, the common ones first, as scenario files write them; the
// capacity's range is the model's, and selection's keys are there only for a model that scores its samples.
std::vector<ParameterSpec> parametersOf(const ModelDescriptor& model);

} // namespace collapse
