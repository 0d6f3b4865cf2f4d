// The counter-based random streams: reproducible from their key alone, independent across keys, and
// with the right distributions (tolerances of four standard errors).

#include "core/random.h"
#include "tests/common/statistics.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <numbers>

using namespace collapse;
using namespace collapse::testing;

class RandomTest : public QObject {
    Q_OBJECT

private slots:
    void sameKeyGivesSameNumbers();
    void aSiblingIsTheStreamOfItsKey();
    void everyKeyPartChangesTheStream_data();
    void everyKeyPartChangesTheStream();
    void uniformMoments();
    void normalMoments();
    void normalsAreBoxMullerToTheLastDigits();
    void blockNormalsEqualOneAtATime_data();
    void blockNormalsEqualOneAtATime();
    void labelledNormalsEqualOneAtATime_data();
    void labelledNormalsEqualOneAtATime();
    void belowIsUniform();
    void categoricalFollowsWeights();
};

void RandomTest::sameKeyGivesSameNumbers()
{
    RandomStream a(42, 3, 7, Purpose::ModelSamples);
    RandomStream b(42, 3, 7, Purpose::ModelSamples);
    for (int i = 0; i < 1000; ++i) {
        QCOMPARE(a.nextU32(), b.nextU32());
    }
    QCOMPARE(a.normal(), b.normal());
}

void RandomTest::aSiblingIsTheStreamOfItsKey()
{
    // A seed beyond 32 bits, so that both halves of the key must come across.
    const std::uint64_t seed = 0x123456789abcdefULL;
    RandomStream drawn(seed, 7, 3, Purpose::ModelSamples);
    drawn.nextU64(); // where a stream has got to does not matter
    RandomStream sibling = drawn.sibling(0, Purpose::Design);
    RandomStream expected(seed, 7, 0, Purpose::Design);
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(sibling.nextU32(), expected.nextU32());
    }
}

void RandomTest::everyKeyPartChangesTheStream_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<quint32>("replicate");
    QTest::addColumn<quint32>("generation");
    QTest::addColumn<int>("purpose");
    QTest::addRow("seed low word") << quint64(2) << 0u << 0u << int(Purpose::OriginalData);
    QTest::addRow("seed high word") << (quint64(1) << 32 | 1) << 0u << 0u << int(Purpose::OriginalData);
    QTest::addRow("replicate") << quint64(1) << 1u << 0u << int(Purpose::OriginalData);
    QTest::addRow("generation") << quint64(1) << 0u << 1u << int(Purpose::OriginalData);
    QTest::addRow("purpose") << quint64(1) << 0u << 0u << int(Purpose::ModelSamples);
}

void RandomTest::everyKeyPartChangesTheStream()
{
    QFETCH(quint64, seed);
    QFETCH(quint32, replicate);
    QFETCH(quint32, generation);
    QFETCH(int, purpose);
    RandomStream reference(1, 0, 0, Purpose::OriginalData);
    RandomStream other(seed, replicate, generation, static_cast<Purpose>(purpose));
    int equal = 0;
    for (int i = 0; i < 64; ++i) {
        equal += reference.nextU32() == other.nextU32() ? 1 : 0;
    }
    QVERIFY(equal <= 1);
}

void RandomTest::uniformMoments()
{
    RandomStream random(9, 0, 0, Purpose::Fitting);
    constexpr int n = 200000;
    std::vector<double> values(n);
    for (double& v : values) {
        v = random.uniform();
        QVERIFY(v >= 0.0 && v < 1.0);
    }
    // U(0, 1): mean 1/2, variance 1/12.
    COLLAPSE_COMPARE_WITHIN(mean(values), 0.5, 4.0 * std::sqrt(1.0 / 12.0 / n));
    COLLAPSE_COMPARE_WITHIN(variance(values), 1.0 / 12.0, 4.0 * standardErrorOfVariance(values));
}

void RandomTest::normalMoments()
{
    RandomStream random(10, 0, 0, Purpose::Fitting);
    constexpr int n = 200000;
    std::vector<double> values(n);
    double fourth = 0.0;
    int beyond196 = 0;
    for (double& v : values) {
        v = random.normal();
        fourth += v * v * v * v;
        beyond196 += std::abs(v) > 1.959963984540054 ? 1 : 0;
    }
    COLLAPSE_COMPARE_WITHIN(mean(values), 0.0, 4.0 / std::sqrt(double(n)));
    // Var(s²) = (μ4 - σ⁴)/n = 2/n for a normal; E[z⁴] = 3 with Var(z⁴) = 105 - 9 = 96.
    COLLAPSE_COMPARE_WITHIN(variance(values), 1.0, 4.0 * std::sqrt(2.0 / n));
    COLLAPSE_COMPARE_WITHIN(fourth / n, 3.0, 4.0 * std::sqrt(96.0 / n));
    // The tails: 5% beyond ±1.96.
    COLLAPSE_COMPARE_WITHIN(double(beyond196) / n, 0.05, 4.0 * std::sqrt(0.05 * 0.95 / n));
}

void RandomTest::normalsAreBoxMullerToTheLastDigits()
{
    // Our own vectorisable log and sincos against libm's, through the transform itself: the same words
    // give √(-2 ln u1)·(cos 2πu2, sin 2πu2). libm rounds 2πu2 once before its cosine (up to 9e-16 of
    // angle) and both sides may be off by an ulp or two: 1e-14 of the radius is far inside a wrong
    // coefficient's error and far outside rounding.
    RandomStream words(13, 0, 0, Purpose::ModelSamples);
    RandomStream normals(13, 0, 0, Purpose::ModelSamples);
    for (int i = 0; i < 100000; ++i) {
        const double u1 = 1.0 - words.uniform();
        const double u2 = words.uniform();
        const double radius = std::sqrt(-2.0 * std::log(u1));
        const double angle = 2.0 * std::numbers::pi * u2;
        const double tolerance = 1e-14 * std::max(1.0, radius);
        const double first = normals.normal();
        const double second = normals.normal();
        if (std::abs(first - radius * std::cos(angle)) > tolerance ||
            std::abs(second - radius * std::sin(angle)) > tolerance) {
            QFAIL(qPrintable(QStringLiteral("u1 = %1, u2 = %2: (%3, %4) instead of (%5, %6)")
                                 .arg(u1, 0, 'g', 17).arg(u2, 0, 'g', 17).arg(first, 0, 'g', 17)
                                 .arg(second, 0, 'g', 17).arg(radius * std::cos(angle), 0, 'g', 17)
                                 .arg(radius * std::sin(angle), 0, 'g', 17)));
        }
    }
}

namespace {

// Leaves `stream` part-way: `words` words taken (half a block used, say), then `normals` normals (a
// spare waiting after an odd count).
void drawBefore(RandomStream& stream, int words, int normals)
{
    for (int i = 0; i < words; ++i) {
        stream.nextU32();
    }
    for (int i = 0; i < normals; ++i) {
        stream.normal();
    }
}

} // namespace

void RandomTest::blockNormalsEqualOneAtATime_data()
{
    // What the stream drew before the block (a spare normal waiting, half a block used), then how many.
    QTest::addColumn<int>("wordsBefore");
    QTest::addColumn<int>("normalsBefore");
    QTest::addColumn<int>("count");
    for (const int count : {0, 1, 2, 7, 512, 1001}) {
        QTest::addRow("fresh, %d", count) << 0 << 0 << count;
        QTest::addRow("spare waiting, %d", count) << 0 << 1 << count;
        QTest::addRow("half a block used, %d", count) << 2 << 0 << count;
        QTest::addRow("one word used, %d", count) << 1 << 0 << count;
    }
}

void RandomTest::blockNormalsEqualOneAtATime()
{
    // fillNormals runs its own vectorised Philox rounds and transform; bit for bit it must be normal()
    // (Random123's Philox) called count times, and leave the stream where those calls would.
    QFETCH(int, wordsBefore);
    QFETCH(int, normalsBefore);
    QFETCH(int, count);
    RandomStream single(14, 5, 9, Purpose::OriginalData);
    RandomStream block(14, 5, 9, Purpose::OriginalData);
    for (RandomStream* stream : {&single, &block}) {
        drawBefore(*stream, wordsBefore, normalsBefore);
    }
    std::vector<double> filled(static_cast<std::size_t>(count));
    block.fillNormals(filled);
    for (int i = 0; i < count; ++i) {
        const double expected = single.normal();
        if (std::bit_cast<std::uint64_t>(filled[std::size_t(i)]) != std::bit_cast<std::uint64_t>(expected)) {
            QFAIL(qPrintable(QStringLiteral("value %1: %2 instead of %3").arg(i).arg(filled[std::size_t(i)], 0, 'g', 17)
                                 .arg(expected, 0, 'g', 17)));
        }
    }
    QCOMPARE(block.normal(), single.normal());
    QCOMPARE(block.nextU32(), single.nextU32());
}

void RandomTest::labelledNormalsEqualOneAtATime_data()
{
    // What the stream drew before (as above), then how many labels with how many normals each: an odd
    // count leaves Box–Muller pairs straddling two labels.
    QTest::addColumn<int>("wordsBefore");
    QTest::addColumn<int>("normalsBefore");
    QTest::addColumn<int>("labels");
    QTest::addColumn<int>("normalsPerLabel");
    for (const int perLabel : {1, 2, 3}) {
        for (const int labels : {0, 1, 5, 1000}) {
            QTest::addRow("fresh, %d x %d", labels, perLabel) << 0 << 0 << labels << perLabel;
            QTest::addRow("spare waiting, %d x %d", labels, perLabel) << 0 << 1 << labels << perLabel;
            QTest::addRow("one word used, %d x %d", labels, perLabel) << 1 << 0 << labels << perLabel;
            QTest::addRow("half a block used, %d x %d", labels, perLabel) << 2 << 0 << labels << perLabel;
            QTest::addRow("spare waiting, three words used, %d x %d", labels, perLabel) << 3 << 1 << labels << perLabel;
        }
    }
}

void RandomTest::labelledNormalsEqualOneAtATime()
{
    // fillLabelledNormals defers the transform and runs it vectorised; bit for bit it must be the
    // categorical() and normal() calls it stands for, and leave the stream (spare included) where they would.
    QFETCH(int, wordsBefore);
    QFETCH(int, normalsBefore);
    QFETCH(int, labels);
    QFETCH(int, normalsPerLabel);
    const std::vector<double> weights = {0.2, 0.5, 0.3};
    RandomStream single(15, 2, 4, Purpose::ModelSamples);
    RandomStream block(15, 2, 4, Purpose::ModelSamples);
    for (RandomStream* stream : {&single, &block}) {
        drawBefore(*stream, wordsBefore, normalsBefore);
    }
    std::vector<std::size_t> filledLabels(static_cast<std::size_t>(labels));
    std::vector<double> filledNormals(static_cast<std::size_t>(labels * normalsPerLabel));
    block.fillLabelledNormals(weights, filledLabels, filledNormals);
    for (int i = 0; i < labels; ++i) {
        QCOMPARE(filledLabels[std::size_t(i)], single.categorical(weights));
        for (int j = 0; j < normalsPerLabel; ++j) {
            const double expected = single.normal();
            const double filled = filledNormals[std::size_t(i * normalsPerLabel + j)];
            if (std::bit_cast<std::uint64_t>(filled) != std::bit_cast<std::uint64_t>(expected)) {
                QFAIL(qPrintable(QStringLiteral("label %1, normal %2: %3 instead of %4").arg(i).arg(j)
                                     .arg(filled, 0, 'g', 17).arg(expected, 0, 'g', 17)));
            }
        }
    }
    QCOMPARE(block.normal(), single.normal());
    QCOMPARE(block.nextU32(), single.nextU32());
}

void RandomTest::belowIsUniform()
{
    // Pearson's chi-square over 7 cells: under uniformity its mean is 6 and its sd sqrt(12).
    RandomStream random(11, 0, 0, Purpose::Subsampling);
    constexpr int n = 70000;
    std::array<int, 7> counts{};
    for (int i = 0; i < n; ++i) {
        const std::size_t value = random.below(7);
        QVERIFY(value < 7);
        ++counts[value];
    }
    double chiSquare = 0.0;
    for (const int count : counts) {
        chiSquare += (count - n / 7.0) * (count - n / 7.0) / (n / 7.0);
    }
    COLLAPSE_COMPARE_WITHIN(chiSquare, 6.0, 4.0 * std::sqrt(12.0));
}

void RandomTest::categoricalFollowsWeights()
{
    RandomStream random(12, 0, 0, Purpose::ModelSamples);
    const std::vector<double> weights = {0.0, 1.0, 3.0, 6.0};
    constexpr int n = 100000;
    std::array<int, 4> counts{};
    for (int i = 0; i < n; ++i) {
        ++counts[random.categorical(weights)];
    }
    QCOMPARE(counts[0], 0);
    for (std::size_t i = 1; i < 4; ++i) {
        const double p = weights[i] / 10.0;
        COLLAPSE_COMPARE_WITHIN(double(counts[i]) / n, p, 4.0 * std::sqrt(p * (1.0 - p) / n));
    }
}

QTEST_APPLESS_MAIN(RandomTest)
#include "test_random.moc"
