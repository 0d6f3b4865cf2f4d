#include "scenario.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <limits>
#include <utility>

namespace collapse {

using nlohmann::json;

namespace {

constexpr std::array kModels = {
    std::pair{ModelKind::Gaussian, std::string_view{"gaussian"}},
    std::pair{ModelKind::Gmm, std::string_view{"gmm"}},
    std::pair{ModelKind::Vae, std::string_view{"vae"}},
    std::pair{ModelKind::Cats, std::string_view{"cats"}},
};

using ModelSet = unsigned;
constexpr ModelSet bit(ModelKind model) { return 1u << static_cast<unsigned>(model); }
constexpr ModelSet kAllModels = ~0u;
constexpr ModelSet kGaussian = bit(ModelKind::Gaussian);
constexpr ModelSet kGmm = bit(ModelKind::Gmm);
constexpr ModelSet kVae = bit(ModelKind::Vae);
constexpr ModelSet kCats = bit(ModelKind::Cats);

std::string inQuotes(std::string_view key) { return "\"" + std::string(key) + "\""; }

// The offending value as it was written, shortened so the message stays one line.
std::string shown(const json& value)
{
    std::string text = value.dump();
    constexpr std::size_t limit = 40;
    if (text.size() > limit) {
        text = text.substr(0, limit) + "...";
    }
    return text;
}

std::string numberText(double value)
{
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

struct ParameterSpec {
    std::string_view key;
    std::string_view description;
    ModelSet models;
    std::function<void(Scenario&, const json&)> read;
    std::function<nlohmann::ordered_json(const Scenario&)> write;
};

template <typename Integer>
ParameterSpec integerParameter(std::string_view key, Integer Scenario::*member, std::uint64_t min, std::uint64_t max,
                               ModelSet models, std::string_view description)
{
    return {key, description, models,
            [=](Scenario& scenario, const json& value) {
                const std::string range = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
                if (!value.is_number_integer()) {
                    throw ScenarioError(inQuotes(key) + " must be " + range + ", not " + shown(value));
                }
                const bool negative = value.is_number_integer() && !value.is_number_unsigned() && value.get<std::int64_t>() < 0;
                if (negative || value.get<std::uint64_t>() < min || value.get<std::uint64_t>() > max) {
                    throw ScenarioError(inQuotes(key) + " must be " + range + ", not " + shown(value));
                }
                scenario.*member = static_cast<Integer>(value.get<std::uint64_t>());
            },
            [=](const Scenario& scenario) { return nlohmann::ordered_json(scenario.*member); }};
}

ParameterSpec signedIntegerParameter(std::string_view key, int Scenario::*member, int min, int max, ModelSet models,
                                     std::string_view description)
{
    return {key, description, models,
            [=](Scenario& scenario, const json& value) {
                const std::string range = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
                if (!value.is_number_integer() || value.get<std::int64_t>() < min || value.get<std::int64_t>() > max) {
                    throw ScenarioError(inQuotes(key) + " must be " + range + ", not " + shown(value));
                }
                scenario.*member = static_cast<int>(value.get<std::int64_t>());
            },
            [=](const Scenario& scenario) { return nlohmann::ordered_json(scenario.*member); }};
}

ParameterSpec textParameter(std::string_view key, std::string Scenario::*member, ModelSet models,
                            std::string_view description)
{
    return {key, description, models,
            [=](Scenario& scenario, const json& value) {
                if (!value.is_string() || value.get<std::string>().empty()) {
                    throw ScenarioError(inQuotes(key) + " must be a non-empty text, not " + shown(value));
                }
                scenario.*member = value.get<std::string>();
            },
            [=](const Scenario& scenario) { return nlohmann::ordered_json(scenario.*member); }};
}

// A real parameter in [min, max], or (min, max] when minExclusive.
ParameterSpec realParameter(std::string_view key, double Scenario::*member, double min, bool minExclusive, double max,
                            ModelSet models, std::string_view description)
{
    return {key, description, models,
            [=](Scenario& scenario, const json& value) {
                const std::string range = "a number in " + std::string(minExclusive ? "(" : "[") + numberText(min) + ", " +
                                          numberText(max) + "]";
                if (!value.is_number()) {
                    throw ScenarioError(inQuotes(key) + " must be " + range + ", not " + shown(value));
                }
                const double number = value.get<double>();
                const bool belowMin = minExclusive ? !(number > min) : !(number >= min);
                if (belowMin || !(number <= max)) {
                    throw ScenarioError(inQuotes(key) + " must be " + range + ", not " + shown(value));
                }
                scenario.*member = number;
            },
            [=](const Scenario& scenario) { return nlohmann::ordered_json(scenario.*member); }};
}

template <typename Enum>
ParameterSpec choiceParameter(std::string_view key, Enum Scenario::*member,
                              std::vector<std::pair<std::string_view, Enum>> choices, ModelSet models,
                              std::string_view description)
{
    std::string names;
    for (const auto& [name, unused] : choices) {
        names += (names.empty() ? "" : ", ") + std::string(name);
    }
    return {key, description, models,
            [=](Scenario& scenario, const json& value) {
                if (value.is_string()) {
                    for (const auto& [name, choice] : choices) {
                        if (value.get<std::string>() == name) {
                            scenario.*member = choice;
                            return;
                        }
                    }
                }
                throw ScenarioError(inQuotes(key) + " must be one of " + names + ", not " + shown(value));
            },
            [=](const Scenario& scenario) {
                for (const auto& [name, choice] : choices) {
                    if (scenario.*member == choice) {
                        return nlohmann::ordered_json(name);
                    }
                }
                return nlohmann::ordered_json();
            }};
}

const std::vector<ParameterSpec>& parameterSpecs()
{
    static const std::vector<ParameterSpec> specs = {
        integerParameter("seed", &Scenario::seed, 0, std::numeric_limits<std::uint64_t>::max(), kAllModels,
                         "Random seed: the same scenario and seed give the same results, byte for byte."),
        integerParameter("generations", &Scenario::generations, 1, 1'000'000, kAllModels,
                         "How many times the model is refitted on data made by the one before."),
        integerParameter("replicates", &Scenario::replicates, 1, 100'000, kAllModels,
                         "Independent chains run side by side; charts show their median and 10-90% band."),
        integerParameter("samples", &Scenario::samples, 2, 10'000'000, kAllModels,
                         "Training-set size M per generation: small samples lose the tails (statistical error)."),
        realParameter("human_fraction", &Scenario::humanFraction, 0.0, false, 1.0, kAllModels,
                      "Share of each training set drawn fresh from the original, human data."),
        choiceParameter("policy", &Scenario::policy,
                        {{"replace", Policy::Replace},
                         {"accumulate", Policy::Accumulate},
                         {"accumulate_subsample", Policy::AccumulateSubsample}},
                        kAllModels,
                        "replace: train on this generation's data only; accumulate: keep all data ever made; "
                        "accumulate_subsample: subsample the accumulated pool to M."),
        realParameter("filter_rate", &Scenario::filterRate, 0.0, false, 1.0, kAllModels,
                      "Share of synthetic samples recognised (say by a watermark) and dropped before training."),
        realParameter("sampling_bias", &Scenario::samplingBias, 0.0, true, 1.0, kAllModels,
                      "1 samples the model faithfully; below 1 samples mode-seeking, as LLM decoding does "
                      "(functional approximation error)."),
        integerParameter("capacity", &Scenario::capacity, 1, 64, kAllModels,
                         "The model's expressivity: mixture components, or the VAE's latent width (functional "
                         "expressivity error)."),
        choiceParameter("estimator", &Scenario::estimator,
                        {{"unbiased", Estimator::Unbiased}, {"mle", Estimator::Mle}}, kGaussian | kGmm,
                        "Variance estimator: unbiased (divides by M-1) or maximum likelihood (divides by M)."),
        integerParameter("dim", &Scenario::dim, 1, 2, kGmm, "Dimension of the data: 1 or 2."),
        integerParameter("true_components", &Scenario::trueComponents, 1, 8, kGmm,
                         "Clusters of the original distribution."),
        realParameter("separation", &Scenario::separation, 0.0, true, 100.0, kGmm,
                      "Distance of the original clusters' centres from the origin, in cluster standard deviations."),
        realParameter("minority_share", &Scenario::minorityShare, 0.0, true, 1.0, kGmm | kVae | kCats,
                      "gmm: weight of the original's last cluster, the others sharing the rest equally; vae: "
                      "share of minority_class among the real images; cats: share of blue cats."),
        choiceParameter("covariance", &Scenario::covariance,
                        {{"full", CovarianceType::Full}, {"diag", CovarianceType::Diagonal}}, kGmm,
                        "Covariance of each fitted component: full or diagonal."),
        realParameter("em_tol", &Scenario::emTol, 0.0, true, 1.0, kGmm,
                      "EM stops when the mean log-likelihood per sample changes by less than this."),
        integerParameter("em_max_iter", &Scenario::emMaxIter, 1, 100'000, kGmm, "EM iteration cap."),
        realParameter("reg_covar", &Scenario::regCovar, 0.0, true, 1.0, kGmm,
                      "Floor added to every covariance's diagonal, so a collapsed component stays a density."),
        textParameter("dataset", &Scenario::dataset, kVae,
                      "fashion-mnist-subset (bundled) or the path of an MNIST-format image file (IDX, optionally "
                      "gzip)."),
        integerParameter("hidden", &Scenario::hidden, 1, 4096, kVae, "Width of the VAE's hidden layers."),
        integerParameter("epochs", &Scenario::epochs, 1, 1000, kVae, "Training epochs of each generation's VAE."),
        integerParameter("batch", &Scenario::batch, 1, 65536, kVae, "Minibatch size of the VAE's training."),
        realParameter("learning_rate", &Scenario::learningRate, 0.0, true, 1.0, kVae, "Adam's learning rate."),
        signedIntegerParameter("minority_class", &Scenario::minorityClass, -1, 255, kVae,
                               "A class of the real images held at minority_share, to watch it disappear; -1 "
                               "for none."),
        realParameter("shrinkage", &Scenario::shrinkage, 0.0, false, 1000.0, kCats,
                      "Pull of each fitted cat colour toward the population's mean colour, in cats: 0 fits "
                      "faithfully; more turns a rare colour into the common one."),
    };
    return specs;
}

const ParameterSpec* findSpec(std::string_view key)
{
    for (const auto& spec : parameterSpecs()) {
        if (spec.key == key) {
            return &spec;
        }
    }
    return nullptr;
}

// Checks that involve more than one key.
void validateTogether(const Scenario& scenario)
{
    if (scenario.model == ModelKind::Gaussian && scenario.capacity != 1) {
        throw ScenarioError("\"capacity\" of the gaussian model is 1 (a single normal), not " +
                            std::to_string(scenario.capacity));
    }
    if (scenario.model == ModelKind::Gmm && scenario.trueComponents == 1 && scenario.minorityShare != 1.0) {
        throw ScenarioError("\"minority_share\" needs \"true_components\" of 2 or more");
    }
}

} // namespace

std::string_view modelName(ModelKind model)
{
    for (const auto& [kind, name] : kModels) {
        if (kind == model) {
            return name;
        }
    }
    return {};
}

std::vector<std::string_view> modelNames()
{
    std::vector<std::string_view> names;
    for (const auto& entry : kModels) {
        names.push_back(entry.second);
    }
    return names;
}

std::optional<ModelKind> modelFromName(std::string_view name)
{
    for (const auto& [kind, known] : kModels) {
        if (known == name) {
            return kind;
        }
    }
    return std::nullopt;
}

Scenario defaultScenario(ModelKind model)
{
    Scenario scenario;
    scenario.model = model;
    switch (model) {
    case ModelKind::Gaussian:
        break;
    case ModelKind::Gmm:
        // scikit-learn's GaussianMixture defaults, which the paper's experiment used.
        scenario.capacity = 2;
        scenario.estimator = Estimator::Mle;
        scenario.samples = 1000;
        scenario.replicates = 10;
        break;
    case ModelKind::Cats:
        // The press coverage's cats: 90% yellow, 10% blue, a hundred of them, two colours to fit.
        scenario.capacity = 2;
        scenario.minorityShare = 0.1;
        scenario.replicates = 200;
        break;
    case ModelKind::Vae:
        // Kingma & Welling's 784-400-20 network, trained with Adam at 1e-3 on batches of 128.
        scenario.capacity = 20;
        scenario.samples = 5000;
        scenario.generations = 10;
        scenario.replicates = 1;
        scenario.minorityShare = 0.02;
        break;
    }
    return scenario;
}

std::vector<ParameterInfo> parametersOf(ModelKind model)
{
    std::vector<ParameterInfo> result;
    for (const auto& spec : parameterSpecs()) {
        if (spec.models & bit(model)) {
            result.push_back({spec.key, spec.description});
        }
    }
    return result;
}

Scenario scenarioFromJson(const json& object)
{
    if (!object.is_object()) {
        throw ScenarioError("a scenario must be a JSON object of keys and values, not " + shown(object));
    }
    ModelKind model = ModelKind::Gaussian;
    if (const auto found = object.find("model"); found != object.end()) {
        std::string names;
        for (const auto name : modelNames()) {
            names += (names.empty() ? "" : ", ") + std::string(name);
        }
        const auto kind = found->is_string() ? modelFromName(found->get<std::string>()) : std::nullopt;
        if (!kind) {
            throw ScenarioError("\"model\" must be one of " + names + ", not " + shown(*found));
        }
        model = *kind;
    }
    Scenario scenario = defaultScenario(model);
    for (const auto& [key, value] : object.items()) {
        if (key == "model") {
            continue;
        }
        const ParameterSpec* spec = findSpec(key);
        if (spec == nullptr) {
            throw ScenarioError("unknown key " + inQuotes(key));
        }
        if (!(spec->models & bit(model))) {
            throw ScenarioError("key " + inQuotes(key) + " does not apply to model \"" + std::string(modelName(model)) +
                                "\"");
        }
        spec->read(scenario, value);
    }
    // Equal weights unless a minority is asked for.
    if (model == ModelKind::Gmm && !object.contains("minority_share")) {
        scenario.minorityShare = 1.0 / scenario.trueComponents;
    }
    validateTogether(scenario);
    return scenario;
}

json parseJsonDocument(std::string_view text, std::string_view origin)
{
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& error) {
        // Report the place as line and column; the parser's own text may quote binary garbage.
        const std::size_t offset = std::min<std::size_t>(error.byte > 0 ? error.byte - 1 : 0, text.size());
        const auto before = text.substr(0, offset);
        const auto line = 1 + std::count(before.begin(), before.end(), '\n');
        const auto lastBreak = before.rfind('\n');
        const auto column = offset - (lastBreak == std::string_view::npos ? 0 : lastBreak + 1) + 1;
        const bool atEnd = offset >= text.size();
        throw ScenarioError(std::string(origin) + ": not valid JSON " +
                            (atEnd ? std::string("(it ends too early)")
                                   : "(line " + std::to_string(line) + ", column " + std::to_string(column) + ")"));
    }
}

Scenario parseScenario(std::string_view text, std::string_view origin)
{
    const json document = parseJsonDocument(text, origin);
    try {
        return scenarioFromJson(document);
    } catch (const ScenarioError& error) {
        throw ScenarioError(std::string(origin) + ": " + error.what());
    }
}

nlohmann::ordered_json scenarioToJson(const Scenario& scenario)
{
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    object["model"] = modelName(scenario.model);
    for (const auto& spec : parameterSpecs()) {
        if (spec.models & bit(scenario.model)) {
            object[std::string(spec.key)] = spec.write(scenario);
        }
    }
    return object;
}

std::string serializeScenario(const Scenario& scenario)
{
    return scenarioToJson(scenario).dump(2) + "\n";
}

json jsonFromCommandLineValue(std::string_view value)
{
    json parsed = json::parse(value.begin(), value.end(), nullptr, false);
    if (parsed.is_discarded()) {
        return json(std::string(value));
    }
    return parsed;
}

} // namespace collapse
