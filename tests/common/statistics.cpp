#include "tests/common/statistics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace collapse::testing {

double mean(const std::vector<double>& values)
{
    double sum = 0.0;
    for (const double v : values) {
        sum += v;
    }
    return sum / static_cast<double>(values.size());
}

double variance(const std::vector<double>& values)
{
    const double m = mean(values);
    double sum = 0.0;
    for (const double v : values) {
        sum += (v - m) * (v - m);
    }
    return sum / static_cast<double>(values.size() - 1);
}

double standardErrorOfMean(const std::vector<double>& values)
{
    return std::sqrt(variance(values) / static_cast<double>(values.size()));
}

double standardErrorOfVariance(const std::vector<double>& values)
{
    const double m = mean(values);
    double second = 0.0;
    double fourth = 0.0;
    for (const double v : values) {
        const double d2 = (v - m) * (v - m);
        second += d2;
        fourth += d2 * d2;
    }
    const auto n = static_cast<double>(values.size());
    second /= n;
    fourth /= n;
    return std::sqrt((fourth - second * second) / n);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return quantileOfSorted(values, 0.5);
}

double digamma(double x)
{
    double result = 0.0;
    while (x < 10.0) {
        result -= 1.0 / x;
        x += 1.0;
    }
    const double inv2 = 1.0 / (x * x);
    return result + std::log(x) - 0.5 / x -
           inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
}

double trigamma(double x)
{
    double result = 0.0;
    while (x < 10.0) {
        result += 1.0 / (x * x);
        x += 1.0;
    }
    const double inv = 1.0 / x;
    const double inv2 = inv * inv;
    return result + inv + 0.5 * inv2 +
           inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30))));
}

double tetragamma(double x)
{
    double result = 0.0;
    while (x < 10.0) {
        result -= 2.0 / (x * x * x);
        x += 1.0;
    }
    const double inv = 1.0 / x;
    const double inv2 = inv * inv;
    return result - inv2 - inv * inv2 -
           inv2 * inv2 * (0.5 - inv2 * (1.0 / 6 - inv2 * (1.0 / 6 - inv2 * (3.0 / 10 - inv2 * (5.0 / 6)))));
}

RunResults runScenario(const Scenario& scenario)
{
    Engine engine(scenario);
    RunResults results{engine.metricColumns(), {}};
    engine.run([&](GenerationSnapshot&& snapshot) { results.generations.push_back(std::move(snapshot.metrics)); });
    return results;
}

std::vector<double> column(const RunResults& results, int generation, const std::string& name)
{
    const auto found = std::find(results.columns.begin(), results.columns.end(), name);
    if (found == results.columns.end()) {
        throw std::invalid_argument("no metric column " + name);
    }
    const auto index = static_cast<Eigen::Index>(found - results.columns.begin());
    const Eigen::MatrixXd& metrics = results.generations.at(static_cast<std::size_t>(generation));
    return {metrics.col(index).data(), metrics.col(index).data() + metrics.rows()};
}

} // namespace collapse::testing
