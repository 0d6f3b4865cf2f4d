#pragma once

#include <Eigen/Core>

#include <vector>

namespace collapse {

// Per generation and column, across replicates (core/README.md). NaN values are left out; a statistic
// with no value left is NaN.
struct ColumnSummary {
    double median, q10, q90, mean;
};
ColumnSummary summarise(const Eigen::Ref<const Eigen::VectorXd>& values);

// The q-quantile by linear interpolation between order statistics (Hyndman & Fan's type 7, NumPy's
// default). `sorted` must be sorted and free of NaN.
double quantileOfSorted(const std::vector<double>& sorted, double q);
// summarise() of every column of `metrics` (one row per replicate).
std::vector<ColumnSummary> summariseColumns(const Eigen::MatrixXd& metrics);

} // namespace collapse
