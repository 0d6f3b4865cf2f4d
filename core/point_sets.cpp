#include "core/point_sets.h"

#include "core/data_error.h"
#include "core/input_files.h"
#include "core/random.h"
#include "core/scenario.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <string>
#include <vector>

namespace collapse {

namespace {

constexpr double kPi = std::numbers::pi;
// A ring mode is kept while a quarter of its share of the points lie within three standard deviations.
constexpr double kKeptModeShare = 0.25;

// The text of a field without the spaces around it.
std::string_view trimmed(std::string_view field)
{
    const auto first = field.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = field.find_last_not_of(" \t\r");
    return field.substr(first, last - first + 1);
}

// A finite number written in full, or nothing.
std::optional<double> finiteNumber(std::string_view text)
{
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || stop != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::optional<PointSet> pointSetNamed(std::string_view name)
{
    if (name == "swiss_roll") {
        return PointSet::SwissRoll;
    }
    if (name == "moons") {
        return PointSet::Moons;
    }
    if (name == "ring") {
        return PointSet::Ring;
    }
    return std::nullopt;
}

Eigen::Vector2d ringCentre(int mode)
{
    const double angle = 2.0 * kPi * mode / kRingModes;
    return {kRingRadius * std::cos(angle), kRingRadius * std::sin(angle)};
}

void drawPointSet(PointSet set, Samples& out, Eigen::Index count, RandomStream& random)
{
    out.resize(2, count);
    for (Eigen::Index i = 0; i < count; ++i) {
        switch (set) {
        case PointSet::SwissRoll: {
            // make_swiss_roll: t = 1.5π (1 + 2u), the point (t cos t, t sin t) with noise; scaled by 1/4.
            const double t = 1.5 * kPi * (1.0 + 2.0 * random.uniform());
            out(0, i) = (t * std::cos(t) + 0.5 * random.normal()) / 4.0;
            out(1, i) = (t * std::sin(t) + 0.5 * random.normal()) / 4.0;
            break;
        }
        case PointSet::Moons: {
            // make_moons, centred and scaled by 2: the upper moon, or the lower one shifted right.
            const double angle = kPi * random.uniform();
            const bool upper = random.uniform() < 0.5;
            const double x = upper ? std::cos(angle) : 1.0 - std::cos(angle);
            const double y = upper ? std::sin(angle) : 0.5 - std::sin(angle);
            out(0, i) = 2.0 * (x - 0.5 + 0.08 * random.normal());
            out(1, i) = 2.0 * (y - 0.25 + 0.08 * random.normal());
            break;
        }
        case PointSet::Ring: {
            const Eigen::Vector2d centre = ringCentre(static_cast<int>(random.below(kRingModes)));
            out(0, i) = centre.x() + kRingSpread * random.normal();
            out(1, i) = centre.y() + kRingSpread * random.normal();
            break;
        }
        }
    }
}

void drawPoints(std::optional<PointSet> set, const Eigen::Matrix2Xd& filePoints, Samples& out, Eigen::Index count,
                RandomStream& random)
{
    if (set) {
        drawPointSet(*set, out, count, random);
        return;
    }
    out.resize(2, count);
    for (Eigen::Index i = 0; i < count; ++i) {
        out.col(i) = filePoints.col(static_cast<Eigen::Index>(random.below(static_cast<std::size_t>(filePoints.cols()))));
    }
}

Samples pointsReference(std::optional<PointSet> set, const Eigen::Matrix2Xd& filePoints, std::uint64_t seed)
{
    RandomStream heldOut(seed, 0, 0, Purpose::HeldOut);
    Samples reference;
    if (set) {
        drawPointSet(*set, reference, kComparedPoints, heldOut);
        return reference;
    }
    std::vector<Eigen::Index> order(static_cast<std::size_t>(filePoints.cols()));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    const Eigen::Index kept = std::min(kComparedPoints, filePoints.cols());
    reference.resize(2, kept);
    for (Eigen::Index i = 0; i < kept; ++i) {
        const std::size_t pick = static_cast<std::size_t>(i) + heldOut.below(order.size() - static_cast<std::size_t>(i));
        std::swap(order[static_cast<std::size_t>(i)], order[pick]);
        reference.col(i) = filePoints.col(order[static_cast<std::size_t>(i)]);
    }
    return reference;
}

double ringModesKept(const Eigen::Ref<const Eigen::MatrixXd>& points)
{
    std::vector<Eigen::Index> near(kRingModes, 0);
    for (Eigen::Index i = 0; i < points.cols(); ++i) {
        int nearest = 0;
        double nearestDistance = std::numeric_limits<double>::infinity();
        for (int mode = 0; mode < kRingModes; ++mode) {
            const double distance = (points.col(i) - ringCentre(mode)).norm();
            if (distance < nearestDistance) {
                nearestDistance = distance;
                nearest = mode;
            }
        }
        near[static_cast<std::size_t>(nearest)] += nearestDistance <= 3.0 * kRingSpread ? 1 : 0;
    }
    const double fairShare = static_cast<double>(points.cols()) / kRingModes;
    return static_cast<double>(std::count_if(near.begin(), near.end(), [&](Eigen::Index count) {
        return static_cast<double>(count) >= kKeptModeShare * fairShare;
    }));
}

bool namesCsvFile(std::string_view path)
{
    constexpr std::string_view kEnding = ".csv";
    return path.size() >= kEnding.size() &&
           std::equal(kEnding.begin(), kEnding.end(), path.end() - static_cast<std::ptrdiff_t>(kEnding.size()),
                      [](char wanted, char given) { return wanted == std::tolower(static_cast<unsigned char>(given)); });
}

Eigen::Matrix2Xd readPointsCsv(const std::filesystem::path& path)
{
    std::string text;
    try {
        text = readWholeFile(path, kLargestPointsFile, "a CSV file of 2-D points");
    } catch (const ScenarioError& error) {
        throw DataError(error.what());
    }
    const std::string name = path.string();
    std::string_view rest(text);
    if (rest.starts_with("\xEF\xBB\xBF")) {
        rest.remove_prefix(3);
    }
    std::vector<double> values;
    for (std::size_t line = 1; !rest.empty(); ++line) {
        const auto newline = rest.find('\n');
        const std::string_view row = trimmed(rest.substr(0, newline));
        rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
        if (row.empty()) {
            continue;
        }
        if (row.find('\0') != std::string_view::npos) {
            throw DataError(name + ": line " + std::to_string(line) + " holds a NUL byte; a CSV file is text");
        }
        const auto comma = row.find(',');
        if (comma == std::string_view::npos || row.find(',', comma + 1) != std::string_view::npos) {
            throw DataError(name + ": line " + std::to_string(line) + " holds " +
                            (comma == std::string_view::npos ? "one value" : "more than two values") +
                            "; a point is two numbers separated by a comma");
        }
        const auto x = finiteNumber(trimmed(row.substr(0, comma)));
        const auto y = finiteNumber(trimmed(row.substr(comma + 1)));
        if (!x || !y) {
            if (line == 1 && !x && !y) {
                continue; // a header naming the columns
            }
            throw DataError(name + ": line " + std::to_string(line) + " holds \"" +
                            std::string(row.substr(0, std::min<std::size_t>(row.size(), 40))) +
                            "\", not two finite numbers");
        }
        if (static_cast<Eigen::Index>(values.size() / 2) >= kMostPoints) {
            throw DataError(name + ": holds more than " + std::to_string(kMostPoints) + " points");
        }
        values.push_back(*x);
        values.push_back(*y);
    }
    const auto points = static_cast<Eigen::Index>(values.size() / 2);
    if (points < kFewestPoints) {
        throw DataError(name + ": holds " + std::to_string(points) + (points == 1 ? " point" : " points") +
                        "; a point set needs at least " + std::to_string(kFewestPoints));
    }
    return Eigen::Map<const Eigen::Matrix2Xd>(values.data(), 2, points);
}

} // namespace collapse
