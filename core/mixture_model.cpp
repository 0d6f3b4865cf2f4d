#include "core/mixture_model.h"

#include "core/scenario.h"

#include <Eigen/Cholesky>

namespace collapse {

void scoreByBiasedTarget(const Eigen::VectorXd& originalMean, const Eigen::MatrixXd& originalCovariance,
                         const Eigen::Ref<const Samples>& candidates, std::span<double> scores)
{
    Eigen::VectorXd target = originalMean;
    const Eigen::Index moved = (target.size() + 1) / 2;
    target.head(moved) += originalCovariance.diagonal().head(moved).cwiseSqrt();
    // ‖L⁻¹(x − u)‖² with covariance = LLᵀ.
    const Eigen::LLT<Eigen::MatrixXd> cholesky(originalCovariance);
    const Eigen::MatrixXd whitened = cholesky.matrixL().solve(candidates.colwise() - target);
    Eigen::Map<Eigen::VectorXd>(scores.data(), static_cast<Eigen::Index>(scores.size())) =
        -whitened.colwise().squaredNorm().transpose();
}

void scoreMixtureSamples(const MixtureModel& model, const Eigen::VectorXd& originalMean,
                         const Eigen::MatrixXd& originalCovariance, const Eigen::Ref<const Samples>& candidates,
                         Selection selection, std::span<double> scores)
{
    if (selection == Selection::Likelihood) {
        Eigen::Map<Eigen::VectorXd>(scores.data(), static_cast<Eigen::Index>(scores.size())) =
            model.mixture().logDensity(candidates);
    } else {
        scoreByBiasedTarget(originalMean, originalCovariance, candidates, scores);
    }
}

} // namespace collapse
