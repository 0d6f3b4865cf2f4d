#include "core/results.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <exception>
#include <limits>
#include <string>
#include <vector>

namespace collapse {

namespace {

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

} // namespace

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

void appendSummaryStatistics(std::string& text, const std::vector<ColumnSummary>& summaries)
{
    for (const ColumnSummary& summary : summaries) {
        for (const double value : {summary.median, summary.q10, summary.q90, summary.mean}) {
            text += ',';
            appendNumber(text, value);
        }
    }
}

std::string summaryCsv(const RunResults& results)
{
    std::string header = "generation" + summaryColumnNames(results.columns) + '\n';
    return joinGenerations(std::move(header), results.generations.size(), [&](std::size_t g, std::string& text) {
        text += std::to_string(g);
        appendSummaryStatistics(text, summariseColumns(results.generations[g]));
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

void RunFileStreams::add(const Eigen::MatrixXd& metrics, const std::vector<ColumnSummary>& summaries)
{
    // Pieces of a few hundred rows each, formatted on every thread and appended in order, so the bytes
    // are the same for any thread count. A piece is appended as soon as those before it are: one
    // thread writes while the others go on formatting.
    constexpr Eigen::Index kRowsAPiece = 256;
    const Eigen::Index pieces = (metrics.rows() + kRowsAPiece - 1) / kRowsAPiece;
    pieces_.resize(static_cast<std::size_t>(pieces));
    std::exception_ptr failure;
#pragma omp parallel for ordered schedule(static, 1)
    for (Eigen::Index piece = 0; piece < pieces; ++piece) {
        // The piece's buffer is taken out while it is written (as in joinGenerations): neighbouring
        // strings share cache lines.
        std::string text = std::move(pieces_[static_cast<std::size_t>(piece)]);
        text.clear();
        appendMetricsRows(text, generation_, metrics, piece * kRowsAPiece, std::min(metrics.rows(), (piece + 1) * kRowsAPiece));
#pragma omp ordered
        {
            try {
                if (!failure) {
                    metrics_.append(text);
                }
            } catch (...) {
                failure = std::current_exception();
            }
        }
        pieces_[static_cast<std::size_t>(piece)] = std::move(text);
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
    std::string summaryRow = std::to_string(generation_);
    appendSummaryStatistics(summaryRow, summaries);
    summaryRow += '\n';
    summary_.append(summaryRow);
    ++generation_;
}

} // namespace collapse
