#include "core/experiment.h"

#include "core/model_registry.h"
#include "core/scenario.h"

#include <stdexcept>

namespace collapse {

void Experiment::scoreSamples(const FittedModel&, const Eigen::Ref<const Samples>&, Selection, std::span<double>) const
{
    throw std::logic_error("this model does not score its samples for selection");
}

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
