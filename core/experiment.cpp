#include "core/experiment.h"

#include "core/model_registry.h"
#include "core/scenario.h"

namespace collapse {

std::unique_ptr<Experiment> makeExperiment(const Scenario& scenario)
{
    return scenario.model().makeExperiment(scenario);
}

void checkDataFiles(const Scenario& scenario)
{
    if (scenario.model().checkData) {
        scenario.model().checkData(scenario);
    }
}

} // namespace collapse
