#include "ui/stages/stage_registry.h"

#include "core/model_registry.h"

#include <stdexcept>

namespace collapse::ui {

// Each model's picture, declared in its folder. A new model registers its stage here with one line.
const StageEntry& gaussianStage();
const StageEntry& gmmStage();
const StageEntry& vaeStage();
const StageEntry& catsStage();
const StageEntry& textStage();

const QVector<const StageEntry*>& registeredStages()
{
    static const QVector<const StageEntry*> stages = {&gaussianStage(), &gmmStage(), &vaeStage(), &catsStage(), &textStage()};
    return stages;
}

const StageEntry& stageEntryFor(const Scenario& scenario)
{
    for (const StageEntry* entry : registeredStages()) {
        if (entry->model == scenario.model().name) {
            return *entry;
        }
    }
    throw std::logic_error("no stage is registered for the model \"" + std::string(scenario.model().name) + "\"");
}

} // namespace collapse::ui
