#include "ui/parameter_change.h"

#include <algorithm>

namespace collapse::ui {

ParameterChange::ParameterChange(Apply apply, std::vector<LabelledScenario> before, std::vector<LabelledScenario> after)
    : QUndoCommand(QObject::tr("parameter change")), apply_(std::move(apply)), before_(std::move(before)),
      after_(std::move(after))
{
    sinceLastChange_.start();
}

void ParameterChange::undo()
{
    apply_(before_, true);
}

void ParameterChange::redo()
{
    // The first time, the panel already shows the change: it was made there.
    apply_(after_, applied_);
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
