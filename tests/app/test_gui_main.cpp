// collapselab's command line: its version, its options in the user's language (the German
// translation), screenshots of the size asked for, a refused run that ends the program, and exit status 2
// with one line for a bad preset, theme, size or stage.

#include "tests/common/programs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcessEnvironment>
#include <QTest>

namespace {

using Result = collapse::testing::ProgramResult;

Result runGui(const QStringList& arguments, const QString& language = QStringLiteral("C"))
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "offscreen");
    environment.insert("LC_ALL", language);
    environment.insert("LANG", language);
    environment.insert("LANGUAGE", language);
    return collapse::testing::runProgram(QStringLiteral(COLLAPSELAB_GUI_PATH), arguments, environment);
}

} // namespace

class GuiMainTest : public QObject {
    Q_OBJECT

private slots:
    void versionIsPrinted()
    {
        const Result result = runGui({"--version"});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.stdOut.trimmed(), QStringLiteral("Collapse Lab " COLLAPSELAB_VERSION));
    }

    void helpSpeaksTheUsersLanguage()
    {
        const Result english = runGui({"--help"});
        QCOMPARE(english.exitCode, 0);
        QVERIFY2(english.stdOut.contains("Watch generative models forget."), qPrintable(english.stdOut));
        const Result german = runGui({"--help"}, QStringLiteral("de_DE.UTF-8"));
        QCOMPARE(german.exitCode, 0);
        QVERIFY2(german.stdOut.contains(QString::fromUtf8("Sehen Sie generativen Modellen beim Vergessen zu.")),
                 qPrintable(german.stdOut));
        QVERIFY(german.stdOut.contains(QString::fromUtf8("Die eingebaute Vorlage NAME öffnen.")));
    }

    // Over ssh or in a package check there is no display: --help and --version must not need one.
    void helpAndVersionNeedNoDisplay()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* variable : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"}) {
            environment.remove(QString::fromLatin1(variable));
        }
        environment.insert("LC_ALL", "C");
        const Result version = collapse::testing::runProgram(QStringLiteral(COLLAPSELAB_GUI_PATH), {"--version"}, environment);
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.stdOut.trimmed(), QStringLiteral("Collapse Lab " COLLAPSELAB_VERSION));
        const Result help = collapse::testing::runProgram(QStringLiteral(COLLAPSELAB_GUI_PATH), {"--help"}, environment);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.stdOut.contains("--presenter"), qPrintable(help.stdOut + help.stdErr));
    }

    // What the desktop hands over for a collapselab:// link: the window opens its scenario.
    void aLinkOpensItsScenario()
    {
        const QString link = QStringLiteral("collapselab://open/cl1-01xj4vbfchjpr8ht49kp2xbkedmp2vh2fpbfsb7x");
        const QString picture = QDir::temp().filePath(QStringLiteral("collapselab-link-%1.png").arg(QCoreApplication::applicationPid()));
        const Result result = runGui({link, "--screenshot", picture});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(!QImage(picture).isNull());
        QFile::remove(picture);
    }

    // How screenshots are scripted: the picture has the size asked for, whatever the screen (the plain
    // offscreen platform's is 800×600).
    void aScreenshotHasTheSizeAsked()
    {
        const QString picture = QDir::temp().filePath(QStringLiteral("collapselab-size-%1.png").arg(QCoreApplication::applicationPid()));
        const Result result = runGui({"--share", "cl1-01xj4vbfchjpr8ht49kp2xbkedmp2vh2fpbfsb7x", "--size", "1280x720",
                                      "--screenshot", picture});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QImage(picture).size(), QSize(1280, 720));
        QFile::remove(picture);
    }

    // A run the window refuses never completes: the screenshot is not waited for forever.
    void aRefusedRunEndsTheScreenshot()
    {
        const QString folder = QDir::temp().filePath(QStringLiteral("collapselab-refused-%1").arg(QCoreApplication::applicationPid()));
        QVERIFY(QDir().mkpath(folder));
        QFile scenario(folder + "/huge.json");
        QVERIFY(scenario.open(QIODevice::WriteOnly));
        scenario.write(R"({"model": "gaussian", "samples": 10000000, "replicates": 100000, "generations": 10})");
        scenario.close();
        const Result result = runGui({"--scenario", scenario.fileName(), "--screenshot", folder + "/never.png"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.stdErr.contains("collapselab: no screenshot: this run would need about"), qPrintable(result.stdErr));
        QVERIFY(!QFile::exists(folder + "/never.png"));
        QDir(folder).removeRecursively();
    }

    void badOptionsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("preset") << QStringList{"--preset", "nope"} << "unknown preset \"nope\"";
        QTest::newRow("theme") << QStringList{"--theme", "neon", "--preset", "cats"} << "--theme takes light, dark or projector";
        QTest::newRow("size") << QStringList{"--size", "big", "--preset", "cats"} << "--size takes WIDTHxHEIGHT";
        QTest::newRow("size beyond any screen") << QStringList{"--size", "100000x100000", "--preset", "cats"}
                                                << "--size takes WIDTHxHEIGHT from 640x480 to 8192x8192, not \"100000x100000\"";
        QTest::newRow("stage") << QStringList{"--stage", "all-chains", "--preset", "cats"}
                               << "--stage takes one-chain, then-and-now or many-chains, not \"all-chains\"";
        QTest::newRow("damaged share code") << QStringList{"--share", "cl1-01xj4vbfchjpr8ht49kp2xbkedmp2vh2fpbfsb7y"}
                                            << "collapselab: the share code is damaged";
        QTest::newRow("link to no code") << QStringList{"collapselab://open/hello"} << "is not a Collapse Lab code";
        QTest::newRow("two links") << QStringList{"collapselab://open/a", "collapselab://open/b"}
                                   << "give one scenario file, share code or link";
    }

    void badOptionsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Result result = runGui(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.stdErr.contains(message), qPrintable(result.stdErr));
    }
};

QTEST_GUILESS_MAIN(GuiMainTest)
#include "test_gui_main.moc"
