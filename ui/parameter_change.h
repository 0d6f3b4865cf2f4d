#pragma once

#include "scenario.h"

#include <QElapsedTimer>
#include <QUndoCommand>

#include <vector>

namespace collapse::ui {

class MainWindow;

// One change of parameters on the window's undo stack: every side's scenario before and after.
// Changes in quick succession (one slider drag) merge into one step.
class ParameterChange : public QUndoCommand {
public:
    ParameterChange(MainWindow* window, std::vector<Scenario> before, std::vector<Scenario> after);

    void undo() override;
    void redo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

    // Changes closer together than this are one step.
    static constexpr int kMergeMs = 600;

private:
    MainWindow* window_;
    std::vector<Scenario> before_;
    std::vector<Scenario> after_;
    QElapsedTimer sinceLastChange_;
    bool applied_ = false;
};

} // namespace collapse::ui
