#pragma once

#include "core/scenario_sources.h"
#include "ui/parameter_change.h"
#include "ui/playback.h"
#include "ui/run_controller.h"

#include <QObject>
#include <QUndoStack>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace collapse::ui {

// What is on stage, without any widget: the scenarios (one side, or two in compare mode) and their runs,
// the generation shown, the undo history of parameter changes, and the rule that the other side of a
// comparison follows every change made to the first. The window lays this out and wires its controls to
// it; tests drive it without a window.
class Session : public QObject {
    Q_OBJECT

public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    RunController& runs() { return runs_; }
    const RunController& runs() const { return runs_; }
    Playback& playback() { return playback_; }
    const Playback& playback() const { return playback_; }
    QUndoStack& undoStack() { return undo_; }

    int sideCount() const { return runs_.sideCount(); }
    const Scenario& scenario(int side = 0) const { return runs_.side(side).scenario; }
    const RunHistory& history(int side = 0) const { return runs_.side(side).history; }
    // Every side's label and scenario, as a comparison file holds them.
    std::vector<LabelledScenario> sideScenarios() const { return runs_.sideScenarios(); }

    // Opens scenarios (two make a comparison) and runs them at once; the undo history starts afresh, as
    // for a newly opened document.
    void open(const std::vector<LabelledScenario>& scenarios);
    void open(const Scenario& scenario);
    // Opens a built-in preset that runs (a sweep preset is the sweep window's), comparisons in compare
    // mode, and says its title and summary; `overrides` change keys as on the command line.
    void openPreset(const std::string& name, const std::vector<Override>& overrides = {});
    // Opens a scenario or comparison file; its data files are read first, so that a file that cannot be
    // used (ScenarioError, DataError) leaves everything as it was.
    void openFile(const std::filesystem::path& path);
    // Opens the scenario or comparison of a share code or link (core/share_code.h), as openFile does.
    void openShareCode(const std::string& code);
    // Writes the scenario (or comparison) as the command line reads it, into a folder that exists;
    // throws std::runtime_error naming what failed.
    void saveFile(const std::filesystem::path& path) const;

    // The first side's scenario as the panel edited it: the other side of a comparison takes the same
    // changed keys and keeps what makes it different; edited into another model, the comparison ends.
    // One step on the undo stack (a slider's drag merges into one).
    void edit(const Scenario& edited);
    // Ends a comparison, keeping its first side (one step on the undo stack).
    void showFirstSideOnly();
    // Sides from the undo stack, restarted after RunController::kRestartDelayMs. `showInPanel` is false
    // when the panel made the change itself and shows it already.
    void apply(const std::vector<LabelledScenario>& sides, bool showInPanel);

    // Another chain on stage (counted from 0): the runs are computed again, with the same numbers, and
    // the stage returns to the generation it showed once that generation is back.
    void showChain(int chain);
    // The many-chains view's chains drawn small, or not (RunController::setManyChains), in the same way.
    void showManyChains(bool many);

signals:
    // The panel is to show this scenario (undo and redo change what it shows).
    void panelScenarioChanged(const Scenario& scenario);
    // A preset opened (its title and summary) or the scenario became something else (both empty).
    void presetNoteChanged(const QString& title, const QString& summary);

private:
    // Opens what `request` names once every side's data files have been read, so that a scenario that
    // cannot be used leaves everything as it was.
    void openChecked(const ScenarioRequest& request);
    // The undo stack's way back to apply().
    ParameterChange::Apply applier();
    // The first generation of a run goes on stage as soon as it arrives, or the one to return to.
    void onGenerationArrived();

    RunController runs_;
    Playback playback_;
    QUndoStack undo_;
    // The generation to return to once a recomputed run reaches it again (another chain on stage).
    // Runs `change`, which recomputes the runs (another chain on stage, the chains drawn small), and
    // returns to the generation shown once it is back.
    void recomputeAtTheShownGeneration(const std::function<void()>& change);
    int resumeAt_ = -1;
};

} // namespace collapse::ui
