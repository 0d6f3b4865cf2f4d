#pragma once

#include "core/models/cats/cats_settings.h"
#include "core/models/gaussian/gaussian_settings.h"
#include "core/models/gmm/gmm_settings.h"
#include "core/models/text/text_settings.h"
#include "core/models/vae/vae_settings.h"

#include <variant>

namespace collapse {

// Every model Collapse Lab knows, in the order the window lists them. This is the one place a model is
// registered: each alternative's descriptor() (in its folder, core/models/<name>/) tells its name,
// keys, metrics and experiment, and the registry (core/model_registry.h) reads them from this list.
using ModelSettings = std::variant<GaussianSettings, GmmSettings, VaeSettings, CatsSettings, TextSettings>;

} // namespace collapse
