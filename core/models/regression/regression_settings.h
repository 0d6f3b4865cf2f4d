#pragma once

namespace collapse {

struct ModelDescriptor;

// The regression model's own keys (core/models/regression/regression_model.cpp declares them): d features
// and the label noise σ; the design's T rows are the common key `samples`.
struct RegressionSettings {
    int features = 10;
    double noise = 1.0;

    static const ModelDescriptor& descriptor();
    friend bool operator==(const RegressionSettings&, const RegressionSettings&) = default;
};

} // namespace collapse
