#include "core/results.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

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

// `header`, then the text `formatGeneration(g, text)` writes for every generation g, formatted in
// parallel, each generation into a text of its own, and joined in order: the bytes are the same for
// any thread count.
template <typename Format>
std::string joinGenerations(std::string header, std::size_t generations, const Format& formatGeneration)
{
    std::vector<std::string> texts(generations);
#pragma omp parallel for schedule(dynamic, 8)
    for (std::size_t g = 0; g < generations; ++g) {
        // Formatted into a string of this thread's own: neighbouring strings of `texts` share cache
        // lines, and every append to one would move them away from the other thread.
        std::string text;
        formatGeneration(g, text);
        texts[g] = std::move(text);
    }
    std::size_t size = header.size();
    for (const std::string& text : texts) {
        size += text.size();
    }
    header.reserve(size);
    for (const std::string& text : texts) {
        header += text;
    }
    return header;
}

const char* const kMetricsFile = "metrics.csv";
const char* const kSummaryFile = "summary.csv";
const char* const kScenarioFile = "scenario.json";

std::string metricsCsvHeader(const std::vector<std::string>& columns)
{
    std::string header = "generation,replicate";
    for (const auto& column : columns) {
        header += ',' + column;
    }
    return header + '\n';
}

// metrics.csv's rows of replicates [first, last) of one generation. Each row is put together in a buffer
// and appended once: appending field by field costs a copy call for every comma.
void appendMetricsRows(std::string& text, std::size_t generation, const Eigen::MatrixXd& metrics, Eigen::Index first,
                       Eigen::Index last)
{
    const std::string generationText = std::to_string(generation) + ',';
    constexpr std::size_t kLongestIndexText = 20;
    std::vector<char> row(generationText.size() + kLongestIndexText +
                          static_cast<std::size_t>(metrics.cols()) * (1 + kLongestNumberText) + 1);
    char* const rowEnd = row.data() + row.size();
    for (Eigen::Index r = first; r < last; ++r) {
        char* end = std::copy(generationText.begin(), generationText.end(), row.data());
        end = std::to_chars(end, rowEnd, r).ptr;
        for (Eigen::Index c = 0; c < metrics.cols(); ++c) {
            *end++ = ',';
            end = writeNumber(end, metrics(r, c));
        }
        *end++ = '\n';
        text.append(row.data(), end);
    }
}

void appendColumnSummary(std::string& text, const Eigen::Ref<const Eigen::VectorXd>& values)
{
    const ColumnSummary summary = summarise(values);
    for (const double value : {summary.median, summary.q10, summary.q90, summary.mean}) {
        text += ',';
        appendNumber(text, value);
    }
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
    for (const double value : values) {
        if (!std::isnan(value)) {
            present.push_back(value);
            sum += value;  // in replicate order, so the mean is the same for any thread count
        }
    }
    if (present.empty()) {
        const double none = std::numeric_limits<double>::quiet_NaN();
        return {none, none, none, none};
    }
    const double mean = sum / static_cast<double>(present.size());
    const Quantiles quantiles = selectQuantiles(present);
    return {quantiles.median, quantiles.q10, quantiles.q90, mean};
}

std::string metricsCsv(const RunResults& results)
{
    return joinGenerations(metricsCsvHeader(results.columns), results.generations.size(),
                           [&](std::size_t g, std::string& text) {
                               const Eigen::MatrixXd& metrics = results.generations[g];
                               appendMetricsRows(text, g, metrics, 0, metrics.rows());
                           });
}

std::string summaryColumnNames(const std::vector<std::string>& columns)
{
    std::string names;
    for (const auto& column : columns) {
        for (const char* statistic : {"_median", "_q10", "_q90", "_mean"}) {
            names += ',' + column + statistic;
        }
    }
    return names;
}

void appendSummaryStatistics(std::string& text, const Eigen::MatrixXd& metrics)
{
    for (Eigen::Index c = 0; c < metrics.cols(); ++c) {
        appendColumnSummary(text, metrics.col(c));
    }
}

std::string summaryCsv(const RunResults& results)
{
    std::string header = "generation" + summaryColumnNames(results.columns) + '\n';
    return joinGenerations(std::move(header), results.generations.size(), [&](std::size_t g, std::string& text) {
        text += std::to_string(g);
        appendSummaryStatistics(text, results.generations[g]);
        text += '\n';
    });
}

void addRunFiles(OutputFiles& files, const std::filesystem::path& folder, const RunResults& results,
                 const Scenario& scenario)
{
    files.add(folder / kMetricsFile, metricsCsv(results));
    files.add(folder / kSummaryFile, summaryCsv(results));
    files.add(folder / kScenarioFile, serializeScenario(scenario));
}

RunFileStreams::RunFileStreams(OutputFiles& files, const std::filesystem::path& folder,
                               const std::vector<std::string>& columns, const Scenario& scenario)
    : metrics_(files.stream(folder / kMetricsFile)), summary_(files.stream(folder / kSummaryFile))
{
    metrics_.append(metricsCsvHeader(columns));
    summary_.append("generation" + summaryColumnNames(columns) + '\n');
    files.add(folder / kScenarioFile, serializeScenario(scenario));
}

void RunFileStreams::add(const Eigen::MatrixXd& metrics)
{
    // Pieces of a few hundred rows each, then one per column's summary; formatted on every thread and
    // appended in order, so the bytes are the same for any thread count.
    constexpr Eigen::Index kRowsAPiece = 256;
    const Eigen::Index rowPieces = (metrics.rows() + kRowsAPiece - 1) / kRowsAPiece;
    const Eigen::Index pieces = rowPieces + metrics.cols();
    pieces_.resize(static_cast<std::size_t>(pieces));
#pragma omp parallel for schedule(dynamic, 1)
    for (Eigen::Index piece = 0; piece < pieces; ++piece) {
        // The piece's buffer is taken out while it is written (as in joinGenerations): neighbouring
        // strings share cache lines.
        std::string text = std::move(pieces_[static_cast<std::size_t>(piece)]);
        text.clear();
        if (piece < rowPieces) {
            appendMetricsRows(text, generation_, metrics, piece * kRowsAPiece,
                              std::min(metrics.rows(), (piece + 1) * kRowsAPiece));
        } else {
            appendColumnSummary(text, metrics.col(piece - rowPieces));
        }
        pieces_[static_cast<std::size_t>(piece)] = std::move(text);
    }
    for (Eigen::Index piece = 0; piece < rowPieces; ++piece) {
        metrics_.append(pieces_[static_cast<std::size_t>(piece)]);
    }
    std::string summaryRow = std::to_string(generation_);
    for (Eigen::Index piece = rowPieces; piece < pieces; ++piece) {
        summaryRow += pieces_[static_cast<std::size_t>(piece)];
    }
    summaryRow += '\n';
    summary_.append(summaryRow);
    ++generation_;
}

} // namespace collapse
