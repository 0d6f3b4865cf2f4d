#pragma once

namespace collapse {

// How a fitted variance divides the squared deviations: by M − 1 (unbiased; the choice of Shumailov et
// al.'s Theorem 3.1) or by M (maximum likelihood, as scikit-learn's GaussianMixture).
enum class Estimator { Unbiased, Mle };

} // namespace collapse
