#include "core/minibatch_training.h"

#include "core/cancellation.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <limits>

namespace collapse {

void shuffleOrder(std::vector<Eigen::Index>& order, RandomStream& random)
{
    for (std::size_t i = order.size(); i-- > 1;) {
        std::swap(order[i], order[random.below(i + 1)]);
    }
}

Adam::Adam(Eigen::Index size, double learningRate)
    : firstMoment_(Eigen::VectorXf::Zero(size)), secondMoment_(Eigen::VectorXf::Zero(size)), learningRate_(learningRate)
{
}

void Adam::step(Eigen::VectorXf& parameters, const Eigen::VectorXf& gradientSum, float count)
{
    constexpr float beta1 = 0.9f;
    constexpr float beta2 = 0.999f;
    constexpr float epsilon = 1e-8f;
    ++steps_;
    // Bias correction folded into the step size.
    const double correction = std::sqrt(1.0 - std::pow(double(beta2), steps_)) / (1.0 - std::pow(double(beta1), steps_));
    const auto stepSize = static_cast<float>(learningRate_ * correction);
    // Element by element, so the parts can run on any threads with the same result.
#pragma omp parallel for schedule(static)
    for (int part = 0; part < kParameterParts; ++part) {
        const auto [begin, end] = parameterPart(parameters.size(), part);
        const Eigen::Index n = end - begin;
        auto m = firstMoment_.segment(begin, n);
        auto v = secondMoment_.segment(begin, n);
        const auto g = gradientSum.segment(begin, n).array() / count;
        m.array() = beta1 * m.array() + (1.0f - beta1) * g;
        v.array() = beta2 * v.array() + (1.0f - beta2) * g.square();
        if (weightDecay_ > 0.0) {
            const auto shrink = static_cast<float>(learningRate_ * weightDecay_);
            parameters.segment(begin, n).array() -= shrink * decayed_.segment(begin, n).array() * parameters.segment(begin, n).array();
        }
        parameters.segment(begin, n).array() -= stepSize * m.array() / (v.array().sqrt() + epsilon);
    }
}

void Adam::setWeightDecay(double decay, Eigen::VectorXf decayed)
{
    weightDecay_ = decay;
    decayed_ = std::move(decayed);
}

double partedNorm(const Eigen::VectorXf& values)
{
    double squares[kParameterParts];
#pragma omp parallel for schedule(static)
    for (int part = 0; part < kParameterParts; ++part) {
        const auto [begin, end] = parameterPart(values.size(), part);
        squares[part] = values.segment(begin, end - begin).cast<double>().squaredNorm();
    }
    double sum = 0.0;
    for (const double square : squares) {
        sum += square;
    }
    return std::sqrt(sum);
}

SlicedGradient::SlicedGradient(Eigen::Index size, int slices, std::function<Eigen::VectorXf&(int slice)> sliceGradient)
    : slices_(slices), sliceGradient_(std::move(sliceGradient)), sum_(size)
{
}

float SlicedGradient::compute(Eigen::Index width,
                              const std::function<float(int slice, Eigen::Index begin, Eigen::Index end)>& computeSlice)
{
    // A minibatch is the smallest unit of a network's training, and this is outside its parallel region:
    // the place for a fit to stop when its run is cancelled (core/cancellation.h).
    throwIfCancelled();
    std::vector<float> losses(static_cast<std::size_t>(slices_), 0.0f);
#pragma omp parallel for schedule(static)
    for (int slice = 0; slice < slices_; ++slice) {
        const Eigen::Index begin = width * slice / slices_;
        const Eigen::Index end = width * (slice + 1) / slices_;
        losses[static_cast<std::size_t>(slice)] = computeSlice(slice, begin, end);
    }
    const Eigen::Index size = sum_.size();
    bool partFinite[kParameterParts];
#pragma omp parallel for schedule(static)
    for (int part = 0; part < kParameterParts; ++part) {
        const auto [begin, end] = parameterPart(size, part);
        auto sum = sum_.segment(begin, end - begin);
        sum = sliceGradient_(0).segment(begin, end - begin);
        for (int slice = 1; slice < slices_; ++slice) {
            sum += sliceGradient_(slice).segment(begin, end - begin);
        }
        partFinite[part] = sum.allFinite();
    }
    float loss = losses[0];
    for (int slice = 1; slice < slices_; ++slice) {
        loss += losses[static_cast<std::size_t>(slice)];
    }
    if (!std::isfinite(loss) || !std::all_of(std::begin(partFinite), std::end(partFinite), std::identity())) {
        return std::numeric_limits<float>::quiet_NaN();
    }
    return loss;
}

} // namespace collapse
