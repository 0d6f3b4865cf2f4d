#pragma once

#include "core/samples.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace collapse {

class RandomStream;

// The 2-D point sets a lecture can see at once, each about 4 units across.
enum class PointSet {
    SwissRoll, // the roll of scikit-learn's make_swiss_roll seen from above: a spiral arm of 1.5 turns
    Moons,     // scikit-learn's two interleaving half circles
    Ring,      // eight Gaussian modes on a circle, which can be counted as they vanish
};
std::optional<PointSet> pointSetNamed(std::string_view name);

// The ring: kRingModes modes of standard deviation kRingSpread on a circle of radius kRingRadius.
inline constexpr int kRingModes = 8;
inline constexpr double kRingRadius = 2.0;
inline constexpr double kRingSpread = 0.15;
// The centre of ring mode `mode`.
Eigen::Vector2d ringCentre(int mode);

// `count` points of the set into `out` (2 x count).
void drawPointSet(PointSet set, Samples& out, Eigen::Index count, RandomStream& random);
// `count` points of a dataset into `out` (2 x count): the set's, or, when `set` is empty, a CSV file's
// `filePoints` drawn uniformly with replacement.
void drawPoints(std::optional<PointSet> set, const Eigen::Matrix2Xd& filePoints, Samples& out, Eigen::Index count,
                RandomStream& random);

// The metrics of a model of points compare at most this many of its samples with a fixed sample of the
// original of at most as many: k-NN manifolds cost the square of it.
inline constexpr Eigen::Index kComparedPoints = 2000;

// That fixed sample (2 x n): kComparedPoints points of the set drawn from the seed's held-out stream, or
// as many of a CSV file's points (`filePoints`, when `set` is empty) without repeats, since repeated
// points would have k-NN balls of no size.
Samples pointsReference(std::optional<PointSet> set, const Eigen::Matrix2Xd& filePoints, std::uint64_t seed);

// The ring's modes that still hold a quarter of their share of `points` within three of their standard
// deviations: how many of the eight a model still makes.
double ringModesKept(const Eigen::Ref<const Eigen::MatrixXd>& points);

// Whether a dataset names a CSV file (its name ends in .csv, in any case).
bool namesCsvFile(std::string_view path);

// The points a CSV file holds: one point a line, two numbers separated by a comma (a header line of two
// names, a UTF-8 byte-order mark and CRLF line ends are allowed). Throws DataError naming the file, and
// the line, when it is not such a file: a line with one value or three, a value that is not a finite
// number, fewer than kFewestPoints points, more than kMostPoints, or more than kLargestPointsFile bytes.
Eigen::Matrix2Xd readPointsCsv(const std::filesystem::path& path);
inline constexpr Eigen::Index kFewestPoints = 10;
inline constexpr Eigen::Index kMostPoints = 1'000'000;
inline constexpr std::uintmax_t kLargestPointsFile = std::uintmax_t(64) << 20;

} // namespace collapse
