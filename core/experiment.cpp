#include "core/experiment.h"

#include "core/model_registry.h"
#include "core/scenario.h"

namespace collapse {

std::unique_ptr<Experiment> makeExperiment(const Scenario& scenario)
{
    return scenario.model().makeExperiment(scenario);
}

} // namespace collapse
