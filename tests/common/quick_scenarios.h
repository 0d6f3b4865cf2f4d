#pragma once

#include "core/model_registry.h"
#include "core/scenario.h"
#include "core/scenario_sources.h"

#include <string>
#include <vector>

namespace collapse::testing {

// A scenario of `model` that runs in well under a second: a few small generations of a few chains. A new
// model gets one without being named here; a model whose defaults are slow declares its quick settings
// (ModelDescriptor::quickSettings).
Scenario quickScenario(const ModelDescriptor& model);

// Scenarios of `model` whose every key sits at one end of its range: the smallest values, then the
// largest. Keys whose extreme would break a check that involves other keys keep their default.
std::vector<Scenario> extremeScenarios(const ModelDescriptor& model);

// A Gaussian (the default model) of `generations` generations of `replicates` chains of `samples`,
// under `policy`: the small runs the window's tests watch.
Scenario smallGaussian(int generations, int replicates, int samples, Policy policy = Policy::Replace);

// A built-in preset's scenario: its only one, or side `side` of a comparison.
Scenario presetScenario(const std::string& name, std::size_t side = 0);
// Every side of a built-in preset, with its label.
std::vector<LabelledScenario> presetSides(const std::string& name);

} // namespace collapse::testing
