#pragma once

#include "core/scenario_sources.h"

#include <QElapsedTimer>
#include <QUndoCommand>

#include <functional>
#include <vector>

namespace collapse::ui {

// One change of parameters on the session's undo stack: every side (label and scenario) before and
// after, so that undo also brings back a side that was closed. Changes in quick succession (one
// slider drag) merge into one step.
class ParameterChange : public QUndoCommand {
public:
    // `apply` puts sides on stage; its flag is false when the panel that made the change shows it already.
    using Apply = std::function<void(const std::vector<LabelledScenario>& sides, bool showInPanel)>;
    ParameterChange(Apply apply, std::vector<LabelledScenario> before, std::vector<LabelledScenario> after);

    void undo() override;
    void redo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

    // Changes closer together than this are one step.
    static constexpr int kMergeMs = 600;

private:
    Apply apply_;
    std::vector<LabelledScenario> before_;
    std::vector<LabelledScenario> after_;
    QElapsedTimer sinceLastChange_;
    bool applied_ = false;
};

} // namespace collapse::ui
