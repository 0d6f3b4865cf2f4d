#pragma once

#include "core/variance_estimator.h"

namespace collapse {

struct ModelDescriptor;

enum class CovarianceType { Full, Diagonal };

// The gmm model's own keys: the original mixture and the EM fit (core/models/gmm/gmm_model.cpp declares
// them). The defaults are scikit-learn's GaussianMixture's, which the paper's experiment used.
struct GmmSettings {
    Estimator estimator = Estimator::Mle;
    int dim = 2;
    int trueComponents = 1;
    double separation = 3.0;
    double minorityShare = 1.0;
    CovarianceType covariance = CovarianceType::Full;
    double emTol = 1e-3;
    int emMaxIter = 100;
    double regCovar = 1e-6;

    static const ModelDescriptor& descriptor();
    friend bool operator==(const GmmSettings&, const GmmSettings&) = default;
};

} // namespace collapse
