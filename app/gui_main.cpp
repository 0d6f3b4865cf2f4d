// collapselab: the Collapse Lab window.

#include "core/lesson.h"
#include "core/scenario_sources.h"
#include "ui/lesson_player.h"
#include "ui/main_window.h"
#include "ui/named_choice.h"
#include "ui/session.h"
#include "ui/settings.h"
#include "ui/sweep_window.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>
#include <QUrl>

#include <cstdio>
#include <iostream>
#include <optional>

namespace {

// The scenarios to open: --preset, --scenario or --share, or a collapselab:// link as the desktop opens
// it (a comparison gives two), else the last one, else the default preset. A bad one is reported and the
// program exits with status 2.
std::vector<collapse::LabelledScenario> initialScenarios(const QCommandLineParser& parser)
{
    using namespace collapse;
    ScenarioRequest request;
    if (parser.isSet("preset")) {
        request.preset = parser.value("preset").toStdString();
    }
    if (parser.isSet("scenario")) {
        request.file = parser.value("scenario").toStdString();
    }
    if (parser.isSet("share")) {
        request.share = parser.value("share").toStdString();
    }
    // What the desktop hands over (Exec=collapselab %u): a collapselab:// link, a scenario file's path or
    // its file:// URL.
    const QStringList given = parser.positionalArguments();
    if (given.size() > 1 || (given.size() == 1 && (request.share || request.file))) {
        throw ScenarioError("give one scenario file, share code or link, not \"" + given.back().toStdString() + "\" as well");
    }
    if (given.size() == 1) {
        const QUrl url(given.front());
        if (given.front().startsWith(QStringLiteral("collapselab:"), Qt::CaseInsensitive)) {
            request.share = given.front().toStdString();
        } else {
            request.file = (url.isLocalFile() ? url.toLocalFile() : given.front()).toStdString();
        }
    }
    if (request.preset || request.file || request.share) {
        return resolveScenarios(request);
    }
    const QString last = ui::Settings::lastScenario();
    if (!last.isEmpty()) {
        try {
            return {{std::string(), parseScenario(last.toStdString(), "the last session's scenario")}};
        } catch (const ScenarioError& error) {
            // A scenario saved by another version, or a settings file edited by hand: it is dropped, so
            // that the next start does not meet it again, and the window starts from the default.
            ui::Settings::setLastScenario(QString());
            std::cerr << "collapselab: " << error.what() << "; it was dropped and the default opens instead\n";
        }
    }
    // The first preset of the lecture.
    return {{std::string(), scenarioFromJson(builtinPresets().front().entries.front().object)}};
}

// The program's options, for the window and for --help alike.
void describeOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QCoreApplication::translate("main", "Watch generative models forget."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({"preset", QCoreApplication::translate("main", "Open the built-in preset NAME."), "NAME"});
    parser.addOption({"scenario", QCoreApplication::translate("main", "Open the scenario file FILE."), "FILE"});
    parser.addOption({"share", QCoreApplication::translate("main", "Open the scenario of the share code or link CODE."), "CODE"});
    parser.addOption({"lesson", QCoreApplication::translate("main", "Play the bundled lesson NAME or the lesson file FILE."),
                      "NAME"});
    parser.addOption({"lesson-step", QCoreApplication::translate("main", "Start the lesson at step K (from 1)."), "K"});
    parser.addOption({"lesson-reveal", QCoreApplication::translate("main", "Reveal the lesson's first step shown.")});
    parser.addPositionalArgument(QStringLiteral("link"),
                                 QCoreApplication::translate("main", "A collapselab:// link to open, as --share does, or "
                                                                     "a scenario file, as --scenario does."),
                                 QStringLiteral("[link|file]"));
    parser.addOption({"screenshot",
                      QCoreApplication::translate("main", "Save the window to the PNG file FILE once the run is done, "
                                                          "then quit."),
                      "FILE"});
    parser.addOption({"screenshot-generation",
                      QCoreApplication::translate("main", "The generation on stage in the screenshot (default: the last)."),
                      "G"});
    parser.addOption({"size", QCoreApplication::translate("main", "The window's size, e.g. 1920x1080."), "WxH"});
    parser.addOption({"theme", QCoreApplication::translate("main", "The colour theme: light, dark or projector."), "THEME"});
    parser.addOption({"presenter", QCoreApplication::translate("main", "Start in presenter mode (full screen).")});
    parser.addOption({"stage",
                      QCoreApplication::translate("main", "What the stage shows: one-chain, then-and-now (generation 0 "
                                                          "beside the generation on stage) or many-chains (nine at once)."),
                      "VIEW"});
}

// The application's names, and its translations into the user's language where there are any.
void setUpApplication(QCoreApplication& application, QTranslator& qtTranslator, QTranslator& translator)
{
    QCoreApplication::setApplicationName(QStringLiteral("Collapse Lab"));
    QCoreApplication::setOrganizationName(QStringLiteral("Collapse Lab"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("collapselab.org"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COLLAPSELAB_VERSION));
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        application.installTranslator(&qtTranslator);
    }
    if (translator.load(QLocale(), QStringLiteral("collapselab"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        application.installTranslator(&translator);
    }
}

// --help and --version need no screen: answered before the window's application, which needs a display.
bool onlyAsksForHelp(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" || argument == "-?" ||
            argument == "-v" || argument == "--version") {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (onlyAsksForHelp(argc, argv)) {
        QCoreApplication application(argc, argv);
        QTranslator qtTranslator;
        QTranslator translator;
        setUpApplication(application, qtTranslator, translator);
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(application);
        return 0;
    }
    QApplication application(argc, argv);
    QTranslator qtTranslator;
    QTranslator translator;
    setUpApplication(application, qtTranslator, translator);
    QApplication::setDesktopFileName(QStringLiteral("org.collapselab.CollapseLab"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.collapselab.CollapseLab-256.png")));
    // Readable from the back of a lecture hall at 1920x1080.
    collapse::ui::applyApplicationFont();

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(application);

    std::vector<collapse::LabelledScenario> scenarios;
    try {
        scenarios = initialScenarios(parser);
    } catch (const collapse::ScenarioError& error) {
        std::fprintf(stderr, "collapselab: %s\n", error.what());
        return 2;
    }
    std::optional<collapse::Lesson> lesson;
    int lessonStep = 0;
    if (parser.isSet("lesson")) {
        try {
            lesson = collapse::lessonNamed(parser.value("lesson").toStdString());
        } catch (const std::runtime_error& error) { // ScenarioError, a file that cannot be read
            std::fprintf(stderr, "collapselab: %s\n", error.what());
            return 2;
        }
        if (parser.isSet("lesson-step")) {
            bool number = false;
            lessonStep = parser.value("lesson-step").toInt(&number) - 1;
            if (!number || lessonStep < 0 || lessonStep >= static_cast<int>(lesson->steps.size())) {
                std::fprintf(stderr, "collapselab: --lesson-step is a step from 1 to %zu of the lesson, not \"%s\"\n",
                             lesson->steps.size(), qPrintable(parser.value("lesson-step")));
                return 2;
            }
        }
    }
    collapse::ui::Session session;
    collapse::ui::MainWindow window(session);
    if (parser.isSet("preset")) {
        window.openPreset(parser.value("preset").toStdString());
    }
    if (lesson) {
        window.openLesson(*lesson, lessonStep);
    } else if (session.sideCount() == 0) {
        // A sweep preset opens its sweep window, with the default scenario behind it.
        session.open(scenarios);
    }
    // A sweep preset shows its phase diagram in the sweep window: --size and --screenshot apply to it.
    collapse::ui::SweepWindow* sweeps = window.sweepWindow();
    QWidget* shown = sweeps != nullptr ? static_cast<QWidget*>(sweeps) : &window;
    if (parser.isSet("size")) {
        // From a small projector's to an 8K screen's: a larger window would take gigabytes to grab.
        const QStringList parts = parser.value("size").split('x');
        const auto inRange = [](const QString& part, int lowest) { return part.toInt() >= lowest && part.toInt() <= 8192; };
        if (parts.size() == 2 && inRange(parts[0], 640) && inRange(parts[1], 480)) {
            const QSize size(parts[0].toInt(), parts[1].toInt());
            if (shown == &window) {
                window.keepSize(size);
            } else {
                shown->resize(size);
            }
        } else {
            std::fprintf(stderr, "collapselab: --size takes WIDTHxHEIGHT from 640x480 to 8192x8192, not \"%s\"\n",
                         qPrintable(parser.value("size")));
            return 2;
        }
    }
    if (parser.isSet("screenshot")) {
        const QString file = parser.value("screenshot");
        // One more turn of the event loop once everything is computed, so that every view has painted.
        const auto saveAndQuit = [shown, file] {
            QTimer::singleShot(300, shown, [shown, file] {
                if (!shown->grab().save(file)) {
                    std::fprintf(stderr, "collapselab: cannot write %s\n", qPrintable(file));
                    QApplication::exit(1);
                    return;
                }
                QApplication::quit();
            });
        };
        if (sweeps != nullptr) {
            QObject::connect(sweeps, &collapse::ui::SweepWindow::sweepCompleted, sweeps, saveAndQuit);
        } else {
            // A run that is refused (too large for memory, a data file that cannot be read) never completes:
            // the program says why and ends, rather than wait for a picture that cannot come.
            const auto refuse = [](const QString& why) {
                std::fprintf(stderr, "collapselab: no screenshot: %s\n", qPrintable(why));
                QApplication::exit(1);
            };
            QObject::connect(&session.runs(), &collapse::ui::RunController::failed, &window, refuse);
            if (session.runs().hasFailed()) {
                QTimer::singleShot(0, &window, [refuse, why = session.runs().failure()] { refuse(why); });
            }
            const int generation = parser.isSet("screenshot-generation") ? parser.value("screenshot-generation").toInt()
                                                                        : session.scenario().generations - 1;
            const bool reveal = parser.isSet("lesson-reveal");
            QObject::connect(&window, &collapse::ui::MainWindow::runCompleted, &window, [&window, generation, saveAndQuit, reveal] {
                collapse::ui::LessonPlayer* player = window.lessonPlayer();
                if (!player->isPlaying()) {
                    window.goToGeneration(generation);
                    saveAndQuit();
                } else if (reveal && !player->isRevealed()) {
                    // Revealed once the run is there: the picture is the step's reveal generation.
                    player->reveal();
                    QTimer::singleShot(0, &window, [&window, player, saveAndQuit] {
                        window.goToGeneration(player->revealGeneration());
                        saveAndQuit();
                    });
                } else {
                    saveAndQuit();
                }
            });
        }
    }
    if (parser.isSet("stage")) {
        using Layout = collapse::ui::StageArea::Layout;
        const auto layout = collapse::ui::choiceNamed<Layout>(
            parser.value("stage"),
            {{"one-chain", Layout::OneChain}, {"then-and-now", Layout::ThenAndNow}, {"many-chains", Layout::ManyChains}});
        if (!layout) {
            std::fprintf(stderr, "collapselab: --stage takes one-chain, then-and-now or many-chains, not \"%s\"\n",
                         qPrintable(parser.value("stage")));
            return 2;
        }
        window.setStageLayout(*layout);
    }
    if (parser.isSet("theme")) {
        const auto theme = collapse::ui::choiceNamed<collapse::ui::Theme>(
            parser.value("theme"), {{"light", collapse::ui::Theme::Light},
                                    {"dark", collapse::ui::Theme::Dark},
                                    {"projector", collapse::ui::Theme::Projector}});
        if (!theme) {
            std::fprintf(stderr, "collapselab: --theme takes light, dark or projector, not \"%s\"\n",
                         qPrintable(parser.value("theme")));
            return 2;
        }
        window.setTheme(*theme);
    }
    window.show();
    if (parser.isSet("presenter")) {
        window.setPresenterMode(true);
        if (sweeps != nullptr) {
            sweeps->setFullScreen(true);
        }
    }
    if (sweeps != nullptr) {
        sweeps->raise();
    }
    return application.exec();
}
