#include "core/mixture_model.h"

#include "core/scenario.h"

#include <Eigen/Cholesky>

namespace collapse {

void scoreMixtureSamples(const MixtureModel& model, const GaussianMixture& original, const Eigen::Ref<const Samples>& candidates,
                         Selection selection, std::span<double> scores)
{
    Eigen::Map<Eigen::VectorXd> out(scores.data(), static_cast<Eigen::Index>(scores.size()));
    if (selection == Selection::Likelihood) {
        out = model.mixture().logDensity(candidates);
        return;
    }
    const Eigen::MatrixXd covariance = original.overallCovariance();
    Eigen::VectorXd target = original.overallMean();
    const Eigen::Index moved = (target.size() + 1) / 2;
    target.head(moved) += covariance.diagonal().head(moved).cwiseSqrt();
    // ‖L⁻¹(x − u)‖² with covariance = LLᵀ.
    const Eigen::LLT<Eigen::MatrixXd> cholesky(covariance);
    const Eigen::MatrixXd whitened = cholesky.matrixL().solve(candidates.colwise() - target);
    out = -whitened.colwise().squaredNorm().transpose();
}

} // namespace collapse
