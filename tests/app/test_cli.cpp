// collapselab-cli as a user meets it: the files it writes, byte-identical reruns, and one clear line
// with exit status 2 for every kind of bad input, leaving no output behind.

#include "tests/common/files.h"
#include "tests/common/programs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

using collapse::testing::fileContents;

namespace {

using Result = collapse::testing::ProgramResult;

Result runCli(const QStringList& arguments)
{
    return collapse::testing::runProgram(QStringLiteral(COLLAPSELAB_CLI_PATH), arguments);
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT

private slots:
    void runWritesTheThreeFiles();
    void writtenScenarioReproducesTheCsvs();
    void textRunWritesWhatReplicateZeroWrote();
    void threadCountDoesNotChangeTheBytes();
    void comparisonPresetWritesSubfolders();
    void aReusedFolderDescribesOneRun();
    void presetsAreListed();
    void lessonsAreListed();
    void aLessonHandoutHasAPageAStep();
    void aShareCodeRunsThePresetItCameFrom();
    void badInputExitsTwoWithOneLine_data();
    void badInputExitsTwoWithOneLine();
    void versionIsPrinted();
    void helpComesFromTheTableOfCommands();
    void bashCompletionCompletes_data();
    void bashCompletionCompletes();
    void exportWritesFiguresAndAnimations();
    void aFullDiskLeavesNoShortFile();
    void anInterruptedRunWritesNothing();
};

void CliTest::runWritesTheThreeFiles()
{
    QTemporaryDir dir;
    const QString out = dir.filePath("out");
    const Result result = runCli({"run", "--preset", "gmm-paper", "--generations", "3", "--replicates", "2",
                                  "--samples", "200", "--out", out});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.stdOut.isEmpty());
    QVERIFY(result.stdErr.contains("generation 3 of 3"));
    const QList<QByteArray> metrics = fileContents(out + "/metrics.csv").split('\n');
    QCOMPARE(metrics.front(), QByteArray("generation,replicate,train_size,tail_mass,loglik_real,l2_to_original,"
                                         "total_std,min_weight,effective_components,component_std_min,component_std_max"));
    QCOMPARE(metrics.size(), 1 + 3 * 2 + 1);  // header, rows, final newline
    const QList<QByteArray> summary = fileContents(out + "/summary.csv").split('\n');
    QVERIFY(summary.front().startsWith("generation,train_size_median,train_size_q10,train_size_q90,train_size_mean,"
                                       "tail_mass_median"));
    QCOMPARE(summary.size(), 1 + 3 + 1);
    QVERIFY(fileContents(out + "/scenario.json").contains(R"("em_tol": 1e-05)"));
    QCOMPARE(QDir(out).entryList(QDir::Files).size(), 3);
}

void CliTest::writtenScenarioReproducesTheCsvs()
{
    QTemporaryDir dir;
    QCOMPARE(runCli({"run", "--model", "gmm", "--set", "dim=1", "--set", "true_components=2", "--set",
                     "human_fraction=0.3", "--generations", "4", "--replicates", "3", "--samples", "150", "--seed",
                     "99", "--out", dir.filePath("first")})
                 .exitCode,
             0);
    QCOMPARE(runCli({"run", "--scenario", dir.filePath("first/scenario.json"), "--out", dir.filePath("second")}).exitCode,
             0);
    for (const char* file : {"metrics.csv", "summary.csv", "scenario.json"}) {
        QCOMPARE(fileContents(dir.filePath("second/") + file), fileContents(dir.filePath("first/") + file));
    }
}

void CliTest::textRunWritesWhatReplicateZeroWrote()
{
    QTemporaryDir dir;
    const QStringList run = {"run", "--model", "text", "--generations", "3", "--replicates", "2", "--samples", "100"};
    QCOMPARE(runCli(run + QStringList{"--out", dir.filePath("first")}).exitCode, 0);
    const QStringList transcripts = QDir(dir.filePath("first/text")).entryList(QDir::Files);
    QCOMPARE(transcripts, QStringList({"generation-0000.txt", "generation-0001.txt", "generation-0002.txt"}));
    const QString first = QString::fromUtf8(fileContents(dir.filePath("first/text/generation-0000.txt")));
    QCOMPARE(first.count(QRegularExpression("^Prompt \\d: ", QRegularExpression::MultilineOption)), 4);
    QCOMPARE(first.count(QRegularExpression("^Continued: \\S", QRegularExpression::MultilineOption)), 4);
    // The prompts are the same in every generation; what follows them is the generation's own.
    const QString last = QString::fromUtf8(fileContents(dir.filePath("first/text/generation-0002.txt")));
    const auto prompts = [](const QString& text) {
        return text.split('\n').filter(QRegularExpression("^Prompt "));
    };
    QCOMPARE(prompts(last), prompts(first));
    QVERIFY(last != first);
    // The written scenario reproduces the text too.
    QCOMPARE(runCli({"run", "--scenario", dir.filePath("first/scenario.json"), "--out", dir.filePath("second")}).exitCode,
             0);
    QCOMPARE(fileContents(dir.filePath("second/text/generation-0002.txt")), last.toUtf8());
    QCOMPARE(fileContents(dir.filePath("second/metrics.csv")), fileContents(dir.filePath("first/metrics.csv")));
}

void CliTest::threadCountDoesNotChangeTheBytes()
{
    QTemporaryDir dir;
    const QStringList common = {"run", "--preset", "gaussian-theorem", "--generations", "20", "--replicates", "50"};
    QCOMPARE(runCli(common + QStringList{"--threads", "1", "--out", dir.filePath("one")}).exitCode, 0);
    QCOMPARE(runCli(common + QStringList{"--threads", "2", "--out", dir.filePath("two")}).exitCode, 0);
    QCOMPARE(fileContents(dir.filePath("one/metrics.csv")), fileContents(dir.filePath("two/metrics.csv")));
    QCOMPARE(fileContents(dir.filePath("one/summary.csv")), fileContents(dir.filePath("two/summary.csv")));
}

void CliTest::comparisonPresetWritesSubfolders()
{
    QTemporaryDir dir;
    const Result result = runCli({"run", "--preset", "accumulate-vs-replace", "--generations", "3", "--replicates",
                                  "4", "--out", dir.path()});
    QCOMPARE(result.exitCode, 0);
    for (const char* side : {"replace", "accumulate"}) {
        for (const char* file : {"metrics.csv", "summary.csv", "scenario.json"}) {
            QVERIFY2(QFile::exists(dir.filePath(QString(side) + "/" + file)), file);
        }
    }
    QVERIFY(fileContents(dir.filePath("accumulate/scenario.json")).contains(R"("policy": "accumulate")"));
}

void CliTest::aReusedFolderDescribesOneRun()
{
    // An earlier run's outputs that the new run does not write again go: a comparison's side folders, the
    // transcripts of generations the new run does not reach. The user's own files stay.
    QTemporaryDir dir;
    QCOMPARE(runCli({"run", "--preset", "accumulate-vs-replace", "--generations", "3", "--replicates", "2", "--out", dir.path()}).exitCode, 0);
    QFile notes(dir.filePath("notes.md"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("mine");
    notes.close();
    QCOMPARE(runCli({"run", "--model", "text", "--generations", "3", "--replicates", "2", "--samples", "100", "--out", dir.path()}).exitCode, 0);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             (QStringList{"metrics.csv", "notes.md", "scenario.json", "summary.csv", "text"}));
    QCOMPARE(runCli({"run", "--model", "text", "--generations", "2", "--replicates", "2", "--samples", "100", "--out", dir.path()}).exitCode, 0);
    QCOMPARE(QDir(dir.filePath("text")).entryList(QDir::Files), (QStringList{"generation-0000.txt", "generation-0001.txt"}));
    QCOMPARE(runCli({"run", "--model", "gaussian", "--generations", "2", "--out", dir.path()}).exitCode, 0);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             (QStringList{"metrics.csv", "notes.md", "scenario.json", "summary.csv"}));
}

void CliTest::presetsAreListed()
{
    const Result result = runCli({"presets"});
    QCOMPARE(result.exitCode, 0);
    for (const char* name : {"gaussian-theorem", "gmm-paper", "gmm-minority", "human-data-10",
                             "accumulate-vs-replace", "sampling-bias"}) {
        QVERIFY2(result.stdOut.contains(QString("\n") + name + " ") || result.stdOut.startsWith(QString(name) + " "),
                 name);
    }
}

void CliTest::lessonsAreListed()
{
    const Result result = runCli({"lessons"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.stdOut.startsWith("what-is-model-collapse "), qPrintable(result.stdOut));
    QVERIFY2(result.stdOut.contains("\nwhat-can-we-do "), qPrintable(result.stdOut));
}

void CliTest::aLessonHandoutHasAPageAStep()
{
    QTemporaryDir dir;
    const QString lesson = dir.filePath("two-steps.json");
    const QByteArray step = R"({"scenario": {"model": "gaussian", "generations": 20, "replicates": 10, "samples": 10},
        "reveal": 19, "question": "Q?", "answers": ["a", "b"], "correct": 2,
        "shows": {"metric": "std", "is": "below", "than": "start"}, "explanation": "E."})";
    QFile file(lesson);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"lesson": 1, "title": "T", "summary": "S", "steps": [)" + step + ", " + step + "]}");
    file.close();
    const QString pdfPath = dir.filePath("handout.pdf");
    const Result result = runCli({"lesson-handout", lesson, "--out", pdfPath});
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdErr));
    const QByteArray pdf = fileContents(pdfPath);
    QVERIFY(pdf.startsWith("%PDF-"));
    // One page a step at most, each with its picture.
    const int pages = static_cast<int>(pdf.count("/Type /Page")) - static_cast<int>(pdf.count("/Type /Pages"));
    QVERIFY2(pages >= 1 && pages <= 2, qPrintable(QString::number(pages)));
    QCOMPARE(pdf.count("/Subtype /Image"), 2);
    const Result unknown = runCli({"lesson-handout", "no-such-lesson", "--out", dir.filePath("x.pdf")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.stdErr.contains(R"(unknown lesson "no-such-lesson")"));
    QVERIFY(!QFile::exists(dir.filePath("x.pdf")));
}

void CliTest::aShareCodeRunsThePresetItCameFrom()
{
    const Result shared = runCli({"share", "--preset", "accumulate-vs-replace"});
    QCOMPARE(shared.exitCode, 0);
    const QStringList lines = shared.stdOut.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].startsWith("cl1-"), qPrintable(lines[0]));
    QCOMPARE(lines[1], "collapselab://open/" + lines[0]);
    // The code and the link run the preset's comparison to the same bytes.
    QTemporaryDir dir;
    const QStringList small = {"--generations", "3", "--replicates", "4"};
    QCOMPARE(runCli(QStringList{"run", "--preset", "accumulate-vs-replace", "--out", dir.filePath("preset")} + small).exitCode, 0);
    QCOMPARE(runCli(QStringList{"run", "--share", lines[0], "--out", dir.filePath("code")} + small).exitCode, 0);
    QCOMPARE(runCli(QStringList{"run", "--share", lines[1], "--out", dir.filePath("link")} + small).exitCode, 0);
    for (const char* file : {"replace/metrics.csv", "accumulate/metrics.csv", "accumulate/scenario.json"}) {
        const QByteArray expected = fileContents(dir.filePath(QString("preset/") + file));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(fileContents(dir.filePath(QString("code/") + file)), expected);
        QCOMPARE(fileContents(dir.filePath(QString("link/") + file)), expected);
    }
}

void CliTest::badInputExitsTwoWithOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("scenarioFile");
    QTest::addColumn<QString>("message");
    const QByteArray none;
    QTest::addRow("negative samples") << QStringList{"run", "--samples", "-5"} << none << R"("samples" must be an integer from 2)";
    QTest::addRow("too few samples") << QStringList{"run", "--samples", "1"} << none << R"("samples" must be an integer from 2)";
    QTest::addRow("samples not a number") << QStringList{"run", "--samples", "many"} << none << R"("samples" must be an integer)";
    QTest::addRow("fraction above one") << QStringList{"run", "--set", "human_fraction=1.2"} << none << R"("human_fraction" must be a number in [0, 1])";
    QTest::addRow("negative fraction") << QStringList{"run", "--set", "filter_rate=-0.5"} << none << R"("filter_rate" must be a number in [0, 1])";
    QTest::addRow("unknown key") << QStringList{"run", "--set", "colour=blue"} << none << R"(unknown key "colour")";
    QTest::addRow("unknown model") << QStringList{"run", "--model", "llm"} << none << R"("model" must be one of gaussian, gmm, vae, cats, text, diffusion, regression, kde, not "llm")";
    QTest::addRow("unknown preset") << QStringList{"run", "--preset", "nope"} << none << R"(unknown preset "nope")";
    QTest::addRow("unknown option") << QStringList{"run", "--fast"} << none << R"(unknown option "--fast")";
    QTest::addRow("unknown command") << QStringList{"walk"} << none << R"(unknown command "walk")";
    QTest::addRow("missing value") << QStringList{"run", "--out", "OUT", "--samples"} << none << "--samples needs a value";
    QTest::addRow("bad --set") << QStringList{"run", "--set", "samples"} << none << "--set takes KEY=VALUE";
    QTest::addRow("bad thread count") << QStringList{"run", "--threads", "0"} << none << "--threads must be a whole number from 1";
    QTest::addRow("missing file") << QStringList{"run", "--scenario", "FILE_ABSENT"} << none << "no such file";
    QTest::addRow("truncated file") << QStringList{"run", "--scenario", "FILE"} << QByteArray(R"({"model": "gm)") << "not valid JSON (it ends too early)";
    QTest::addRow("binary file") << QStringList{"run", "--scenario", "FILE"} << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0", 10) << "not valid JSON (line 1, column 1)";
    QTest::addRow("wrong type in file") << QStringList{"run", "--scenario", "FILE"} << QByteArray(R"({"samples": "many"})") << R"("samples" must be an integer)";
    QTest::addRow("unknown key in file") << QStringList{"run", "--scenario", "FILE"} << QByteArray(R"({"model": "gmm", "colour": 1})") << R"(unknown key "colour")";
    QTest::newRow("export without a target") << QStringList{"export", "--preset", "gmm-paper"} << none << "export needs exactly one of --animation FILE, --figure FILE and --frames DIR";
    QTest::newRow("figure of another format") << QStringList{"export", "--figure", "OUT"} << none << "a figure is a .png, .svg or .pdf file";
    QTest::newRow("animation of another format") << QStringList{"export", "--animation", "OUT"} << none << "an animation is a .mp4, .webm or .gif file";
    QTest::newRow("unknown view") << QStringList{"export", "--view", "side", "--figure", "OUT.png"} << none << "--view takes stage, metrics or both";
    QTest::newRow("bad size") << QStringList{"export", "--animation", "OUT.mp4", "--size", "huge"} << none << "--size takes WIDTHxHEIGHT or 720p, 1080p, 4K";
    QTest::newRow("generation past the end") << QStringList{"export", "--generations", "5", "--figure", "OUT.png", "--generation", "0,9"} << none << "--generation 9 is past the run's last generation, 4";
    QTest::newRow("bad generation list") << QStringList{"export", "--figure", "OUT.png", "--generation", "0,,x"} << none << "--generation takes G or G,G,...";
    QTest::newRow("dpi for an animation") << QStringList{"export", "--animation", "OUT.mp4", "--dpi", "300"} << none << "--generation, --dpi and --transparent are for --figure";
    QTest::newRow("odd video size") << QStringList{"export", "--animation", "OUT.mp4", "--size", "641x360"} << none << "MP4 and WebM need an even width and height, not 641x360";
    QTest::newRow("GIF too fast") << QStringList{"export", "--animation", "OUT.gif", "--fps", "60"} << none << "a GIF shows at most 50 frames per second, not 60";
    QTest::newRow("frames too large") << QStringList{"export", "--frames", "OUT", "--size", "9000x9000"} << none << "a frame is 64x64 to 7680x4320 pixels, not 9000x9000";
    QTest::newRow("fps for a figure") << QStringList{"export", "--figure", "OUT.png", "--fps", "30"} << none << "--fps is for --animation and --frames";
    QTest::addRow("missing corpus") << QStringList{"run", "--model", "text", "--set", "dataset=FILE_ABSENT"} << none << "absent.json: no such file";
    QTest::addRow("corpus a folder") << QStringList{"run", "--model", "text", "--set", "dataset=TEMPDIR"} << none << "is a directory, not a text file";
    QTest::addRow("binary corpus") << QStringList{"run", "--model", "text", "--set", "dataset=FILE"} << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0", 10) << "is a binary file, not text (a NUL byte at byte offset 7)";
    QTest::addRow("Latin-1 corpus") << QStringList{"run", "--model", "text", "--set", "dataset=FILE"} << QByteArray("caf\xe9 au lait") << "is not valid UTF-8 (byte 0xE9 at byte offset 3)";
    QTest::addRow("empty corpus") << QStringList{"run", "--model", "text", "--set", "dataset=FILE"} << QByteArray("") << "scenario.json: is empty";
    QTest::addRow("short corpus") << QStringList{"run", "--model", "text", "--set", "dataset=FILE"} << QByteArray("Only a few words.") << "holds 5 tokens, too few for one training block of 64 tokens";
    QTest::addRow("beam width zero") << QStringList{"run", "--model", "text", "--set", "beam_width=0"} << none << R"("beam_width" must be an integer from 1)";
    QTest::addRow("prompt as long as a sequence") << QStringList{"run", "--model", "text", "--set", "prompt_length=64"} << none << R"("prompt_length" must be shorter than "sequence_length")";
    QTest::addRow("unknown smoothing") << QStringList{"run", "--model", "text", "--set", "smoothing=laplace"} << none << R"("smoothing" must be one of kneser_ney, none)";
    QTest::addRow("points with NaN") << QStringList{"run", "--model", "diffusion", "--set", "dataset=CSVFILE"} << QByteArray("1,2\n3,nan\n") << "line 2 holds \"3,nan\", not two finite numbers";
    QTest::addRow("points in one column") << QStringList{"run", "--model", "diffusion", "--set", "dataset=CSVFILE"} << QByteArray("1\n2\n") << "line 1 holds one value";
    QTest::addRow("one point") << QStringList{"run", "--model", "diffusion", "--set", "dataset=CSVFILE"} << QByteArray("1,2\n") << "holds 1 point";
    QTest::addRow("category without images") << QStringList{"run", "--model", "diffusion", "--set", "dataset=fashion-mnist-subset", "--set", "image_class=12"} << none << R"(no training image is of "image_class" 12)";
    QTest::addRow("too few noising steps") << QStringList{"run", "--model", "diffusion", "--set", "steps=5"} << none << R"("steps" must be an integer from 20)";
    QTest::addRow("image size neither 14 nor 28") << QStringList{"run", "--model", "diffusion", "--set", "image_size=20"} << none << R"("image_size" must be 14 or 28)";
    QTest::addRow("weights truncated") << QStringList{"run", "--preset", "text-neural-jackrabbits", "--set", "weights=FILE"} << QByteArray("CLABLM1\n\x01\0\0\0\0\x10", 14) << "scenario.json is truncated: it ends inside its shape";
    QTest::addRow("weights not weights") << QStringList{"run", "--preset", "text-neural-jackrabbits", "--set", "weights=FILE"} << QByteArray("{}") << "scenario.json is not a Collapse Lab weights file";
    QTest::addRow("weights of a later format") << QStringList{"run", "--preset", "text-neural-jackrabbits", "--set", "weights=FILE"} << QByteArray("CLABLM1\n\x02\0\0\0", 12) << "is of format version 2; this Collapse Lab reads version 1";
    QTest::addRow("weights of another shape") << QStringList{"run", "--preset", "text-neural-jackrabbits", "--set", "width=64"} << none << "is of another configuration: width 128 where the scenario has 64";
    QTest::addRow("weights absent") << QStringList{"run", "--preset", "text-neural-jackrabbits", "--set", "weights=FILE_ABSENT"} << none << "absent.json cannot be read: no such file";
    QTest::addRow("prompt beyond the context") << QStringList{"run", "--model", "text", "--set", "lm=transformer", "--set", "sequence_length=60"} << none << R"(must be at most "context" (64))";
    QTest::addRow("heads not dividing the width") << QStringList{"run", "--model", "text", "--set", "lm=transformer", "--set", "heads=3"} << none << R"("heads" (3) must divide "width" (128))";
    QTest::addRow("pretrain a Gaussian") << QStringList{"pretrain", "--preset", "gmm-paper", "--out", "OUT.weights"} << none << "pretrain needs one scenario of the text model";
    QTest::addRow("pretrain nowhere") << QStringList{"pretrain", "--epochs", "1"} << none << "pretrain needs --out FILE";
    QTest::addRow("pretrain at a learning rate of 0") << QStringList{"pretrain", "--learning-rate", "0", "--out", "OUT.weights"} << none << "--learning-rate must be above 0";
    QTest::addRow("preset and file") << QStringList{"run", "--preset", "gmm-paper", "--scenario", "FILE"} << QByteArray("{}") << "either --preset or --scenario";
    // Hostile or unlucky files and values (README.md, "Hardening").
    const QByteArray side = R"({"label": "a", "scenario": {"generations": 2}})";
    QTest::addRow("label climbing out") << QStringList{"run", "--scenario", "FILE"} << (R"({"compare": [)" + side + R"(, {"label": "../x", "scenario": {}}]})") << R"(the comparison's label "../x" contains a path separator)";
    QTest::addRow("label as an absolute path") << QStringList{"run", "--scenario", "FILE"} << (R"({"compare": [)" + side + R"(, {"label": "/tmp/x", "scenario": {}}]})") << "contains a path separator";
    QTest::addRow("hidden label") << QStringList{"run", "--scenario", "FILE"} << (R"({"compare": [)" + side + R"(, {"label": ".x", "scenario": {}}]})") << "starts with a dot";
    QTest::addRow("label twice") << QStringList{"run", "--scenario", "FILE"} << (R"({"compare": [)" + side + "," + side + "]}") << R"(two sides of the comparison are labelled "a")";
    QTest::addRow("deeply nested") << QStringList{"run", "--scenario", "FILE"} << (QByteArray(100000, '[') + QByteArray(100000, ']')) << "nested more than 64 levels deep";
    QTest::addRow("number beyond a double") << QStringList{"run", "--scenario", "FILE"} << QByteArray(R"({"filter_rate": 1e400})") << "holds a number too large for a double";
    QTest::addRow("run beyond memory") << QStringList{"run", "--samples", "10000000", "--replicates", "100000"} << none << "this run would need about";
    QTest::addRow("history beyond memory") << QStringList{"run", "--generations", "1000000", "--replicates", "100000"} << none << R"(make "generations" (1000000) or "replicates" (100000) smaller)";
    QTest::addRow("out is a file") << QStringList{"run", "--out", "FILE"} << QByteArray("{}") << "exists and is not a folder";
    QTest::addRow("damaged share code") << QStringList{"run", "--share", "cl1-01xj4vbfchjpr8ht49kp2xbkedmp2vh2fpbfsb7y"} << none << "the share code is damaged";
    QTest::addRow("share code and preset") << QStringList{"share", "--preset", "cats", "--share", "cl1-0"} << none << "give one of --preset, --scenario and --share";
    QTest::addRow("figure of one pixel") << QStringList{"export", "--figure", "OUT.png", "--size", "1x1"} << none << "a figure is 64 to 16384 pixels";
    QTest::addRow("figure in a missing folder") << QStringList{"export", "--figure", "TEMPDIR/absent/x.png"} << none << "absent does not exist";
}

void CliTest::badInputExitsTwoWithOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, scenarioFile);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString file = dir.filePath("scenario.json");
    // A CSV of points takes the contents where the arguments name one, else the scenario file does.
    const QString csv = dir.filePath("points.csv");
    if (!scenarioFile.isNull()) {
        QFile out(arguments.join(' ').contains("CSVFILE") ? csv : file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(scenarioFile);
    }
    arguments.replaceInStrings("CSVFILE", csv);
    arguments.replaceInStrings("FILE_ABSENT", dir.filePath("absent.json"));
    arguments.replaceInStrings("TEMPDIR", dir.path());
    arguments.replaceInStrings("FILE", file);
    const QString outDir = dir.filePath("results");
    arguments.replaceInStrings("OUT", outDir);
    if (arguments.front() == "run" && !arguments.contains("--out")) {
        arguments << "--out" << outDir;
    }
    const Result result = runCli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.stdErr.startsWith("collapselab-cli: "), qPrintable(result.stdErr));
    QVERIFY2(result.stdErr.contains(message), qPrintable(result.stdErr));
    QCOMPARE(result.stdErr.count('\n'), 1);
    QVERIFY2(!QFile::exists(outDir), "bad input must not leave an output folder");
}

void CliTest::versionIsPrinted()
{
    const Result result = runCli({"--version"});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.stdOut.trimmed(), QStringLiteral("collapselab-cli " COLLAPSELAB_VERSION));
}

void CliTest::helpComesFromTheTableOfCommands()
{
    const Result tool = runCli({"--help"});
    QCOMPARE(tool.exitCode, 0);
    // The commands, each with its synopsis and a line of its own in the list.
    const QStringList commands = {"run",   "presets",     "lessons",   "lesson-handout", "share", "export",
                                  "sweep", "sweep-merge", "reproduce", "pretrain",       "help",  "completion"};
    for (const QString& command : commands) {
        QVERIFY2(tool.stdOut.contains(QRegularExpression("\\n  collapselab-cli " + QRegularExpression::escape(command) + "[ \\n]")),
                 qPrintable(command));
        QVERIFY2(tool.stdOut.contains(QRegularExpression("\\n  " + QRegularExpression::escape(command) + " +\\S")), qPrintable(command));
        const Result help = runCli({"help", command});
        const Result option = runCli({command, "--help"});
        QCOMPARE(help.exitCode, 0);
        QCOMPARE(option.exitCode, 0);
        QCOMPARE(help.stdOut, option.stdOut);
        QVERIFY2(help.stdOut.startsWith("Usage:\n  collapselab-cli " + command), qPrintable(help.stdOut));
        QVERIFY2(!help.stdOut.contains("collapselab-cli " + QString(command == "run" ? "sweep" : "run") + " ["),
                 qPrintable(help.stdOut));
    }
    // No arguments: the same help, as bad input.
    const Result none = runCli({});
    QCOMPARE(none.exitCode, 2);
    QCOMPARE(none.stdOut, tool.stdOut);
    const Result unknown = runCli({"help", "walk"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.stdErr.contains(R"(unknown command "walk")"));
}

void CliTest::bashCompletionCompletes_data()
{
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("offered");
    QTest::addRow("commands") << "collapselab-cli sw" << "sweep sweep-merge";
    QTest::addRow("options of a command") << "collapselab-cli reproduce --" << "--scale --threads --out --help";
    QTest::addRow("presets") << "collapselab-cli run --preset gmm-" << "gmm-paper gmm-minority";
    QTest::addRow("models") << "collapselab-cli export --model ca" << "cats";
    QTest::addRow("choices") << "collapselab-cli reproduce --scale p" << "paper";
    QTest::addRow("a value to type") << "collapselab-cli run --samples " << "";
    QTest::addRow("help's commands") << "collapselab-cli help re" << "reproduce";
}

void CliTest::bashCompletionCompletes()
{
    QFETCH(QString, words);
    QFETCH(QString, offered);
    const Result script = runCli({"completion", "bash"});
    QCOMPARE(script.exitCode, 0);
    QTemporaryDir dir;
    QFile file(dir.filePath("collapselab-cli.bash"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script.stdOut.toUtf8());
    file.close();
    // The words as bash hands them over: the last one is being typed (empty after a space).
    QStringList typed = words.split(' ');
    QString array;
    for (const QString& word : typed) {
        array += "'" + word + "' ";
    }
    const QString command = QStringLiteral("source '%1' && COMP_WORDS=(%2) && COMP_CWORD=%3 && _collapselab_cli && "
                                           "echo \"${COMPREPLY[*]}\"")
                                .arg(file.fileName(), array)
                                .arg(typed.size() - 1);
    const Result completed = collapse::testing::runProgram(QStringLiteral("/bin/bash"), {"-c", command});
    QCOMPARE(completed.exitCode, 0);
    QCOMPARE(completed.stdOut.trimmed(), offered);
}

void CliTest::exportWritesFiguresAndAnimations()
{
    QTemporaryDir dir;
    const QStringList quick{"--preset", "gaussian-theorem", "--generations", "5", "--replicates", "20"};
    const Result figure = runCli(QStringList{"export"} + quick + QStringList{"--figure", dir.filePath("run.svg"), "--generation", "0,4"});
    QCOMPARE(figure.exitCode, 0);
    QVERIFY(fileContents(dir.filePath("run.svg")).contains("<path"));

    const Result png = runCli(QStringList{"export"} + quick +
                              QStringList{"--figure", dir.filePath("run.png"), "--dpi", "300", "--size", "320x200", "--view", "stage"});
    QCOMPARE(png.exitCode, 0);
    QCOMPARE(QImage(dir.filePath("run.png")).size(), QSize(1000, 625));

    const Result gif = runCli(QStringList{"export"} + quick + QStringList{"--animation", dir.filePath("run.gif"), "--size", "320x180"});
    QCOMPARE(gif.exitCode, 0);
    QVERIFY(fileContents(dir.filePath("run.gif")).startsWith("GIF89a"));

    const Result frames = runCli(QStringList{"export"} + quick + QStringList{"--frames", dir.filePath("frames"), "--size", "720p"});
    QCOMPARE(frames.exitCode, 0);
    const QStringList files = QDir(dir.filePath("frames")).entryList(QDir::Files);
    QCOMPARE(files.size(), 5);
    QCOMPARE(QImage(dir.filePath("frames/") + files.back()).size(), QSize(1280, 720));
    // Frames again into the same folder: refused before anything runs, the frames kept.
    const Result again = runCli(QStringList{"export"} + quick + QStringList{"--frames", dir.filePath("frames")});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.stdErr.contains("the folder is not empty; give a new or empty folder"), qPrintable(again.stdErr));
    QCOMPARE(QDir(dir.filePath("frames")).entryList(QDir::Files), files);

    const Result comparison = runCli({"export", "--preset", "accumulate-vs-replace", "--generations", "3", "--replicates",
                                      "2", "--figure", dir.filePath("comparison.pdf")});
    QCOMPARE(comparison.exitCode, 0);
    QVERIFY(fileContents(dir.filePath("comparison.pdf")).startsWith("%PDF-"));

    // A folder that does not exist: refused before anything runs (exit 2), the file named, nothing left.
    const Result unwritable = runCli(QStringList{"export"} + quick + QStringList{"--figure", dir.filePath("absent/run.pdf")});
    QCOMPARE(unwritable.exitCode, 2);
    QVERIFY2(unwritable.stdErr.contains("does not exist"), qPrintable(unwritable.stdErr));
    QVERIFY2(unwritable.stdErr.contains(dir.filePath("absent/run.pdf")), qPrintable(unwritable.stdErr));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             (QStringList{"comparison.pdf", "frames", "run.gif", "run.png", "run.svg"}));
}

// The disk fills up while writing (a file-size limit stands in for it, its signal ignored so that the
// write fails with EFBIG): exit 1 naming the file, no short file, and the previous results untouched.
void CliTest::aFullDiskLeavesNoShortFile()
{
    QTemporaryDir dir;
    const QStringList run = {"run", "--preset", "gaussian-theorem", "--generations", "30", "--replicates", "40", "--out", dir.filePath("run")};
    QCOMPARE(runCli(run).exitCode, 0);
    const QByteArray before = fileContents(dir.filePath("run/metrics.csv"));
    const auto limited = [&](const QStringList& arguments) {
        QStringList quoted;
        for (const QString& argument : arguments) {
            quoted << "'" + argument + "'";
        }
        return collapse::testing::runProgram("/bin/sh", {"-c", "trap '' XFSZ; ulimit -f 16; exec '" +
                                                                   QStringLiteral(COLLAPSELAB_CLI_PATH) + "' " + quoted.join(' ')});
    };
    const Result full = limited(run + QStringList{"--seed", "2"});
    QCOMPARE(full.exitCode, 1);
    QVERIFY2(full.stdErr.contains("cannot write " + dir.filePath("run/metrics.csv")), qPrintable(full.stdErr));
    QCOMPARE(fileContents(dir.filePath("run/metrics.csv")), before);

    const Result figure = limited({"export", "--preset", "gaussian-theorem", "--generations", "3", "--replicates", "5",
                                   "--figure", dir.filePath("big.png"), "--dpi", "600"});
    QCOMPARE(figure.exitCode, 1);
    QVERIFY2(figure.stdErr.contains("cannot write " + dir.filePath("big.png")), qPrintable(figure.stdErr));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{"run"});
    QCOMPARE(QDir(dir.filePath("run")).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             (QStringList{"metrics.csv", "scenario.json", "summary.csv"}));
}

// metrics.csv is written while the run goes on; an interrupted run leaves neither it nor its folder.
void CliTest::anInterruptedRunWritesNothing()
{
    QTemporaryDir dir;
    QProcess process;
    process.setReadChannel(QProcess::StandardError);
    process.start(QStringLiteral(COLLAPSELAB_CLI_PATH), {"run", "--preset", "gaussian-theorem", "--generations", "100000",
                                                         "--out", dir.filePath("deep/run")});
    QVERIFY(process.waitForStarted());
    QByteArray stderrText;
    while (!stderrText.contains("generation") && process.state() == QProcess::Running) {
        process.waitForReadyRead(1000);
        stderrText += process.readAllStandardError();
    }
    QVERIFY(QFileInfo::exists(dir.filePath("deep/run")));
    process.terminate();
    QVERIFY(process.waitForFinished(60'000));
    stderrText += process.readAllStandardError();
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(stderrText.contains("interrupted; nothing was written"), stderrText.constData());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{});
}

QTEST_GUILESS_MAIN(CliTest)
#include "test_cli.moc"
