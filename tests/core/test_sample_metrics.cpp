// The measures of a model of points, against their closed forms: the sliced and Fréchet distances of a
// shifted set, the central region's share, precision and recall of half a ring; and CSV point files read or
// refused by name.

#include "core/data_error.h"
#include "core/point_sets.h"
#include "core/random.h"
#include "core/sample_metrics.h"
#include "tests/common/statistics.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>

using namespace collapse;

namespace {

QString errorOf(const std::function<void()>& attempt)
{
    try {
        attempt();
    } catch (const DataError& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

QString writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& contents)
{
    const QString path = dir.filePath(name);
    std::ofstream(path.toStdString(), std::ios::binary) << contents.toStdString();
    return path;
}

} // namespace

class SampleMetricsTest : public QObject {
    Q_OBJECT

private slots:
    void metricsMeetTheirClosedForms();
    void theSlicedDistancePairsQuantilesOfSetsOfAnySize();
    void precisionAndRecallSeeWhatIsMissing();
    void neighbourRadiiAreTheKthSmallestDistance();
    void pointFilesAreReadOrRefusedByName();
};

void SampleMetricsTest::metricsMeetTheirClosedForms()
{
    RandomStream random(31, 0, 0, Purpose::HeldOut);
    Samples points;
    drawPointSet(PointSet::Moons, points, 3000, random);
    // A shift by v moves every projection by v·d, so SW₂² = E_d[(v·d)²] = |v|²/2 over directions evenly
    // spread on the half circle; the Fréchet distance of a shifted copy is |v|², its covariance the same.
    const Eigen::Vector2d shift(0.6, -0.8);
    const Samples shifted = points.colwise() + shift;
    QVERIFY(std::abs(slicedWasserstein(points, shifted) - shift.norm() / std::sqrt(2.0)) < 1e-9);
    QVERIFY(std::abs(frechetDistance(points, shifted) - shift.squaredNorm()) < 1e-6);
    QVERIFY(std::abs(frechetDistance(points, points)) < 1e-6);
    // The central region holds 95% of its own reference sample.
    const MahalanobisRegion region(points, 0.95);
    COLLAPSE_COMPARE_WITHIN(region.outsideShare(points), 0.05, 1.0 / 3000.0);
    QCOMPARE(region.outsideShare(points * 0.25), 0.0);
}

void SampleMetricsTest::theSlicedDistancePairsQuantilesOfSetsOfAnySize()
{
    // On the line the distance is W₂ itself: {0, 1} against {0, 0, 1, 1} pairs 0 with 0 and 1 with 1.
    Eigen::RowVectorXd two(2), four(4), shifted(4);
    two << 0.0, 1.0;
    four << 0.0, 0.0, 1.0, 1.0;
    QCOMPARE(slicedWasserstein(two, four), 0.0);
    QCOMPARE(slicedWasserstein(four, two), 0.0);
    // Moved by 3, every pair is 3 apart, whichever set is the larger.
    shifted = four.array() + 3.0;
    QVERIFY(std::abs(slicedWasserstein(two, shifted) - 3.0) < 1e-12);
    // The larger set is used whole: 200 points of the moons against 2000 of them lie closer than against
    // their first 200 alone would make it seem, and one projection a direction serves every call.
    RandomStream random(17, 0, 0, Purpose::HeldOut);
    Samples many;
    drawPointSet(PointSet::Moons, many, 2000, random);
    Samples few;
    drawPointSet(PointSet::Moons, few, 200, random);
    const SortedProjections reference(many);
    QCOMPARE(slicedWasserstein(SortedProjections(few), reference), slicedWasserstein(few, many));
    QVERIFY(slicedWasserstein(few, many) < slicedWasserstein(few, many.leftCols(200)));
}

void SampleMetricsTest::precisionAndRecallSeeWhatIsMissing()
{
    RandomStream random(41, 0, 0, Purpose::HeldOut);
    Samples ring;
    drawPointSet(PointSet::Ring, ring, 2000, random);
    Samples again;
    drawPointSet(PointSet::Ring, again, 2000, random);
    const PrecisionRecall same = precisionAndRecall(ring, again);
    QVERIFY2(same.precision > 0.9 && same.recall > 0.9, qPrintable(QStringLiteral("%1 %2").arg(same.precision).arg(same.recall)));
    // Samples from four of the eight modes only: still realistic (precision), half the original missing
    // (recall near one half).
    Samples half(2, 0);
    for (Eigen::Index i = 0; i < again.cols(); ++i) {
        const double angle = std::atan2(again(1, i), again(0, i));
        if (angle > -0.3 && angle < 2.6) {
            half.conservativeResize(2, half.cols() + 1);
            half.col(half.cols() - 1) = again.col(i);
        }
    }
    const PrecisionRecall missing = precisionAndRecall(ring, half);
    QVERIFY2(missing.precision > 0.9, qPrintable(QString::number(missing.precision)));
    QVERIFY2(std::abs(missing.recall - 0.5) < 0.1, qPrintable(QString::number(missing.recall)));
}

void SampleMetricsTest::neighbourRadiiAreTheKthSmallestDistance()
{
    // Against each point's distances sorted in full: 600 points (three blocks, the last one short), some
    // of them repeated, whose repeats are neighbours at distance 0; and k as large as the set allows.
    RandomStream random(21, 0, 0, Purpose::OriginalData);
    Samples points;
    drawPointSet(PointSet::Moons, points, 600, random);
    points.rightCols(20) = points.leftCols(20);
    for (const int k : {1, 3, 599, 1000}) {
        const Eigen::VectorXd radii = kthNeighbourRadii(points, k);
        for (Eigen::Index i = 0; i < points.cols(); i += 7) {
            std::vector<double> distances;
            for (Eigen::Index j = 0; j < points.cols(); ++j) {
                distances.push_back(i == j ? 0.0 : (points.col(i) - points.col(j)).squaredNorm());
            }
            std::sort(distances.begin(), distances.end());
            const double expected = distances[static_cast<std::size_t>(std::min<Eigen::Index>(k, points.cols() - 1))];
            QVERIFY2(std::abs(radii[i] - expected) <= 1e-12 * std::max(1.0, expected),
                     qPrintable(QString("k = %1, point %2: %3 against %4").arg(k).arg(i).arg(radii[i]).arg(expected)));
        }
    }
}

void SampleMetricsTest::pointFilesAreReadOrRefusedByName()
{
    QTemporaryDir dir;
    QByteArray good = "\xEF\xBB\xBFx,y\r\n";
    for (int i = 0; i < 12; ++i) {
        good += QByteArray::number(i) + ", " + QByteArray::number(0.5 * i) + "\r\n";
    }
    const Eigen::Matrix2Xd points = readPointsCsv(writeFile(dir, "good.csv", good).toStdString());
    QCOMPARE(points.cols(), Eigen::Index(12));
    QCOMPARE(points(1, 11), 5.5);
    const struct {
        const char* name;
        QByteArray contents;
        const char* message;
    } bad[] = {
        {"nan.csv", "1,2\n3,nan\n", "line 2 holds \"3,nan\", not two finite numbers"},
        {"one-column.csv", "1\n2\n", "line 1 holds one value"},
        {"three.csv", "1,2,3\n", "line 1 holds more than two values"},
        {"one-row.csv", "1,2\n", "holds 1 point; a point set needs at least 10"},
        {"binary.csv", QByteArray("1,2\n\0\0", 6), "line 2 holds a NUL byte"},
        {"empty.csv", "", "holds 0 points"},
    };
    for (const auto& [name, contents, message] : bad) {
        const QString path = writeFile(dir, name, contents);
        const QString error = errorOf([&] { readPointsCsv(path.toStdString()); });
        QVERIFY2(error.contains(message) && error.contains(name), qPrintable(error));
    }
    QVERIFY(errorOf([&] { readPointsCsv(dir.filePath("absent.csv").toStdString()); }).contains("absent.csv"));
    // A file of a hundred million lines is refused by its size, before a byte of it is read.
    const QString huge = writeFile(dir, "huge.csv", "");
    std::filesystem::resize_file(huge.toStdString(), std::uintmax_t(1) << 31);
    QVERIFY(errorOf([&] { readPointsCsv(huge.toStdString()); }).contains("too large for a CSV file of 2-D points"));
}

QTEST_APPLESS_MAIN(SampleMetricsTest)
#include "test_sample_metrics.moc"
