#include "core/column_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace collapse {

namespace {

// Linear interpolation between neighbouring order statistics; equal neighbours (two infinities, say)
// give themselves rather than ∞ - ∞.
double interpolate(double lower, double upper, double fraction)
{
    return lower == upper ? lower : lower + fraction * (upper - lower);
}

// The median, q10 and q90 of `values` as quantileOfSorted gives them, by selecting the order statistics
// they need (O(n)) instead of sorting (O(n log n)); `values` is reordered. Once the median's order
// statistic is in place, everything below it is smaller and everything above larger, so the lower
// quantile is selected among the lower half only and the upper among the upper half.
struct Quantiles {
    double median, q10, q90;
};

Quantiles selectQuantiles(std::vector<double>& values)
{
    const auto begin = values.begin();
    const std::size_t n = values.size();
    const auto at = [&](std::size_t index) { return begin + static_cast<std::ptrdiff_t>(index); };
    const auto positionOf = [n](double q) { return q * static_cast<double>(n - 1); };
    const auto belowOf = [](double position) { return static_cast<std::size_t>(std::floor(position)); };

    const double midPosition = positionOf(0.5);
    const std::size_t mid = belowOf(midPosition);
    std::nth_element(begin, at(mid), values.end());
    const double midValue = values[mid];
    const double aboveMid = mid + 1 < n ? *std::min_element(at(mid + 1), values.end()) : midValue;
    // The quantile whose lower order statistic is the median's.
    const auto besideMedian = [&](double position) {
        return interpolate(midValue, aboveMid, position - static_cast<double>(mid));
    };

    const double lowPosition = positionOf(0.1);
    const std::size_t low = belowOf(lowPosition);
    double q10 = 0.0;
    if (low == mid) {
        q10 = besideMedian(lowPosition);
    } else {
        std::nth_element(begin, at(low), at(mid));
        const double next = low + 1 < mid ? *std::min_element(at(low + 1), at(mid)) : midValue;
        q10 = interpolate(values[low], next, lowPosition - static_cast<double>(low));
    }

    const double highPosition = positionOf(0.9);
    const std::size_t high = belowOf(highPosition);
    double q90 = 0.0;
    if (high == mid) {
        q90 = besideMedian(highPosition);
    } else {
        std::nth_element(at(mid + 1), at(high), values.end());
        const double next = high + 1 < n ? *std::min_element(at(high + 1), values.end()) : values[high];
        q90 = interpolate(values[high], next, highPosition - static_cast<double>(high));
    }
    return {besideMedian(midPosition), q10, q90};
}

} // namespace

double quantileOfSorted(const std::vector<double>& sorted, double q)
{
    if (sorted.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return interpolate(sorted[below], sorted[above], position - static_cast<double>(below));
}

ColumnSummary summarise(const Eigen::Ref<const Eigen::VectorXd>& values)
{
    std::vector<double> present;
    present.reserve(static_cast<std::size_t>(values.size()));
    double sum = 0.0;
    double smallest = std::numeric_limits<double>::infinity();
    double largest = -std::numeric_limits<double>::infinity();
    for (const double value : values) {
        if (!std::isnan(value)) {
            present.push_back(value);
            sum += value;  // in replicate order, so the mean is the same for any thread count
            smallest = std::min(smallest, value);
            largest = std::max(largest, value);
        }
    }
    if (present.empty()) {
        const double none = std::numeric_limits<double>::quiet_NaN();
        return {none, none, none, none};
    }
    const double mean = sum / static_cast<double>(present.size());
    // A column every replicate agrees on (a training-set size, a count) has every quantile equal to
    // its value, and needs no selection.
    if (smallest == largest) {
        return {smallest, smallest, smallest, mean};
    }
    const Quantiles quantiles = selectQuantiles(present);
    return {quantiles.median, quantiles.q10, quantiles.q90, mean};
}

std::vector<ColumnSummary> summariseColumns(const Eigen::MatrixXd& metrics)
{
    std::vector<ColumnSummary> summaries;
    summaries.reserve(static_cast<std::size_t>(metrics.cols()));
    for (Eigen::Index c = 0; c < metrics.cols(); ++c) {
        summaries.push_back(summarise(metrics.col(c)));
    }
    return summaries;
}

} // namespace collapse
