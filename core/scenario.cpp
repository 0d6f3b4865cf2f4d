#include "core/scenario.h"

#include "core/model_registry.h"
#include "core/parameter_builders.h"
#include "core/scenario_sources.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <limits>
#include <set>
#include <utility>

namespace collapse {

using nlohmann::json;

namespace {

// The keys every model has, in the order scenario files write them.
const std::vector<ParameterSpec>& commonParameters()
{
    using namespace parameters;
    static const std::vector<ParameterSpec> specs = [] {
        std::vector<ParameterSpec> all;
        ParameterSpec seed = integer("seed", &Scenario::seed, 0, std::numeric_limits<std::uint64_t>::max(),
                                     COLLAPSE_TRANSLATABLE("Parameters", "Seed"),
                                     COLLAPSE_TRANSLATABLE("Parameters", "The same scenario and seed always give the same "
                                                                         "results, byte for byte."));
        seed.editor = ParameterEditor::Seed;
        all.push_back(seed);
        all.push_back(integer("generations", &Scenario::generations, 1, 1'000'000,
                              COLLAPSE_TRANSLATABLE("Parameters", "Generations"),
                              COLLAPSE_TRANSLATABLE("Parameters", "How many times the model is refitted on data made "
                                                                  "by the one before.")));
        all.push_back(integer("replicates", &Scenario::replicates, 1, 100'000,
                              COLLAPSE_TRANSLATABLE("Parameters", "Replicates"),
                              COLLAPSE_TRANSLATABLE("Parameters", "Independent chains run side by side; the charts "
                                                                  "show their median and 10–90% band.")));
        all.push_back(integer("samples", &Scenario::samples, 2, 10'000'000,
                              COLLAPSE_TRANSLATABLE("Parameters", "Sample size"),
                              COLLAPSE_TRANSLATABLE("Parameters", "How many samples each generation trains on. Small "
                                                                  "samples miss rare events, so the tails are "
                                                                  "forgotten first: the statistical approximation "
                                                                  "error.")));
        all.push_back(share("human_fraction", &Scenario::humanFraction, false, 0,
                            COLLAPSE_TRANSLATABLE("Parameters", "Human data"),
                            COLLAPSE_TRANSLATABLE("Parameters", "Share of every generation's training data drawn "
                                                                "fresh from the original, human data. A little real "
                                                                "data in every generation keeps the model near the "
                                                                "original.")));
        all.push_back(choice("policy", &Scenario::policy,
                             {{{"replace", COLLAPSE_TRANSLATABLE("Parameters", "Replace")}, Policy::Replace},
                              {{"accumulate", COLLAPSE_TRANSLATABLE("Parameters", "Accumulate")}, Policy::Accumulate},
                              {{"accumulate_subsample", COLLAPSE_TRANSLATABLE("Parameters", "Accumulate, subsample to M")},
                               Policy::AccumulateSubsample},
                              {{"augment", COLLAPSE_TRANSLATABLE("Parameters", "Augment the real data")}, Policy::Augment}},
                             COLLAPSE_TRANSLATABLE("Parameters", "Data policy"),
                             COLLAPSE_TRANSLATABLE("Parameters", "Replace: train only on the newest generation's data. "
                                                                 "Accumulate: keep all data ever made, which bounds "
                                                                 "the error (Gerstgrasser et al. 2024). Augment: keep "
                                                                 "the real data of generation 0 and add a share of "
                                                                 "synthetic data (Bertrand et al. 2024).")));
        ParameterSpec ratio = real("synthetic_ratio", &Scenario::syntheticRatio, 0.0, false, kLargestSyntheticRatio,
                                   COLLAPSE_TRANSLATABLE("Parameters", "Synthetic ratio"),
                                   COLLAPSE_TRANSLATABLE("Parameters", "With the augment policy: the new data of a "
                                                                       "generation as a multiple of the real data kept. "
                                                                       "Retraining is stable while it is small enough "
                                                                       "(Bertrand et al. 2024)."));
        ratio.decimals = 2;
        all.push_back(ratio);
        ParameterSpec count = integer("synthetic_samples", &Scenario::syntheticSamples, 0, kMostSyntheticSamples,
                                      COLLAPSE_TRANSLATABLE("Parameters", "Synthetic samples"),
                                      COLLAPSE_TRANSLATABLE("Parameters", "With the augment policy: the new data of a "
                                                                          "generation as a count, whatever the real "
                                                                          "data's; 0 leaves it to the synthetic ratio. "
                                                                          "How much synthetic data helps depends on "
                                                                          "how much real data there is (Kazdan et al. "
                                                                          "2024)."));
        count.minimumMeaning = COLLAPSE_TRANSLATABLE("Parameters", "by the ratio");
        all.push_back(count);
        ParameterSpec selection =
            choice("selection", &Scenario::selection,
                   {{{"none", COLLAPSE_TRANSLATABLE("Parameters", "None")}, Selection::None},
                    {{"likelihood", COLLAPSE_TRANSLATABLE("Parameters", "Most likely under the model")}, Selection::Likelihood},
                    {{"biased", COLLAPSE_TRANSLATABLE("Parameters", "Nearest a biased target")}, Selection::Biased}},
                   COLLAPSE_TRANSLATABLE("Parameters", "Selection"),
                   COLLAPSE_TRANSLATABLE("Parameters", "Keep only the best share of more synthetic candidates: the ones "
                                                       "the model finds most likely, as a quality filter does, or the "
                                                       "ones nearest a target off the original's centre (Qiao et al. "
                                                       "2026). Either speeds collapse up."));
        // Scoring by likelihood needs a model's density, by a target samples that are points: a model refuses
        // by name the selections it does not score.
        selection.set = [generic = selection.set](Scenario& scenario, const json& value) {
            const Selection before = scenario.selection;
            generic(scenario, value);
            const ModelDescriptor& model = scenario.model();
            const Selection asked = scenario.selection;
            if (!model.scores(asked)) {
                scenario.selection = before;
                const std::string allowed = model.scoresByLikelihood && model.scoresByTarget ? "\"none\", \"likelihood\" or \"biased\""
                                            : model.scoresByLikelihood ? "\"none\" or \"likelihood\""
                                            : model.scoresByTarget     ? "\"none\" or \"biased\""
                                                                       : "\"none\"";
                throw ScenarioError("\"selection\" must be " + allowed + " for the " + std::string(model.name) +
                                    " model, not " + value.dump() +
                                    (asked == Selection::Likelihood ? ": scoring by likelihood needs a model with a density ("
                                                                    : ": a biased target needs samples that are points (") +
                                    scoringModelList(asked) + ")");
            }
        };
        all.push_back(selection);
        ParameterSpec keep = real("selection_keep", &Scenario::selectionKeep, kSmallestSelectionKeep, false, 1.0,
                                  COLLAPSE_TRANSLATABLE("Parameters", "Selection keeps"),
                                  COLLAPSE_TRANSLATABLE("Parameters", "With selection: the share α of candidates kept. "
                                                                      "A generation draws 1/α candidates for every "
                                                                      "synthetic sample it trains on."));
        keep.decimals = 2;
        keep.set = [generic = keep.set](Scenario& scenario, const json& value) {
            if (!scenario.model().scoresByLikelihood && !scenario.model().scoresByTarget) {
                throw ScenarioError("\"selection_keep\" is the share \"selection\" keeps, which needs a model that "
                                    "scores its samples (" + scoringModelList(Selection::Likelihood) + "); the " +
                                    std::string(scenario.model().name) + " model does not");
            }
            generic(scenario, value);
        };
        all.push_back(keep);
        all.push_back(share("filter_rate", &Scenario::filterRate, false, 0,
                            COLLAPSE_TRANSLATABLE("Parameters", "Filter rate"),
                            COLLAPSE_TRANSLATABLE("Parameters", "Share of synthetic samples recognised, for example by "
                                                                "a watermark, and dropped before training.")));
        ParameterSpec bias = real("sampling_bias", &Scenario::samplingBias, 0.0, true, 1.0,
                                  COLLAPSE_TRANSLATABLE("Parameters", "Sampling bias λ"),
                                  COLLAPSE_TRANSLATABLE("Parameters", "1 samples the model faithfully; below 1 samples "
                                                                      "toward its modes, as low-temperature decoding "
                                                                      "does: the functional approximation error."));
        bias.decimals = 2;
        all.push_back(bias);
        ParameterSpec capacity = integer("capacity", &Scenario::capacity, 1, 4096,
                                         COLLAPSE_TRANSLATABLE("Parameters", "Model capacity"),
                                         COLLAPSE_TRANSLATABLE("Parameters", "How expressive the model is. Too little "
                                                                             "cannot represent the original: the "
                                                                             "functional expressivity error."));
        // The range is the model's (the one above holds every model's): a gaussian has exactly one normal, a
        // text model an order of 1 to 6.
        capacity.set = [generic = capacity.set](Scenario& scenario, const json& value) {
            const CapacityRange& range = scenario.model().capacity;
            if (range.lowest == range.highest && value.is_number_integer() && value != json(range.lowest)) {
                throw ScenarioError("\"capacity\" of the " + std::string(scenario.model().name) + " model is " +
                                    std::to_string(range.lowest) + " (" + std::string(range.meaning) + "), not " +
                                    value.dump());
            }
            generic(scenario, value);
            if (scenario.capacity < range.lowest || scenario.capacity > range.highest) {
                throw ScenarioError("\"capacity\" of the " + std::string(scenario.model().name) + " model is the " +
                                    std::string(range.meaning) + ", from " + std::to_string(range.lowest) + " to " +
                                    std::to_string(range.highest) + ", not " + value.dump());
            }
        };
        all.push_back(capacity);
        return all;
    }();
    return specs;
}

// The model that holds a key, when it is not `model`: for the message "does not apply to model".
bool keyOfAnotherModel(std::string_view key)
{
    return std::any_of(registeredModels().begin(), registeredModels().end(),
                       [key](const ModelDescriptor* model) { return model->findParameter(key) != nullptr; });
}

} // namespace

std::vector<ParameterSpec> parametersOf(const ModelDescriptor& model)
{
    std::vector<ParameterSpec> all = commonParameters();
    // Selection offers what the model scores: a model that scores nothing has no use for its keys, and
    // neither the window nor a scenario file offers them.
    if (!model.scoresByLikelihood && !model.scoresByTarget) {
        std::erase_if(all, [](const ParameterSpec& spec) { return spec.key == "selection" || spec.key == "selection_keep"; });
    }
    for (ParameterSpec& spec : all) {
        if (spec.key == "selection") {
            std::erase_if(spec.choices, [&model](const ParameterChoice& choice) {
                return (choice.name == "likelihood" && !model.scoresByLikelihood) ||
                       (choice.name == "biased" && !model.scoresByTarget);
            });
        }
        if (spec.key == "capacity") {
            spec.integerMin = model.capacity.lowest;
            spec.integerMax = static_cast<std::uint64_t>(model.capacity.highest);
        }
    }
    all.insert(all.end(), model.parameters.begin(), model.parameters.end());
    return all;
}

const ModelDescriptor& Scenario::model() const
{
    return *registeredModels()[settings.index()];
}

Scenario defaultScenario(std::string_view modelName)
{
    return defaultScenario(modelNamed(modelName));
}

Scenario scenarioFromJson(const json& object)
{
    if (!object.is_object()) {
        throw ScenarioError("a scenario must be a JSON object of keys and values, not " +
                            object.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 40));
    }
    const ModelDescriptor* model = &defaultModel();
    if (const auto found = object.find("model"); found != object.end()) {
        model = found->is_string() ? findModel(found->get<std::string>()) : nullptr;
        if (model == nullptr) {
            std::string written = found->dump(-1, ' ', false, json::error_handler_t::replace);
            if (written.size() > 40) {
                written = written.substr(0, 40) + "...";
            }
            throw ScenarioError("\"model\" must be one of " + modelNameList() + ", not " + written);
        }
    }
    Scenario scenario = defaultScenario(*model);
    const std::vector<ParameterSpec>& common = commonParameters();
    for (const auto& [key, value] : object.items()) {
        if (key == "model") {
            continue;
        }
        const auto inCommon = std::find_if(common.begin(), common.end(), [&key = key](const ParameterSpec& spec) { return spec.key == key; });
        const ParameterSpec* spec = inCommon != common.end() ? &*inCommon : model->findParameter(key);
        if (spec == nullptr) {
            if (keyOfAnotherModel(key)) {
                throw ScenarioError("key \"" + key + "\" does not apply to model \"" + std::string(model->name) + "\"");
            }
            throw ScenarioError("unknown key \"" + key + "\"");
        }
        spec->set(scenario, value);
    }
    if (model->complete) {
        model->complete(scenario, object);
    }
    if (model->check) {
        model->check(scenario);
    }
    return scenario;
}

std::optional<std::int64_t> wholeNumberIn(const json& value, std::int64_t lowest, std::int64_t highest)
{
    if (!value.is_number_integer() ||
        (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))) {
        return std::nullopt;
    }
    const auto number = value.get<std::int64_t>();
    if (number < lowest || number > highest) {
        return std::nullopt;
    }
    return number;
}

json parseJsonDocument(std::string_view text, std::string_view origin)
{
    // Nesting is capped before parsing: every later step (copying, comparing, writing) recurses into
    // the document, and a file of nothing but brackets would overflow the stack there.
    if (jsonNestingDepth(text) > kDeepestJsonNesting) {
        throw ScenarioError(std::string(origin) + ": nested more than " + std::to_string(kDeepestJsonNesting) +
                            " levels deep, which no scenario is");
    }
    // A key given twice in one object is refused: the parser would keep the last silently, and
    // "model": "gaussian", …, "model": "text" would run text.
    std::vector<std::set<std::string>> keysSeen;
    std::string duplicate;
    const json::parser_callback_t noteKeys = [&keysSeen, &duplicate](int, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::object_start) {
            keysSeen.emplace_back();
        } else if (event == json::parse_event_t::object_end) {
            keysSeen.pop_back();
        } else if (event == json::parse_event_t::key && !keysSeen.back().insert(parsed.get<std::string>()).second &&
                   duplicate.empty()) {
            duplicate = parsed.get<std::string>();
        }
        return true;
    };
    try {
        json document = json::parse(text.begin(), text.end(), noteKeys);
        if (!duplicate.empty()) {
            throw ScenarioError(std::string(origin) + ": the key " + quotedForMessage(duplicate) +
                                " is given twice in one object; give each key once");
        }
        return document;
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
    } catch (const json::out_of_range&) {
        throw ScenarioError(std::string(origin) + ": holds a number too large for a double (beyond 1.8e308)");
    } catch (const json::exception&) {
        throw ScenarioError(std::string(origin) + ": not a JSON document the program can read");
    }
}

int jsonNestingDepth(std::string_view text)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;  // the escaped character, a quote included
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

bool isValidUtf8(std::string_view text)
{
    // RFC 3629: no overlong forms, no surrogates, nothing beyond U+10FFFF.
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t point = 0;
        if (byte < 0x80) {
            ++i;
            continue;
        } else if ((byte & 0xE0) == 0xC0) {
            length = 2;
            point = byte & 0x1Fu;
        } else if ((byte & 0xF0) == 0xE0) {
            length = 3;
            point = byte & 0x0Fu;
        } else if ((byte & 0xF8) == 0xF0) {
            length = 4;
            point = byte & 0x07u;
        } else {
            return false;
        }
        if (i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                return false;
            }
            point = (point << 6) | (next & 0x3Fu);
        }
        const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (point < smallest[length] || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF)) {
            return false;
        }
        i += length;
    }
    return true;
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
    object["model"] = scenario.model().name;
    for (const ParameterSpec& spec : parametersOf(scenario.model())) {
        object[std::string(spec.key)] = spec.get(scenario);
    }
    return object;
}

std::string serializeScenario(const Scenario& scenario)
{
    return scenarioToJson(scenario).dump(2) + "\n";
}

json jsonFromCommandLineValue(std::string_view value)
{
    if (!isValidUtf8(value)) {
        throw ScenarioError("the value " + std::string(value.size() > 40 ? "starting " : "") + "is not valid UTF-8 text");
    }
    json parsed = json::parse(value.begin(), value.end(), nullptr, false);
    if (parsed.is_discarded()) {
        return json(std::string(value));
    }
    return parsed;
}

} // namespace collapse
