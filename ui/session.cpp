#include "ui/session.h"

#include "core/data_error.h"
#include "core/output_files.h"
#include "core/scenario.h"
#include "ui/parameter_change.h"
#include "ui/preset_texts.h"

#include <nlohmann/json.hpp>

namespace collapse::ui {

namespace {

// `edited` differs from `before` in some keys: the same keys set on `other` where the two sides shared
// them. The second side of a comparison keeps what makes it different (a drag of the human-data slider in
// human-data-10 moves the first side's value, not both), and follows every shared change.
Scenario withSameChanges(const Scenario& before, const Scenario& edited, const Scenario& other)
{
    const nlohmann::ordered_json from = scenarioToJson(before);
    const nlohmann::ordered_json to = scenarioToJson(edited);
    const nlohmann::ordered_json theirs = scenarioToJson(other);
    nlohmann::json result = nlohmann::json::parse(theirs.dump());
    for (const auto& [key, value] : to.items()) {
        const bool changed = !from.contains(key) || from[key] != value;
        const bool shared = !from.contains(key) || !theirs.contains(key) || theirs[key] == from[key];
        if (changed && shared) {
            result[key] = value;
        }
    }
    return scenarioFromJson(result);
}

} // namespace

ParameterChange::Apply Session::applier()
{
    return [this](const std::vector<LabelledScenario>& sides, bool showInPanel) { apply(sides, showInPanel); };
}

Session::Session(QObject* parent) : QObject(parent), playback_(runs_)
{
    connect(&runs_, &RunController::restarted, &playback_, &Playback::clear);
    connect(&runs_, &RunController::generationArrived, this, &Session::onGenerationArrived);
    playback_.setPlaying(true);
}

Session::~Session()
{
    runs_.stop();
}

void Session::open(const std::vector<LabelledScenario>& scenarios)
{
    emit presetNoteChanged({}, {});
    runs_.setSides(scenarios);
    undo_.clear();
}

void Session::open(const Scenario& scenario)
{
    open(std::vector<LabelledScenario>{{std::string(), scenario}});
}

void Session::openPreset(const std::string& name, const std::vector<Override>& overrides)
{
    ScenarioRequest request;
    request.preset = name;
    request.overrides = overrides;
    open(resolveScenarios(request));
    const Preset& preset = presetNamed(name);
    emit presetNoteChanged(presetTitle(preset), presetSummary(preset));
}

void Session::openFile(const std::filesystem::path& path)
{
    ScenarioRequest request;
    request.file = path;
    openChecked(request);
}

void Session::openShareCode(const std::string& code)
{
    ScenarioRequest request;
    request.share = code;
    openChecked(request);
}

void Session::openChecked(const ScenarioRequest& request)
{
    const std::vector<LabelledScenario> scenarios = resolveScenarios(request);
    for (const LabelledScenario& labelled : scenarios) {
        checkDataFiles(labelled.scenario);
    }
    open(scenarios);
}

void Session::saveFile(const std::filesystem::path& path) const
{
    writeUserFile(path, serializeScenarios(sideScenarios()));
}

void Session::edit(const Scenario& edited)
{
    std::vector<LabelledScenario> after = sideScenarios();
    const Scenario before = after.front().scenario;
    after.front().scenario = edited;
    for (std::size_t i = 1; i < after.size(); ++i) {
        try {
            after[i].scenario = withSameChanges(before, edited, after[i].scenario);
        } catch (const ScenarioError&) {
            // Another model than the other side's: the sides can no longer be compared.
            after.resize(1);
            after.front().label.clear();
        }
    }
    emit presetNoteChanged({}, {});
    undo_.push(new ParameterChange(applier(), sideScenarios(), after));
}

void Session::showFirstSideOnly()
{
    if (sideCount() > 1) {
        undo_.push(new ParameterChange(applier(), sideScenarios(), {{std::string(), scenario(0)}}));
    }
}

void Session::apply(const std::vector<LabelledScenario>& sides, bool showInPanel)
{
    if (showInPanel && static_cast<int>(sides.size()) == sideCount()) {
        emit panelScenarioChanged(sides.front().scenario);
    }
    runs_.changeScenarios(sides);
}

void Session::recomputeAtTheShownGeneration(const std::function<void()>& change)
{
    const int shown = playback_.shown();
    change();
    resumeAt_ = shown;
}

void Session::showChain(int chain)
{
    recomputeAtTheShownGeneration([this, chain] { runs_.setShownChain(chain); });
}

void Session::showManyChains(bool many)
{
    if (many != runs_.manyChains()) {
        recomputeAtTheShownGeneration([this, many] { runs_.setManyChains(many); });
    }
}

void Session::onGenerationArrived()
{
    if (resumeAt_ >= 0 && runs_.availableGenerations() > resumeAt_) {
        playback_.show(resumeAt_);
        resumeAt_ = -1;
    } else if (resumeAt_ < 0 && playback_.shown() < 0 && runs_.availableGenerations() > 0) {
        playback_.show(0);
    }
}

} // namespace collapse::ui
