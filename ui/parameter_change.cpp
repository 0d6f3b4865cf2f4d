#include "parameter_change.h"

#include "main_window.h"

namespace collapse::ui {

ParameterChange::ParameterChange(MainWindow* window, std::vector<Scenario> before, std::vector<Scenario> after)
    : QUndoCommand(QObject::tr("Change parameters")), window_(window), before_(std::move(before)),
      after_(std::move(after))
{
    sinceLastChange_.start();
}

void ParameterChange::undo()
{
    window_->applySideScenarios(before_);
}

void ParameterChange::redo()
{
    // The first time, the panel already shows the change: it was made there.
    window_->applySideScenarios(after_, applied_);
    applied_ = true;
}

bool ParameterChange::mergeWith(const QUndoCommand* other)
{
    const auto* later = static_cast<const ParameterChange*>(other);
    if (sinceLastChange_.elapsed() > kMergeMs || later->before_ != after_) {
        return false;
    }
    after_ = later->after_;
    sinceLastChange_.start();
    return true;
}

} // namespace collapse::ui
