#pragma once

#include <Eigen/Core>

namespace collapse {

// A set of data points, one column per point (dimension x count): the layout Eigen's column-major
// matrices make contiguous per point.
using Samples = Eigen::MatrixXd;

} // namespace collapse
