#pragma once

// The regression model: linear regression y = xᵀw + σε on a fixed design, each generation refitting
// ordinary least squares to labels made by the previous fit (Dohmatob, Feng & Kempe 2024, "Model
// collapse demystified: the case of regression"; Gerstgrasser et al. 2024, "Is model collapse
// inevitable?"). core/README.md, "regression", derives what the tests check.

#include "core/experiment.h"
#include "core/metric.h"
#include "core/models/regression/regression_settings.h"

#include <Eigen/Core>

namespace collapse {

namespace regression_metrics {

inline constexpr MetricDescriptor testError{
    "test_error", COLLAPSE_TRANSLATABLE("Metrics", "Test error"),
    "Mean squared error of the fit's predictions against the true noise-free labels at fresh inputs, ‖ŵ − w*‖²; "
    "σ²d/(T − d − 1) a fit to real data.",
    0.0};
inline constexpr MetricDescriptor labelStd{
    "label_std", COLLAPSE_TRANSLATABLE("Metrics", "Label spread"),
    "Standard deviation of the labels the fit makes at fresh inputs, √(‖ŵ‖² + σ²); the original's is √(1 + σ²).",
    0.0};
inline constexpr MetricDescriptor firstWeight{
    "weight_1", COLLAPSE_TRANSLATABLE("Metrics", "First coefficient"),
    "The fit's coefficient of the first feature, ŵ₁; the truth's is 1/√d."};

} // namespace regression_metrics

// A fitted linear model: coefficients ŵ and the label noise σ it writes with.
class RegressionModel final : public FittedModel {
public:
    RegressionModel(Eigen::VectorXd weights, double noise, Eigen::Index designRows);
    const Eigen::VectorXd& weights() const { return weights_; }
    double noise() const { return noise_; }
    // Labels at the replicate's design inputs, row i of the design for sample i (cycling through its T
    // rows); `samplingBias` λ scales the noise's variance.
    void sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const override;

private:
    Eigen::VectorXd weights_;
    double noise_;
    Eigen::Index designRows_;
};

class RegressionExperiment : public Experiment {
public:
    explicit RegressionExperiment(const Scenario& scenario);

    // The truth w* = (1, …, 1)/√d: unit length, so the original's labels have variance 1 + σ².
    static Eigen::VectorXd trueWeights(int features);
    // The replicate's design, d × T standard normal inputs, from the stream's Purpose::Design sibling:
    // the same for every generation of a replicate, whichever stream asks.
    static Eigen::MatrixXd designOf(const RandomStream& random, int features, Eigen::Index rows);

    // T real labelled points at the design's inputs (cycling through it past T).
    void drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const override;
    // Ordinary least squares, the minimum-norm solution where the training set has fewer points than
    // features or repeats too few of them to fix every coefficient.
    std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const override;
    void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                 std::span<double> values) const override;

private:
    int features_;
    double noise_;
    Eigen::Index designRows_;
    Eigen::VectorXd trueWeights_;
};

// Labels at the design's inputs, row i mod T for sample i: `weights` xᵢ plus `noiseSd` times a normal.
void labelDesign(Samples& out, Eigen::Index count, const Eigen::VectorXd& weights, double noiseSd, Eigen::Index designRows,
                 RandomStream& random);

} // namespace collapse
