// collapselab-cli's sweeps as a researcher meets them: cells equal to runs, the same bytes for any thread
// count, for shards merged and for a sweep killed and resumed; bad input refused with exit 2 and nothing
// written; the phase diagram drawn.

#include "tests/common/files.h"
#include "tests/common/programs.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using collapse::testing::fileContents;

namespace {

using Result = collapse::testing::ProgramResult;

Result runCli(const QStringList& arguments)
{
    return collapse::testing::runProgram(QStringLiteral(COLLAPSELAB_CLI_PATH), arguments);
}

// A 3 x 3 sweep of a small gaussian run.
const QStringList kSmallSweep = {"sweep",   "--preset", "gaussian-theorem", "--generations", "12", "--replicates", "30",
                                 "--vary",  "samples=10:1000:3:log", "--vary", "human_fraction=0,0.1,0.3"};

QStringList lines(const QByteArray& text)
{
    QStringList all = QString::fromUtf8(text).split('\n');
    all.removeLast();  // after the last newline
    return all;
}

} // namespace

class CliSweepTest : public QObject {
    Q_OBJECT

private slots:
    void sweepEqualsOneRunPerCell();
    void threadCountDoesNotChangeTheBytes();
    void mergedShardsEqualOneMachine();
    void killedSweepResumesToTheSameBytes();
    void badInputExitsTwoWritingNothing_data();
    void badInputExitsTwoWritingNothing();
    void exportDrawsThePhaseDiagram();
};

void CliSweepTest::sweepEqualsOneRunPerCell()
{
    QTemporaryDir dir;
    const Result sweep = runCli(kSmallSweep + QStringList{"--out", dir.filePath("sweep")});
    QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.stdErr));
    const QStringList rows = lines(fileContents(dir.filePath("sweep/sweep.csv")));
    QCOMPARE(rows.size(), 1 + 9);
    QVERIFY(rows.front().startsWith("samples,human_fraction,generation,train_size_median,"));
    int cell = 0;
    for (const char* samples : {"10", "100", "1000"}) {
        for (const char* fraction : {"0", "0.1", "0.3"}) {
            const QString out = dir.filePath(QString("run-%1").arg(cell));
            const Result run = runCli({"run", "--preset", "gaussian-theorem", "--generations", "12", "--replicates", "30",
                                       "--samples", samples, "--set", QString("human_fraction=") + fraction, "--out", out});
            QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
            const QString expected = QString("%1,%2,%3").arg(samples, fraction, lines(fileContents(out + "/summary.csv")).last());
            QCOMPARE(rows[1 + cell], expected);
            ++cell;
        }
    }
}

void CliSweepTest::threadCountDoesNotChangeTheBytes()
{
    QTemporaryDir dir;
    QCOMPARE(runCli(kSmallSweep + QStringList{"--threads", "1", "--out", dir.filePath("one")}).exitCode, 0);
    QCOMPARE(runCli(kSmallSweep + QStringList{"--threads", "2", "--out", dir.filePath("two")}).exitCode, 0);
    QCOMPARE(fileContents(dir.filePath("two/sweep.csv")), fileContents(dir.filePath("one/sweep.csv")));
    QCOMPARE(fileContents(dir.filePath("two/sweep.json")), fileContents(dir.filePath("one/sweep.json")));
    // sweep.json runs the sweep again by itself, to the same bytes.
    const Result again = runCli({"sweep", "--scenario", dir.filePath("one/sweep.json"), "--out", dir.filePath("again")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.stdErr));
    QCOMPARE(fileContents(dir.filePath("again/sweep.csv")), fileContents(dir.filePath("one/sweep.csv")));
}

void CliSweepTest::mergedShardsEqualOneMachine()
{
    QTemporaryDir dir;
    QCOMPARE(runCli(kSmallSweep + QStringList{"--out", dir.filePath("whole")}).exitCode, 0);
    // Two shards into folders of their own, and two into one shared folder.
    for (const char* shard : {"1/2", "2/2"}) {
        const Result own = runCli(kSmallSweep + QStringList{"--shard", shard, "--out", dir.filePath(QString("shard-") + shard[0])});
        QVERIFY2(own.exitCode == 0, qPrintable(own.stdErr));
        QVERIFY(!QFile::exists(dir.filePath(QString("shard-") + shard[0] + "/sweep.csv")));
        QCOMPARE(runCli(kSmallSweep + QStringList{"--shard", shard, "--out", dir.filePath("shared")}).exitCode, 0);
    }
    const Result merged = runCli({"sweep-merge", dir.filePath("shard-1"), dir.filePath("shard-2"), "--out", dir.filePath("merged")});
    QVERIFY2(merged.exitCode == 0, qPrintable(merged.stdErr));
    QCOMPARE(fileContents(dir.filePath("merged/sweep.csv")), fileContents(dir.filePath("whole/sweep.csv")));
    QCOMPARE(fileContents(dir.filePath("shared/sweep.csv")), fileContents(dir.filePath("whole/sweep.csv")));

    // One shard alone is not the sweep: the missing cells are named.
    const Result partial = runCli({"sweep-merge", dir.filePath("shard-1"), "--out", dir.filePath("partial")});
    QCOMPARE(partial.exitCode, 2);
    QVERIFY2(partial.stdErr.contains("of the sweep's 9 cells are missing (samples="), qPrintable(partial.stdErr));
    QVERIFY(!QFile::exists(dir.filePath("partial")));

    // Cell files are input: one edited by hand, one of another version (a column more or less), or a link
    // to a file outside the folder is refused by name and row, and nothing is merged.
    const QString cell = dir.filePath("shard-1/cells/") + QDir(dir.filePath("shard-1/cells")).entryList({"cell-*.csv"}, QDir::Files).front();
    const QByteArray original = fileContents(cell);
    const QList<QByteArray> rows = original.split('\n');
    const auto tamper = [&](const QByteArray& text) {
        QFile file(cell);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
    };
    const struct {
        QByteArray text;
        QString message;
    } tampered[] = {
        {rows.front().left(rows.front().lastIndexOf(',') + 1) + "abc" + original.mid(original.indexOf('\n')), "row 1 field "},
        {rows.front() + ",0.5" + original.mid(original.indexOf('\n')), "row 1 has "},
        {rows.front().left(rows.front().lastIndexOf(',')) + original.mid(original.indexOf('\n')), "row 1 has "},
    };
    for (const auto& [text, message] : tampered) {
        tamper(text);
        const Result refused = runCli({"sweep-merge", dir.filePath("shard-1"), dir.filePath("shard-2"), "--out", dir.filePath("tampered")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.stdErr.contains(cell + " is not the rows of cell ") && refused.stdErr.contains(message), qPrintable(refused.stdErr));
        QVERIFY(!QFile::exists(dir.filePath("tampered")));
    }
    QVERIFY(QFile::remove(cell));
    QVERIFY(QFile::link(dir.filePath("whole/sweep.csv"), cell));
    const Result linked = runCli({"sweep-merge", dir.filePath("shard-1"), dir.filePath("shard-2"), "--out", dir.filePath("tampered")});
    QCOMPARE(linked.exitCode, 2);
    QVERIFY2(linked.stdErr.contains(cell + " is a symbolic link; a sweep's cells are files in its own folder"), qPrintable(linked.stdErr));
    QVERIFY(!QFile::exists(dir.filePath("tampered")));
}

void CliSweepTest::killedSweepResumesToTheSameBytes()
{
    QTemporaryDir dir;
    // Enough cells, each long enough, that the kill lands while cells are in flight.
    const QStringList sweep = {"sweep", "--preset", "gaussian-theorem", "--generations", "200", "--replicates", "100",
                               "--vary", "samples=200:2000:12", "--threads", "2"};
    QCOMPARE(runCli(sweep + QStringList{"--out", dir.filePath("whole")}).exitCode, 0);

    QProcess killed;
    killed.start(QStringLiteral(COLLAPSELAB_CLI_PATH), sweep + QStringList{"--out", dir.filePath("resumed")});
    QVERIFY(killed.waitForStarted());
    QDir cells(dir.filePath("resumed/cells"));
    QElapsedTimer waited;
    waited.start();
    while (cells.entryList({"cell-*.csv"}, QDir::Files).size() < 3 && waited.elapsed() < 120'000 &&
           killed.state() == QProcess::Running) {
        QTest::qWait(5);
    }
    QVERIFY2(killed.state() == QProcess::Running, "the sweep finished before it could be killed");
    killed.kill();  // SIGKILL: no handler runs
    QVERIFY(killed.waitForFinished());
    const qsizetype finished = cells.entryList({"cell-*.csv"}, QDir::Files).size();
    QVERIFY2(finished >= 3 && finished < 12, qPrintable(QString::number(finished)));
    QVERIFY(!QFile::exists(dir.filePath("resumed/sweep.csv")));

    const Result resumed = runCli(sweep + QStringList{"--out", dir.filePath("resumed")});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.stdErr));
    QVERIFY2(resumed.stdErr.contains(QString("%1 of the 12 already done").arg(finished)), qPrintable(resumed.stdErr));
    QCOMPARE(fileContents(dir.filePath("resumed/sweep.csv")), fileContents(dir.filePath("whole/sweep.csv")));
}

void CliSweepTest::badInputExitsTwoWritingNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no vary") << QStringList{"sweep", "--out", "OUT"} << "sweep needs --vary KEY=SPEC";
    QTest::addRow("no out") << QStringList{"sweep", "--vary", "samples=10,20"} << "sweep needs --out DIR";
    QTest::addRow("bad spec") << QStringList{"sweep", "--vary", "samples=10:x:3", "--out", "OUT"} << "LO and HI must be numbers";
    QTest::addRow("unknown key") << QStringList{"sweep", "--vary", "colour=1,2", "--out", "OUT"} << "the gaussian model has no key \"colour\"";
    QTest::addRow("key of text") << QStringList{"sweep", "--vary", "policy=0,1", "--out", "OUT"} << "\"policy\" is not a numeric key";
    QTest::addRow("value out of range") << QStringList{"sweep", "--vary", "samples=1,10", "--out", "OUT"} << "1 is refused: \"samples\" must be an integer from 2";
    QTest::addRow("shard past the count") << QStringList{"sweep", "--vary", "samples=10,20", "--shard", "3/2", "--out", "OUT"} << "--shard takes K/N with 1 <= K <= N";
    QTest::addRow("generation past the end") << QStringList{"sweep", "--generations", "5", "--vary", "samples=10,20", "--at", "5", "--out", "OUT"} << "--at 5: the cell samples=10 has generations 0 to 4";
    QTest::addRow("comparison") << QStringList{"sweep", "--preset", "accumulate-vs-replace", "--vary", "samples=10,20", "--out", "OUT"} << "a sweep runs one scenario";
    QTest::addRow("merging mixed sweeps") << QStringList{"sweep-merge", "SWEEP_A", "SWEEP_B", "--out", "OUT"} << "holds another sweep than";
    QTest::addRow("merging no sweep") << QStringList{"sweep-merge", "TEMPDIR", "--out", "OUT"} << "holds no sweep (no sweep.json)";
    QTest::addRow("figure of an unknown metric") << QStringList{"export", "--sweep", "SWEEP_A", "--figure", "OUT.png", "--metric", "colour"} << "--metric colour: the sweep has no such metric";
    QTest::addRow("figure without a metric") << QStringList{"export", "--sweep", "SWEEP_A", "--figure", "OUT.png"} << "needs --figure FILE and --metric NAME";
}

void CliSweepTest::badInputExitsTwoWritingNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QStringList smallA = {"sweep", "--generations", "3", "--replicates", "2", "--vary", "samples=10,20"};
    QCOMPARE(runCli(smallA + QStringList{"--out", dir.filePath("a")}).exitCode, 0);
    QCOMPARE(runCli(smallA + QStringList{"--seed", "2", "--out", dir.filePath("b")}).exitCode, 0);
    arguments.replaceInStrings("SWEEP_A", dir.filePath("a"));
    arguments.replaceInStrings("SWEEP_B", dir.filePath("b"));
    arguments.replaceInStrings("TEMPDIR", dir.path());
    const QString outDir = dir.filePath("results");
    arguments.replaceInStrings("OUT", outDir);
    const Result result = runCli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdErr.startsWith("collapselab-cli: "), qPrintable(result.stdErr));
    QVERIFY2(result.stdErr.contains(message), qPrintable(result.stdErr));
    QCOMPARE(result.stdErr.count('\n'), 1);
    QVERIFY2(!QFile::exists(outDir) && !QFile::exists(outDir + ".png"), "bad input must not leave output behind");
}

void CliSweepTest::exportDrawsThePhaseDiagram()
{
    QTemporaryDir dir;
    QCOMPARE(runCli(kSmallSweep + QStringList{"--out", dir.filePath("sweep")}).exitCode, 0);
    const Result png = runCli({"export", "--sweep", dir.filePath("sweep"), "--figure", dir.filePath("phase.png"), "--metric", "std",
                               "--contour", "0.5", "--size", "800x600", "--dpi", "96"});
    QVERIFY2(png.exitCode == 0, qPrintable(png.stdErr));
    const QImage image(dir.filePath("phase.png"));
    QCOMPARE(image.size(), QSize(800, 600));
    const Result svg = runCli({"export", "--sweep", dir.filePath("sweep"), "--figure", dir.filePath("phase.svg"), "--metric", "tail_mass_q90"});
    QVERIFY2(svg.exitCode == 0, qPrintable(svg.stdErr));
    const QByteArray vector = fileContents(dir.filePath("phase.svg"));
    QVERIFY(vector.contains("<svg"));
    QVERIFY(vector.contains("Mass in the original&apos;s tails — 90% quantile at generation 11") ||
            vector.contains("Mass in the original's tails — 90% quantile at generation 11"));
    // The axes by the panel's names for their keys, not the keys.
    QVERIFY(vector.contains("Sample size (log scale)"));
    QVERIFY(!vector.contains("samples (log scale)"));
}

QTEST_GUILESS_MAIN(CliSweepTest)
#include "test_cli_sweep.moc"
