// collapselab-cli reproduce as a reviewer meets it: the quick scale writes a report whose every row has a
// value, whose Gaussian rows agree with the paper's closed forms (checked here again from the CSVs), and
// whose scenario files rerun to the same CSVs byte for byte; bad input and an interruption write nothing.

#include "tests/common/files.h"
#include "tests/common/programs.h"
#include "tests/common/statistics.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using collapse::testing::fileContents;

namespace {

using Result = collapse::testing::ProgramResult;

Result runCli(const QStringList& arguments)
{
    return collapse::testing::runProgram(QStringLiteral(COLLAPSELAB_CLI_PATH), arguments);
}

// The cells of a Markdown table row: "| a | b |" gives a, b.
QStringList cells(const QString& row)
{
    QStringList parts = row.split(QRegularExpression(QStringLiteral("(?<!\\\\)\\|")));
    parts.removeFirst();
    parts.removeLast();
    for (QString& part : parts) {
        part = part.trimmed();
    }
    return parts;
}

// Every table row of the report, header and rule left out.
QList<QStringList> tableRows(const QString& report)
{
    QList<QStringList> rows;
    for (const QString& line : report.split('\n')) {
        if (line.startsWith(QStringLiteral("| ")) && !line.startsWith(QStringLiteral("| Quantity"))) {
            rows.append(cells(line));
        }
    }
    return rows;
}

// A metrics.csv's column at one generation, one value per replicate.
std::vector<double> csvColumn(const QByteArray& csv, int generation, const QString& name)
{
    const QStringList lines = QString::fromUtf8(csv).split('\n', Qt::SkipEmptyParts);
    const QStringList header = lines.front().split(',');
    const auto column = header.indexOf(name);
    std::vector<double> values;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines[i].split(',');
        if (fields[0].toInt() == generation) {
            values.push_back(fields[column].toDouble());
        }
    }
    return values;
}

} // namespace

class CliReproduceTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void reportHasEveryRowAndFigure();
    void gaussianRowsAgreeWithTheClosedForms();
    void regressionRowsAgreeWithTheClosedForms();
    void scenarioFilesRerunToTheSameCsv_data();
    void scenarioFilesRerunToTheSameCsv();
    void badInputExitsTwoWritingNothing_data();
    void badInputExitsTwoWritingNothing();
    void interruptedReproductionWritesNothing();

private:
    QTemporaryDir dir_;
    QString out_;
};

void CliReproduceTest::initTestCase()
{
    out_ = dir_.filePath("report");
    const Result result = runCli({"reproduce", "--scale", "quick", "--out", out_});
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdErr));
    QVERIFY(result.stdErr.contains("run 23 of 23"));
    QVERIFY(result.stdOut.isEmpty());
}

void CliReproduceTest::reportHasEveryRowAndFigure()
{
    const QString report = QString::fromUtf8(fileContents(out_ + "/report.md"));
    const QList<QStringList> rows = tableRows(report);
    // 16 Gaussian rows (two per M and estimator), 3 selection, 3 GMM, 3 selection on the GMM, 9 VAE, 2 text,
    // 4 neural text, 2 diffusion, 2 regression.
    QCOMPARE(rows.size(), 44);
    for (const QStringList& row : rows) {
        QCOMPARE(row.size(), 6);
        const QString& ours = row[2];
        QVERIFY2(!ours.isEmpty() && ours != "—" && !ours.contains("no value") && !ours.contains("not measurable"),
                 qPrintable(row.join(" | ")));
        QVERIFY2(!row[4].isEmpty() && row[4] != "—", qPrintable(row.join(" | ")));
        const QString scenario = QString(row[5]).remove('`');
        QVERIFY2(QFile::exists(out_ + "/" + scenario), qPrintable(scenario));
    }
    QVERIFY(report.contains(QRegularExpression(QStringLiteral("\\d+ of 44 rows agree"))));
    for (const QString figure : {"gaussian", "selection", "gmm", "selection-gmm", "vae", "text", "text-neural", "diffusion",
                                 "regression"}) {
        QVERIFY2(report.contains(QStringLiteral("(figures/%1.png)").arg(figure)), qPrintable(figure));
        const QImage image(out_ + "/figures/" + figure + ".png");
        QVERIFY2(!image.isNull() && image.width() > 1000, qPrintable(figure));
    }
    const QByteArray pdf = fileContents(out_ + "/report.pdf");
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    // The nine figures are in it, not broken-image placeholders.
    QCOMPARE(pdf.count("/Subtype /Image"), 9);
}

void CliReproduceTest::gaussianRowsAgreeWithTheClosedForms()
{
    using namespace collapse::testing;
    // Checked again here from the CSVs, so that the report cannot agree with itself alone.
    int checked = 0;
    for (const char* estimator : {"unbiased", "mle"}) {
        for (const int M : {100, 500, 1000, 10000}) {
            const QString name = QStringLiteral("gaussian-%1-m%2").arg(estimator).arg(M);
            const QByteArray csv = fileContents(out_ + "/data/" + name + "/metrics.csv");
            QVERIFY2(!csv.isEmpty(), qPrintable(name));
            // The quick scale runs 100 generations: the last is the 100th fit.
            constexpr double k = 100.0;
            std::vector<double> sigmas = csvColumn(csv, 99, "std");
            const std::vector<double> means = csvColumn(csv, 99, "mean");
            QCOMPARE(sigmas.size(), std::size_t(200));
            std::vector<double> variances, logVariances, squaredMeans;
            for (const double sigma : sigmas) {
                variances.push_back(sigma * sigma);
                logVariances.push_back(std::log(sigma * sigma));
            }
            for (const double mu : means) {
                squaredMeans.push_back(mu * mu);
            }
            const double chains = static_cast<double>(sigmas.size());
            const double shrink = std::pow(1.0 - 1.0 / M, k);
            if (QString(estimator) == "unbiased") {
                // Median of ln σ²: sqrt(π/2) sd / sqrt(R) is its standard error.
                const double error = std::sqrt(M_PI / 2.0) * std::sqrt(variance(logVariances) / chains);
                COLLAPSE_COMPARE_WITHIN(median(logVariances), -k / (M - 1.0), 3.0 * error);
                COLLAPSE_COMPARE_WITHIN(mean(squaredMeans), k / M, 3.0 * standardErrorOfMean(squaredMeans));
            } else {
                // A skewed mean: the log-normal's error from the spread of ln σ² where it is larger.
                const double error = std::max(standardErrorOfMean(variances),
                                              mean(variances) * std::sqrt(std::expm1(variance(logVariances)) / chains));
                COLLAPSE_COMPARE_WITHIN(mean(variances), shrink, 3.0 * error);
                COLLAPSE_COMPARE_WITHIN(mean(squaredMeans), 1.0 - shrink, 3.0 * standardErrorOfMean(squaredMeans));
            }
            ++checked;
        }
    }
    QCOMPARE(checked, 8);
    // And the report says so, row by row.
    const QList<QStringList> rows = tableRows(QString::fromUtf8(fileContents(out_ + "/report.md")));
    int gaussianRows = 0;
    for (const QStringList& row : rows) {
        if (row[5].contains("gaussian-")) {
            ++gaussianRows;
            QVERIFY2(row[4].startsWith("agrees"), qPrintable(row.join(" | ")));
        }
    }
    QCOMPARE(gaussianRows, 16);
}

void CliReproduceTest::regressionRowsAgreeWithTheClosedForms()
{
    using namespace collapse::testing;
    // d = 10, T = 100, σ = 1: one fit's expected test error σ²d/(T − d − 1), and generation 100 is 100
    // generations on the model's own labels after the real fit.
    const double oneFit = 10.0 / 89.0;
    const QByteArray replace = fileContents(out_ + "/data/regression-replace/metrics.csv");
    const std::vector<double> start = csvColumn(replace, 0, "test_error");
    const std::vector<double> end = csvColumn(replace, 100, "test_error");
    QCOMPARE(end.size(), std::size_t(200));
    std::vector<double> growth;
    for (std::size_t i = 0; i < end.size(); ++i) {
        growth.push_back(end[i] - start[i]);
    }
    COLLAPSE_COMPARE_WITHIN(mean(growth), 100.0 * oneFit, 3.0 * standardErrorOfMean(growth));
    const std::vector<double> accumulated = csvColumn(fileContents(out_ + "/data/regression-accumulate/metrics.csv"), 100, "test_error");
    double sum = 0.0;
    for (int k = 1; k <= 101; ++k) {
        sum += 1.0 / (k * k);
    }
    COLLAPSE_COMPARE_WITHIN(mean(accumulated), sum * oneFit, 3.0 * standardErrorOfMean(accumulated));
    for (const QStringList& row : tableRows(QString::fromUtf8(fileContents(out_ + "/report.md")))) {
        if (row[5].contains("regression-")) {
            QVERIFY2(row[4].startsWith("agrees"), qPrintable(row.join(" | ")));
        }
    }
}

void CliReproduceTest::scenarioFilesRerunToTheSameCsv_data()
{
    QTest::addColumn<QString>("name");
    // One run of each experiment.
    for (const char* name : {"gaussian-mle-m500", "gmm", "vae", "text-10-percent-real"}) {
        QTest::newRow(name) << QString(name);
    }
}

void CliReproduceTest::scenarioFilesRerunToTheSameCsv()
{
    QFETCH(QString, name);
    QTemporaryDir rerun;
    const Result result = runCli({"run", "--scenario", out_ + "/scenarios/" + name + ".json", "--out", rerun.path()});
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdErr));
    for (const char* file : {"metrics.csv", "summary.csv"}) {
        const QByteArray original = fileContents(out_ + "/data/" + name + "/" + file);
        QVERIFY(!original.isEmpty());
        QVERIFY2(fileContents(rerun.filePath(file)) == original, file);
    }
}

void CliReproduceTest::badInputExitsTwoWritingNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown scale") << QStringList{"--scale", "huge", "--out", "@OUT@"} << "--scale takes quick or paper";
    QTest::newRow("no folder") << QStringList{"--scale", "quick"} << "reproduce needs --out DIR";
    QTest::newRow("no threads") << QStringList{"--threads", "0", "--out", "@OUT@"} << "--threads must be a whole number";
    QTest::newRow("unknown option") << QStringList{"--preset", "cats", "--out", "@OUT@"} << "unknown option \"--preset\" (see collapselab-cli reproduce --help)";
    QTest::newRow("missing value") << QStringList{"--out"} << "--out needs a value";
    QTest::newRow("folder is a file") << QStringList{"--out", "@FILE@"} << "--out";
}

void CliReproduceTest::badInputExitsTwoWritingNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QFile file(dir.filePath("a-file"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    arguments.replaceInStrings("@OUT@", dir.filePath("out")).replaceInStrings("@FILE@", file.fileName());
    const Result result = runCli(QStringList{"reproduce"} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdErr.contains(message), qPrintable(result.stdErr));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{"a-file"});
}

void CliReproduceTest::interruptedReproductionWritesNothing()
{
    QTemporaryDir dir;
    QProcess process;
    process.setReadChannel(QProcess::StandardError);
    process.start(QStringLiteral(COLLAPSELAB_CLI_PATH), {"reproduce", "--out", dir.filePath("out")});
    QVERIFY(process.waitForStarted());
    // Interrupted in the middle of the second run.
    QByteArray stderrText;
    while (!stderrText.contains("run 2 of ") && process.state() == QProcess::Running) {
        process.waitForReadyRead(1000);
        stderrText += process.readAllStandardError();
    }
    process.terminate();
    QVERIFY(process.waitForFinished(60'000));
    stderrText += process.readAllStandardError();
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(stderrText.contains("interrupted; nothing was written"), stderrText.constData());
    QVERIFY(!QFileInfo::exists(dir.filePath("out/report.md")));
    QVERIFY(!QFileInfo::exists(dir.filePath("out/scenarios")));
}

QTEST_GUILESS_MAIN(CliReproduceTest)
#include "test_cli_reproduce.moc"
