#pragma once

#include "core/variance_estimator.h"

namespace collapse {

struct ModelDescriptor;

// The gaussian model's own keys (core/models/gaussian/gaussian_model.cpp declares them).
struct GaussianSettings {
    Estimator estimator = Estimator::Unbiased;

    static const ModelDescriptor& descriptor();
    friend bool operator==(const GaussianSettings&, const GaussianSettings&) = default;
};

} // namespace collapse
