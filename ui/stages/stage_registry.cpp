#include "ui/stages/stage_registry.h"

#include "core/model_registry.h"

#include <stdexcept>

namespace collapse::ui {

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
