#include "core/lesson.h"

#include "core/column_summary.h"
#include "core/input_files.h"
#include "core/model_registry.h"
#include "core/reproduction.h"
#include "resources/embedded_presets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace collapse {

namespace {

using json = nlohmann::json;

constexpr std::uintmax_t kLargestLessonFile = 1 << 20;

// Reads one lesson's keys, each message naming where it is.
class LessonReader {
public:
    LessonReader(std::string origin) : origin_(std::move(origin)) {}

    [[noreturn]] void fail(const std::string& where, const std::string& what) const
    {
        throw ScenarioError(origin_ + ": " + where + (where.empty() ? "" : ": ") + what);
    }

    void onlyKeys(const json& object, std::initializer_list<std::string_view> known, const std::string& where) const
    {
        for (const auto& [key, unused] : object.items()) {
            if (std::find(known.begin(), known.end(), key) == known.end()) {
                fail(where, "unknown key " + quotedForMessage(key));
            }
        }
    }

    std::string text(const json& object, const char* key, const std::string& where, bool required = true) const
    {
        if (!object.contains(key)) {
            if (required) {
                fail(where, std::string("\"") + key + "\" is missing");
            }
            return {};
        }
        const json& value = object[key];
        if (!value.is_string()) {
            fail(where, std::string("\"") + key + "\" must be text, not " + value.dump().substr(0, 40));
        }
        std::string result = value.get<std::string>();
        checkText(result, std::string("\"") + key + "\"", where);
        return result;
    }

    void checkText(const std::string& value, const std::string& what, const std::string& where) const
    {
        // Characters, not bytes: the text is UTF-8, read as such by the parser.
        const auto characters = static_cast<std::size_t>(
            std::count_if(value.begin(), value.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        if (characters == 0 || characters > kLongestLessonText) {
            fail(where, what + " must be 1 to " + std::to_string(kLongestLessonText) + " characters long, not " +
                            std::to_string(characters));
        }
        if (std::any_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; })) {
            fail(where, what + " holds a control character");
        }
    }

    int generation(const json& step, const char* key, int fallback, int generations, const std::string& where) const
    {
        if (!step.contains(key)) {
            return fallback;
        }
        const json& value = step[key];
        const auto generation = wholeNumberIn(value, 0, generations - 1);
        if (!generation) {
            fail(where, std::string("\"") + key + "\" must be a generation from 0 to " + std::to_string(generations - 1) +
                            " (the run's last), not " + value.dump().substr(0, 40));
        }
        return static_cast<int>(*generation);
    }

private:
    std::string origin_;
};

LessonClaim readClaim(const LessonReader& reader, const json& step, const LessonStep& read, const std::string& where)
{
    if (!step.contains("shows") || !step["shows"].is_object()) {
        reader.fail(where, "\"shows\" is missing: what the run shows at the reveal when the right answer is right, "
                           "{\"metric\": ..., \"is\": \"below\" or \"above\", \"than\": a number, \"start\" or "
                           "\"other side\"}");
    }
    const json& shows = step["shows"];
    const std::string at = where + ": \"shows\"";
    reader.onlyKeys(shows, {"metric", "side", "is", "than", "times"}, at);
    LessonClaim claim;
    claim.metric = reader.text(shows, "metric", at);
    if (shows.contains("side")) {
        const json& side = shows["side"];
        const auto number = wholeNumberIn(side, 1, static_cast<std::int64_t>(read.scenarios.size()));
        if (!number) {
            reader.fail(at, "\"side\" must be from 1 to " + std::to_string(read.scenarios.size()) + ", not " +
                                side.dump().substr(0, 40));
        }
        claim.side = static_cast<int>(*number) - 1;
    }
    const ModelDescriptor& model = read.scenarios[static_cast<std::size_t>(claim.side)].scenario.model();
    if (model.findMetric(claim.metric) == nullptr) {
        std::string names;
        for (const std::string_view name : metricColumnsOf(model)) {
            names += (names.empty() ? "" : ", ") + std::string(name);
        }
        reader.fail(at, "the " + std::string(model.name) + " model measures no " + quotedForMessage(claim.metric) +
                            "; its metrics are " + names);
    }
    const std::string direction = reader.text(shows, "is", at);
    if (direction != "below" && direction != "above") {
        reader.fail(at, "\"is\" must be \"below\" or \"above\", not " + quotedForMessage(direction));
    }
    claim.direction = direction == "below" ? LessonClaim::Direction::Below : LessonClaim::Direction::Above;
    if (!shows.contains("than")) {
        reader.fail(at, "\"than\" is missing");
    }
    const json& than = shows["than"];
    if (than.is_number()) {
        claim.yardstick = LessonClaim::Yardstick::Number;
        claim.value = than.get<double>();
    } else if (than == "start") {
        claim.yardstick = LessonClaim::Yardstick::Start;
    } else if (than == "other side" && read.scenarios.size() == 2) {
        claim.yardstick = LessonClaim::Yardstick::OtherSide;
    } else {
        reader.fail(at, "\"than\" must be a number, \"start\" or, in a comparison of two sides, \"other side\"; not " +
                            than.dump().substr(0, 40));
    }
    if (shows.contains("times")) {
        const json& times = shows["times"];
        if (!times.is_number() || !(times.get<double>() > 0.0) || !std::isfinite(times.get<double>()) ||
            claim.yardstick == LessonClaim::Yardstick::Number) {
            reader.fail(at, "\"times\" is a multiple of \"start\" or \"other side\" above 0, not " + times.dump().substr(0, 40));
        }
        claim.factor = times.get<double>();
    }
    return claim;
}

LessonStep readStep(const LessonReader& reader, const json& step, const std::string& where)
{
    if (!step.is_object()) {
        reader.fail(where, "a step is an object");
    }
    reader.onlyKeys(step, {"preset", "scenario", "set", "start", "reveal", "unlocked", "stage", "question", "answers",
                           "correct", "shows", "explanation"},
                    where);
    LessonStep read;
    read.source = step;
    std::vector<ScenarioEntry> entries;
    if (step.contains("preset") == step.contains("scenario")) {
        reader.fail(where, "a step names either a \"preset\" or a \"scenario\"");
    }
    std::vector<Override> overrides;
    try {
        if (step.contains("preset")) {
            read.preset = reader.text(step, "preset", where);
            const Preset& preset = presetNamed(read.preset);
            if (preset.sweep) {
                reader.fail(where, "the preset " + quotedForMessage(read.preset) + " is a sweep, which a lesson cannot play");
            }
            entries = preset.entries;
        } else {
            entries = scenarioEntries(step["scenario"], "\"scenario\"");
        }
        if (step.contains("set")) {
            if (!step["set"].is_object()) {
                reader.fail(where, "\"set\" is an object of keys and their values");
            }
            for (const auto& [key, value] : step["set"].items()) {
                overrides.push_back({"\"set\": \"" + key + "\"", key, value});
            }
        }
        read.scenarios = resolveEntries(std::move(entries), overrides);
    } catch (const ScenarioError& error) {
        if (std::string_view(error.what()).starts_with(where)) {
            throw;
        }
        reader.fail(where, error.what());
    }
    const int generations = read.scenarios.front().scenario.generations;
    for (const LabelledScenario& side : read.scenarios) {
        if (side.scenario.generations != generations) {
            reader.fail(where, "the sides of the comparison run for different numbers of generations");
        }
    }
    read.start = reader.generation(step, "start", 0, generations, where);
    read.reveal = reader.generation(step, "reveal", generations - 1, generations, where);
    if (read.reveal < read.start) {
        reader.fail(where, "\"reveal\" (" + std::to_string(read.reveal) + ") comes before \"start\" (" +
                               std::to_string(read.start) + ")");
    }
    if (step.contains("unlocked")) {
        const json& unlocked = step["unlocked"];
        if (!unlocked.is_array() || unlocked.size() > 64) {
            reader.fail(where, "\"unlocked\" is a list of the keys a student may change");
        }
        const std::vector<ParameterSpec> keys = parametersOf(read.scenarios.front().scenario.model());
        for (const json& key : unlocked) {
            const std::string name = key.is_string() ? key.get<std::string>() : key.dump().substr(0, 40);
            if (!key.is_string() || std::none_of(keys.begin(), keys.end(), [&name](const ParameterSpec& spec) { return spec.key == name; })) {
                reader.fail(where, "\"unlocked\": the " + std::string(read.scenarios.front().scenario.model().name) +
                                       " model has no key " + quotedForMessage(name));
            }
            if (std::find(read.unlocked.begin(), read.unlocked.end(), name) != read.unlocked.end()) {
                reader.fail(where, "\"unlocked\" names " + quotedForMessage(name) + " twice");
            }
            read.unlocked.push_back(name);
        }
    }
    if (step.contains("stage")) {
        const json& stage = step["stage"];
        const std::string name = stage.is_string() ? stage.get<std::string>() : stage.dump().substr(0, 40);
        if (name == "one-chain") {
            read.stage = StageLayout::OneChain;
        } else if (name == "then-and-now") {
            read.stage = StageLayout::ThenAndNow;
        } else if (name == "many-chains") {
            read.stage = StageLayout::ManyChains;
        } else {
            reader.fail(where, "\"stage\" is \"one-chain\", \"then-and-now\" or \"many-chains\", not " + quotedForMessage(name));
        }
    }
    read.question = reader.text(step, "question", where);
    if (!step.contains("answers") || !step["answers"].is_array() || step["answers"].size() < kFewestAnswers ||
        step["answers"].size() > kMostAnswers) {
        reader.fail(where, "\"answers\" is a list of " + std::to_string(kFewestAnswers) + " to " +
                               std::to_string(kMostAnswers) + " answers to choose from");
    }
    for (std::size_t i = 0; i < step["answers"].size(); ++i) {
        const json& answer = step["answers"][i];
        if (!answer.is_string()) {
            reader.fail(where, "answer " + std::to_string(i + 1) + " must be text");
        }
        read.answers.push_back(answer.get<std::string>());
        reader.checkText(read.answers.back(), "answer " + std::to_string(i + 1), where);
    }
    const auto correct = step.contains("correct") ? wholeNumberIn(step["correct"], 1, static_cast<std::int64_t>(read.answers.size()))
                                                  : std::nullopt;
    if (!correct) {
        reader.fail(where, "\"correct\" is the number of the right answer, from 1 to " + std::to_string(read.answers.size()));
    }
    read.correct = static_cast<int>(*correct) - 1;
    read.shows = readClaim(reader, step, read, where);
    read.explanation = reader.text(step, "explanation", where);
    return read;
}

double medianAt(const RunResults& results, int generation, const std::string& metric)
{
    const std::vector<double> values = valuesAt(results, generation, metric);
    return values.empty() ? std::nan("") : summaryOf(values).median;
}

} // namespace

Lesson parseLesson(std::string_view text, std::string_view origin, std::string name)
{
    const LessonReader reader{std::string(origin)};
    const json document = parseJsonDocument(text, origin);
    if (!document.is_object()) {
        reader.fail("", "a lesson is an object with \"lesson\", \"title\", \"summary\" and \"steps\"");
    }
    reader.onlyKeys(document, {"lesson", "title", "summary", "order", "steps"}, "");
    if (!document.contains("lesson") || document["lesson"] != kLessonFormat) {
        reader.fail("", "\"lesson\" must be " + std::to_string(kLessonFormat) + ", the format this version reads, not " +
                            (document.contains("lesson") ? document["lesson"].dump().substr(0, 40) : std::string("missing")));
    }
    Lesson lesson;
    lesson.name = std::move(name);
    lesson.title = reader.text(document, "title", "");
    lesson.summary = reader.text(document, "summary", "");
    if (document.contains("order")) {
        const auto order = wholeNumberIn(document["order"], 0, 1000);
        if (!order) {
            reader.fail("", "\"order\" is a whole number from 0 to 1000, not " + document["order"].dump().substr(0, 40));
        }
        lesson.order = static_cast<int>(*order);
    }
    if (!document.contains("steps") || !document["steps"].is_array() || document["steps"].empty() ||
        document["steps"].size() > kMostLessonSteps) {
        reader.fail("", "\"steps\" is a list of 1 to " + std::to_string(kMostLessonSteps) + " steps");
    }
    for (std::size_t i = 0; i < document["steps"].size(); ++i) {
        lesson.steps.push_back(readStep(reader, document["steps"][i], "step " + std::to_string(i + 1)));
    }
    return lesson;
}

Lesson readLessonFile(const std::filesystem::path& path)
{
    return parseLesson(readWholeFile(path, kLargestLessonFile, "a lesson file"), path.string(), path.stem().string());
}

std::string serializeLesson(const Lesson& lesson)
{
    nlohmann::ordered_json document;
    document["lesson"] = kLessonFormat;
    document["title"] = lesson.title;
    document["summary"] = lesson.summary;
    document["order"] = lesson.order;
    document["steps"] = nlohmann::ordered_json::array();
    for (const LessonStep& step : lesson.steps) {
        document["steps"].push_back(nlohmann::ordered_json::parse(step.source.dump()));
    }
    return document.dump(2) + "\n";
}

const std::vector<Lesson>& builtinLessons()
{
    static const std::vector<Lesson> lessons = [] {
        std::vector<Lesson> read;
        for (const resources::EmbeddedFile& file : resources::lessonFiles()) {
            read.push_back(parseLesson(file.text, "lesson " + std::string(file.name), std::string(file.name)));
        }
        std::stable_sort(read.begin(), read.end(), [](const Lesson& a, const Lesson& b) { return a.order < b.order; });
        return read;
    }();
    return lessons;
}

Lesson lessonNamed(std::string_view nameOrPath)
{
    for (const Lesson& lesson : builtinLessons()) {
        if (lesson.name == nameOrPath) {
            return lesson;
        }
    }
    if (nameOrPath.ends_with(".json")) {
        return readLessonFile(std::filesystem::path(nameOrPath));
    }
    std::string names;
    for (const Lesson& lesson : builtinLessons()) {
        names += (names.empty() ? "" : ", ") + lesson.name;
    }
    throw ScenarioError("unknown lesson " + quotedForMessage(nameOrPath) + "; the bundled lessons are " + names +
                        ", and a lesson file's name ends in .json");
}

bool stepShowsItsAnswer(const LessonStep& step, const std::vector<RunResults>& sides, std::string& why)
{
    const LessonClaim& claim = step.shows;
    const double shown = medianAt(sides[static_cast<std::size_t>(claim.side)], step.reveal, claim.metric);
    double yardstick = claim.value;
    std::string against = "the number";
    if (claim.yardstick == LessonClaim::Yardstick::Start) {
        yardstick = claim.factor * medianAt(sides[static_cast<std::size_t>(claim.side)], step.start, claim.metric);
        against = "its start's times " + reportNumber(claim.factor);
    } else if (claim.yardstick == LessonClaim::Yardstick::OtherSide) {
        yardstick = claim.factor * medianAt(sides[static_cast<std::size_t>(1 - claim.side)], step.reveal, claim.metric);
        against = "the other side's times " + reportNumber(claim.factor);
    }
    const bool below = claim.direction == LessonClaim::Direction::Below;
    why = claim.metric + " at generation " + std::to_string(step.reveal) + " is " + reportNumber(shown) + ", " +
          against + " " + reportNumber(yardstick) + ", which it must be " + (below ? "below" : "above");
    return below ? shown < yardstick : shown > yardstick;
}

} // namespace collapse
