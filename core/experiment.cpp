#include "experiment.h"

#include "cats_experiment.h"
#include "mixture_experiments.h"
#include "vae_experiment.h"

namespace collapse {

std::unique_ptr<Experiment> makeExperiment(const Scenario& scenario)
{
    switch (scenario.model) {
    case ModelKind::Gaussian:
        return std::make_unique<GaussianExperiment>(scenario);
    case ModelKind::Gmm:
        return std::make_unique<GmmExperiment>(scenario);
    case ModelKind::Vae:
        return std::make_unique<VaeExperiment>(scenario);
    case ModelKind::Cats:
        return std::make_unique<CatsExperiment>(scenario);
    }
    return nullptr;
}

} // namespace collapse
