#pragma once

#include "core/gaussian_mixture.h"
#include "core/samples.h"
#include "core/scenario.h"

namespace collapse {

class RandomStream;

struct EmOptions {
    int components = 2;
    CovarianceType covariance = CovarianceType::Full;
    Estimator estimator = Estimator::Mle;
    double tolerance = 1e-3;   // on the change of mean log-likelihood per sample
    int maxIterations = 100;
    double regCovar = 1e-6;    // added to every covariance's diagonal
};

struct EmReport {
    int iterations = 0;
    bool converged = false;
    double meanLogLikelihood = 0.0;
};

// Fits a Gaussian mixture to the columns of `data` by expectation-maximisation, as scikit-learn's
// GaussianMixture does: k-means++ seeding refined by Lloyd's k-means, then EM with the E-step in log
// space, stopping when the mean log-likelihood changes by less than the tolerance or at the
// iteration cap. Degenerate data (duplicated points, more components than distinct points) gives a
// valid mixture: empty components keep their previous parameters and covariances keep their floor.
GaussianMixture fitGaussianMixture(const Eigen::Ref<const Samples>& data, const EmOptions& options, RandomStream& random,
                                   EmReport* report = nullptr);

// Cluster centres by k-means++ seeding (Arthur & Vassilvitskii, SODA 2007) then Lloyd iterations.
Samples kMeansCentres(const Eigen::Ref<const Samples>& data, int clusters, RandomStream& random);

} // namespace collapse
