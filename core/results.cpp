#include "core/results.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <ostream>
#include <sstream>

namespace collapse {

double quantileOfSorted(const std::vector<double>& sorted, double q)
{
    if (sorted.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

ColumnSummary summarise(const Eigen::Ref<const Eigen::VectorXd>& values)
{
    std::vector<double> present;
    present.reserve(static_cast<std::size_t>(values.size()));
    double sum = 0.0;
    for (const double value : values) {
        if (!std::isnan(value)) {
            present.push_back(value);
            sum += value;  // in replicate order, so the mean is the same for any thread count
        }
    }
    const double mean = present.empty() ? std::numeric_limits<double>::quiet_NaN()
                                        : sum / static_cast<double>(present.size());
    std::sort(present.begin(), present.end());
    return {quantileOfSorted(present, 0.5), quantileOfSorted(present, 0.1), quantileOfSorted(present, 0.9), mean};
}

void writeMetricsCsv(std::ostream& out, const RunResults& results)
{
    out << "generation,replicate";
    for (const auto& column : results.columns) {
        out << ',' << column;
    }
    out << '\n';
    for (std::size_t g = 0; g < results.generations.size(); ++g) {
        const Eigen::MatrixXd& metrics = results.generations[g];
        for (Eigen::Index r = 0; r < metrics.rows(); ++r) {
            out << g << ',' << r;
            for (Eigen::Index c = 0; c < metrics.cols(); ++c) {
                out << ',' << formatNumber(metrics(r, c));
            }
            out << '\n';
        }
    }
}

void writeSummaryCsv(std::ostream& out, const RunResults& results)
{
    out << "generation";
    for (const auto& column : results.columns) {
        out << ',' << column << "_median," << column << "_q10," << column << "_q90," << column << "_mean";
    }
    out << '\n';
    for (std::size_t g = 0; g < results.generations.size(); ++g) {
        out << g;
        const Eigen::MatrixXd& metrics = results.generations[g];
        for (Eigen::Index c = 0; c < metrics.cols(); ++c) {
            const ColumnSummary summary = summarise(metrics.col(c));
            out << ',' << formatNumber(summary.median) << ',' << formatNumber(summary.q10) << ','
                << formatNumber(summary.q90) << ',' << formatNumber(summary.mean);
        }
        out << '\n';
    }
}

void addRunFiles(OutputFiles& files, const std::filesystem::path& folder, const RunResults& results,
                 const Scenario& scenario)
{
    std::ostringstream metrics;
    writeMetricsCsv(metrics, results);
    std::ostringstream summary;
    writeSummaryCsv(summary, results);
    files.add(folder / "metrics.csv", metrics.str());
    files.add(folder / "summary.csv", summary.str());
    files.add(folder / "scenario.json", serializeScenario(scenario));
}

} // namespace collapse
