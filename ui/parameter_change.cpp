#include "ui/parameter_change.h"

#include "ui/main_window.h"

#include <algorithm>

namespace collapse::ui {

ParameterChange::ParameterChange(MainWindow* window, std::vector<LabelledScenario> before,
                                 std::vector<LabelledScenario> after)
    : QUndoCommand(QObject::tr("parameter change")), window_(window), before_(std::move(before)),
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
    const auto same = [](const std::vector<LabelledScenario>& a, const std::vector<LabelledScenario>& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
            return x.label == y.label && x.scenario == y.scenario;
        });
    };
    if (sinceLastChange_.elapsed() > kMergeMs || !same(later->before_, after_)) {
        return false;
    }
    after_ = later->after_;
    sinceLastChange_.start();
    return true;
}

} // namespace collapse::ui
