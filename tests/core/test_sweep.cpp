// Sweeps: the grid a SPEC names, the checks on keys and values, shards that share the cells out
// between them, and cells whose numbers are those of a run of the cell's scenario.

#include "core/engine.h"
#include "core/results.h"
#include "core/sweep.h"
#include "core/sweep_folder.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <set>

using namespace collapse;

namespace {

// A small gaussian scenario: 12 replicates of 6 generations.
Scenario smallGaussian()
{
    Scenario scenario = defaultScenario("gaussian");
    scenario.generations = 6;
    scenario.replicates = 12;
    return scenario;
}

SweepPlan smallPlan(std::vector<int> at = {})
{
    return makeSweepPlan(smallGaussian(), {parseSweepAxis("samples=10:1000:3:log"), parseSweepAxis("human_fraction=0,0.25")},
                         std::move(at));
}

// Line `index` of `text` (from 0), with its newline.
std::string lineOf(const std::string& text, std::size_t index)
{
    std::size_t start = 0;
    for (std::size_t line = 0; line < index; ++line) {
        start = text.find('\n', start) + 1;
    }
    return text.substr(start, text.find('\n', start) - start + 1);
}

} // namespace

class SweepTest : public QObject {
    Q_OBJECT

private slots:
    void specsNameTheirValues();
    void badSpecsAreRefusedByName_data();
    void badSpecsAreRefusedByName();
    void cellsRunFirstAxisSlowest();
    void planRoundTripsThroughItsFile();
    void shardsHoldEveryCellOnceAndShareTheCost();
    void cellRowsAreTheRunsSummaryRows();
    void folderResumesItsOwnSweepOnly();
    void gridReadsBackTheCells();
};

void SweepTest::specsNameTheirValues()
{
    QCOMPARE(parseSweepAxis("human_fraction=0,0.05, 0.1").values, (std::vector<double>{0.0, 0.05, 0.1}));
    QCOMPARE(parseSweepAxis("x=0:1:5").values, (std::vector<double>{0.0, 0.25, 0.5, 0.75, 1.0}));
    const SweepAxis logarithmic = parseSweepAxis("samples=10:10000:4:log");
    QVERIFY(logarithmic.logarithmic);
    QCOMPARE(logarithmic.values.front(), 10.0);
    QCOMPARE(logarithmic.values.back(), 10000.0);
    QVERIFY(std::abs(logarithmic.values[1] - 100.0) < 1e-9);
    QVERIFY(std::abs(logarithmic.values[2] - 1000.0) < 1e-9);

    // A whole-number key takes the range's steps rounded: 10, 46, 215, 1000.
    const SweepPlan plan = makeSweepPlan(smallGaussian(), {parseSweepAxis("samples=10:1000:4:log")}, {});
    QCOMPARE(plan.axes[0].values, (std::vector<double>{10.0, 46.0, 215.0, 1000.0}));
}

void SweepTest::badSpecsAreRefusedByName_data()
{
    QTest::addColumn<QStringList>("vary");
    QTest::addColumn<QString>("message");
    QTest::addRow("no equals") << QStringList{"samples"} << "--vary takes KEY=SPEC";
    QTest::addRow("not a number") << QStringList{"samples=10,lots"} << "\"lots\" is not a number";
    QTest::addRow("listed twice") << QStringList{"samples=10,10"} << "10 is listed twice";
    QTest::addRow("range of two parts") << QStringList{"samples=10:100"} << "a range is LO:HI:COUNT";
    QTest::addRow("count of one") << QStringList{"samples=10:100:1"} << "COUNT must be a whole number from 2";
    QTest::addRow("reversed range") << QStringList{"samples=100:10:3"} << "LO must be below HI";
    QTest::addRow("log from zero") << QStringList{"human_fraction=0:0.5:3:log"} << "a logarithmic range needs LO above 0";
    QTest::addRow("unknown key") << QStringList{"colour=1,2"} << "the gaussian model has no key \"colour\"";
    QTest::addRow("key of text") << QStringList{"policy=1,2"} << "\"policy\" is not a numeric key";
    QTest::addRow("fraction above one") << QStringList{"human_fraction=0,1.5"} << "1.5 is refused: \"human_fraction\" must be a number in [0, 1]";
    QTest::addRow("half a sample") << QStringList{"samples=10,10.5"} << "\"samples\" takes whole numbers, not 10.5";
    QTest::addRow("beyond any integer") << QStringList{"samples=77:1.6e51:3:log"} << "is refused: ";
    QTest::addRow("beyond any integer, listed") << QStringList{"samples=10,-1e30"} << "-1e+30 is refused: ";
    QTest::addRow("rounding repeats") << QStringList{"samples=10:12:10"} << "repeats values once rounded";
    QTest::addRow("same key twice") << QStringList{"samples=10,20", "samples=30,40"} << "--vary samples is given twice";
    QTest::addRow("three keys") << QStringList{"samples=10,20", "seed=1,2", "human_fraction=0,0.1"} << "one or two keys";
}

void SweepTest::badSpecsAreRefusedByName()
{
    QFETCH(QStringList, vary);
    QFETCH(QString, message);
    try {
        std::vector<SweepAxis> axes;
        for (const QString& assignment : vary) {
            axes.push_back(parseSweepAxis(assignment.toStdString()));
        }
        makeSweepPlan(smallGaussian(), axes, {});
        QFAIL("accepted");
    } catch (const ScenarioError& error) {
        QVERIFY2(QString(error.what()).contains(message), error.what());
    }
}

void SweepTest::cellsRunFirstAxisSlowest()
{
    const SweepPlan plan = smallPlan();
    QCOMPARE(plan.cellCount(), std::size_t{6});
    QCOMPARE(plan.cellValues(0), (std::vector<double>{10.0, 0.0}));
    QCOMPARE(plan.cellValues(1), (std::vector<double>{10.0, 0.25}));
    QCOMPARE(plan.cellValues(5), (std::vector<double>{1000.0, 0.25}));
    QCOMPARE(plan.cellName(3), std::string("samples=100 human_fraction=0.25"));
    const Scenario cell = plan.cellScenario(3);
    QCOMPARE(cell.samples, 100);
    QCOMPARE(cell.humanFraction, 0.25);
    QCOMPARE(cell.replicates, 12);
    QCOMPARE(plan.cellGenerations(3), std::vector<int>{5});

    try {
        makeSweepPlan(smallGaussian(), {parseSweepAxis("samples=10,20")}, {6});
        QFAIL("a generation past the end was accepted");
    } catch (const ScenarioError& error) {
        QVERIFY2(QString(error.what()).contains("--at 6: the cell samples=10 has generations 0 to 5"), error.what());
    }
}

void SweepTest::planRoundTripsThroughItsFile()
{
    const SweepPlan plan = smallPlan({2, 5});
    const std::string text = serializeSweepPlan(plan);
    QVERIFY(parseSweepPlan(text, "sweep.json") == plan);
    QCOMPARE(serializeSweepPlan(parseSweepPlan(text, "sweep.json")), text);
    // Values that disagree with the spec are caught.
    std::string edited = text;
    edited.replace(edited.find("1000.0"), 6, "999.0");
    QVERIFY_THROWS_EXCEPTION(ScenarioError, parseSweepPlan(edited, "sweep.json"));
    // A generation beyond an int does not wrap to a small one (4294967297 would be 1).
    for (const char* beyond : {"4294967297", "18446744073709551615", "-1", "2.5"}) {
        std::string wrapped = text;
        const auto at = wrapped.find("\"at\": [");
        QVERIFY(at != std::string::npos);
        wrapped.insert(at + 7, std::string(beyond) + ", ");
        try {
            parseSweepPlan(wrapped, "sweep.json");
            QFAIL(beyond);
        } catch (const ScenarioError& error) {
            QVERIFY2(QString(error.what()).contains(QString("\"at\" must be \"last\" or a list of generations, whole numbers from 0, not ") + beyond),
                     error.what());
        }
    }
}

void SweepTest::shardsHoldEveryCellOnceAndShareTheCost()
{
    const SweepPlan plan = makeSweepPlan(smallGaussian(), {parseSweepAxis("samples=10:10000:7:log"), parseSweepAxis("human_fraction=0:0.5:6")}, {});
    double total = 0.0;
    double largest = 0.0;
    for (std::size_t cell = 0; cell < plan.cellCount(); ++cell) {
        total += plan.cellScenario(cell).samples;
        largest = std::max(largest, double(plan.cellScenario(cell).samples));
    }
    for (const int count : {1, 2, 3, 5}) {
        std::multiset<std::size_t> seen;
        double heaviest = 0.0;
        for (int index = 1; index <= count; ++index) {
            double cost = 0.0;
            for (const std::size_t cell : shardCells(plan, {index, count})) {
                seen.insert(cell);
                cost += plan.cellScenario(cell).samples;
            }
            heaviest = std::max(heaviest, cost);
        }
        QCOMPARE(seen.size(), plan.cellCount());
        QCOMPARE(std::set<std::size_t>(seen.begin(), seen.end()).size(), plan.cellCount());
        // No shard does more than an equal share and one more of the largest cells (the bound of any
        // good list schedule); one shard holding all large cells would break it.
        QVERIFY2(heaviest <= total / count + largest, qPrintable(QString("%1 shards: %2 of %3").arg(count).arg(heaviest).arg(total)));
    }
    QVERIFY_THROWS_EXCEPTION(ScenarioError, parseSweepShard("3/2"));
    QVERIFY_THROWS_EXCEPTION(ScenarioError, parseSweepShard("0/2"));
    QVERIFY_THROWS_EXCEPTION(ScenarioError, parseSweepShard("1/"));
    QCOMPARE(parseSweepShard("2/3").index, 2);
}

void SweepTest::cellRowsAreTheRunsSummaryRows()
{
    const SweepPlan plan = smallPlan({0, 3, 5});
    for (const std::size_t cell : {std::size_t{0}, std::size_t{3}, std::size_t{5}}) {
        const std::optional<std::string> rows = runSweepCell(plan, cell, nullptr);
        QVERIFY(rows);

        Engine engine(plan.cellScenario(cell));
        RunResults results{engine.metricColumns(), {}};
        engine.run([&](GenerationSnapshot&& snapshot) { results.generations.push_back(std::move(snapshot.metrics)); });
        const std::string summary = summaryCsv(results);
        std::string expected;
        for (const int generation : {0, 3, 5}) {
            // summary.csv's line for the generation (after its header), behind the cell's values.
            const std::string line = lineOf(summary, static_cast<std::size_t>(generation) + 1);
            const std::vector<double> values = plan.cellValues(cell);
            expected += formatNumber(values[0]) + "," + formatNumber(values[1]) + "," + line;
        }
        QCOMPARE(*rows, expected);
    }
    std::atomic<bool> cancel{true};
    QVERIFY(!runSweepCell(plan, 0, &cancel));
}

void SweepTest::folderResumesItsOwnSweepOnly()
{
    QTemporaryDir dir;
    const std::filesystem::path folder = dir.filePath("sweep").toStdString();
    const SweepPlan plan = smallPlan();
    const SweepFolder first = SweepFolder::prepare(folder, plan);
    QVERIFY(!first.writeSweepCsv());
    const std::optional<std::string> rows = runSweepCell(plan, 2, nullptr);
    first.writeCell(2, *rows);
    QVERIFY(first.hasCell(2));
    QCOMPARE(first.missingCells(), (std::vector<std::size_t>{0, 1, 3, 4, 5}));

    // The same sweep again resumes with the cell it has; another is refused.
    QVERIFY(SweepFolder::prepare(folder, plan).hasCell(2));
    QVERIFY_THROWS_EXCEPTION(ScenarioError, SweepFolder::prepare(folder, smallPlan({1})));

    // A damaged cell file is named, not taken.
    std::ofstream(first.cellPath(4)) << "10,0,5,1\n";
    try {
        first.hasCell(4);
        QFAIL("a damaged cell was taken");
    } catch (const ScenarioError& error) {
        QVERIFY2(QString(error.what()).contains("is not the rows of cell samples=1000 human_fraction=0"), error.what());
    }

    // Shards that start together see each other's sweep.json being written, on this machine or another.
    const std::filesystem::path together = dir.filePath("together").toStdString();
    std::filesystem::create_directories(together);
    std::ofstream(together / "sweep.json.partial-othernode-4242") << "{";
    std::ofstream(together / "sweep.csv.previous-othernode-4243") << "x";
    QVERIFY(!SweepFolder::prepare(together, plan).hasCell(0));
    std::ofstream(together / "sweep.jsonx.partial-othernode-1") << "{";
    std::filesystem::remove(together / "sweep.json");
    QVERIFY_THROWS_EXCEPTION(ScenarioError, SweepFolder::prepare(together, plan));

    // A folder of something else is refused.
    const std::filesystem::path other = dir.filePath("other").toStdString();
    std::filesystem::create_directories(other);
    std::ofstream(other / "notes.txt") << "mine";
    QVERIFY_THROWS_EXCEPTION(ScenarioError, SweepFolder::prepare(other, plan));
    QVERIFY(!std::filesystem::exists(other / "sweep.json"));
}

void SweepTest::gridReadsBackTheCells()
{
    QTemporaryDir dir;
    const SweepPlan plan = smallPlan();
    const SweepFolder folder = SweepFolder::prepare(dir.path().toStdString(), plan);
    QVERIFY(runSweepCells(plan, shardCells(plan, {}), [&](std::size_t cell, const std::string& rows) { folder.writeCell(cell, rows); },
                          nullptr));
    QVERIFY(folder.writeSweepCsv());
    const SweepGrid grid = readSweepGrid(folder, "train_size", -1);
    QCOMPARE(grid.column, std::string("train_size_median"));
    QCOMPARE(grid.generation, 5);
    QCOMPARE(grid.values.rows(), 3);
    QCOMPARE(grid.values.cols(), 2);
    // Every chain trains on M points: the grid holds each cell's own sample size.
    QCOMPARE(grid.values(0, 1), 10.0);
    QCOMPARE(grid.values(2, 0), 1000.0);
    QVERIFY_THROWS_EXCEPTION(ScenarioError, readSweepGrid(folder, "colour", -1));
    QVERIFY_THROWS_EXCEPTION(ScenarioError, readSweepGrid(folder, "std", 3));
}

QTEST_APPLESS_MAIN(SweepTest)
#include "test_sweep.moc"
