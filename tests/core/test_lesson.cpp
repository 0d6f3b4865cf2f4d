// Lessons (core/lesson.h): the bundled lessons load and read back the same; a lesson file that cannot be
// used is refused naming the step and the key; and every bundled step's run shows what its right answer
// says, so a lesson can never claim what the simulation does not do.

#include "core/lesson.h"
#include "core/scenario.h"
#include "tests/common/statistics.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <fstream>
#include <string>

using namespace collapse;
using namespace collapse::testing;

namespace {

// A lesson of one step with `step`'s keys over a small valid step.
std::string lessonWithStep(const std::string& stepKeys)
{
    return R"({"lesson": 1, "title": "T", "summary": "S", "steps": [{"preset": "gaussian-theorem", )" + stepKeys +
           R"(}]})";
}

const std::string kValidStep = R"("question": "Q?", "answers": ["a", "b"], "correct": 2, "explanation": "E",
    "shows": {"metric": "std", "is": "below", "than": "start"})";

} // namespace

class LessonTest : public QObject {
    Q_OBJECT

private slots:
    void bundledLessonsReadBackTheSame()
    {
        QCOMPARE(builtinLessons().size(), std::size_t(2));
        QCOMPARE(builtinLessons().front().name, std::string("what-is-model-collapse"));
        // The first lesson shows the cats then and now, and nine chains of the normal at once.
        const auto& first = builtinLessons().front().steps;
        QVERIFY(std::any_of(first.begin(), first.end(), [](const LessonStep& step) { return step.stage == StageLayout::ThenAndNow; }));
        QVERIFY(std::any_of(first.begin(), first.end(), [](const LessonStep& step) { return step.stage == StageLayout::ManyChains; }));
        for (const Lesson& lesson : builtinLessons()) {
            const std::string text = serializeLesson(lesson);
            const Lesson again = parseLesson(text, "again", lesson.name);
            QCOMPARE(serializeLesson(again), text);
            QCOMPARE(again.steps.size(), lesson.steps.size());
            for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
                QCOMPARE(again.steps[i].reveal, lesson.steps[i].reveal);
                QCOMPARE(again.steps[i].correct, lesson.steps[i].correct);
                QCOMPARE(again.steps[i].stage, lesson.steps[i].stage);
                QCOMPARE(again.steps[i].scenarios.front().scenario, lesson.steps[i].scenarios.front().scenario);
            }
            QCOMPARE(lessonNamed(lesson.name).title, lesson.title);
        }
    }

    void badLessonsAreRefusedByName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown preset") << QString::fromStdString(R"({"lesson": 1, "title": "T", "summary": "S", "steps": [{"preset": "nope", )" + kValidStep + "}]}")
                                        << R"(step 1: unknown preset "nope")";
        QTest::addRow("reveal beyond the run") << QString::fromStdString(lessonWithStep(R"("reveal": 500, )" + kValidStep))
                                               << R"(step 1: "reveal" must be a generation from 0 to 499 (the run's last), not 500)";
        QTest::addRow("reveal before start") << QString::fromStdString(lessonWithStep(R"("start": 9, "reveal": 3, )" + kValidStep))
                                             << R"(step 1: "reveal" (3) comes before "start" (9))";
        QTest::addRow("locked key that does not exist") << QString::fromStdString(lessonWithStep(R"("unlocked": ["em_tol"], )" + kValidStep))
                                                        << R"(step 1: "unlocked": the gaussian model has no key "em_tol")";
        QTest::addRow("a metric the model lacks") << QString::fromStdString(lessonWithStep(R"("question": "Q?", "answers": ["a", "b"], "correct": 2, "explanation": "E", "shows": {"metric": "vocabulary", "is": "below", "than": "start"})"))
                                                  << R"(step 1: "shows": the gaussian model measures no "vocabulary")";
        QTest::addRow("other side of one") << QString::fromStdString(lessonWithStep(R"("question": "Q?", "answers": ["a", "b"], "correct": 2, "explanation": "E", "shows": {"metric": "std", "is": "below", "than": "other side"})"))
                                           << R"(in a comparison of two sides)";
        QTest::addRow("one answer") << QString::fromStdString(lessonWithStep(R"("question": "Q?", "answers": ["a"], "correct": 1, "explanation": "E", "shows": {"metric": "std", "is": "below", "than": "start"})"))
                                    << R"(step 1: "answers" is a list of 2 to 4 answers)";
        QTest::addRow("right answer out of range") << QString::fromStdString(lessonWithStep(R"("question": "Q?", "answers": ["a", "b"], "correct": 3, "explanation": "E", "shows": {"metric": "std", "is": "below", "than": "start"})"))
                                                   << R"("correct" is the number of the right answer, from 1 to 2)";
        QTest::addRow("unknown step key") << QString::fromStdString(lessonWithStep(R"("hint": "h", )" + kValidStep))
                                          << R"(step 1: unknown key "hint")";
        QTest::addRow("an unknown stage") << QString::fromStdString(lessonWithStep(R"("stage": "all-chains", )" + kValidStep))
                                          << R"(step 1: "stage" is "one-chain", "then-and-now" or "many-chains", not "all-chains")";
        QTest::addRow("a bad key set") << QString::fromStdString(lessonWithStep(R"("set": {"samples": 1}, )" + kValidStep))
                                       << R"("samples" must be an integer from 2)";
        QTest::addRow("a sweep") << QString::fromStdString(R"({"lesson": 1, "title": "T", "summary": "S", "steps": [{"preset": "phase-cats", )" + kValidStep + "}]}")
                                 << "is a sweep, which a lesson cannot play";
        QTest::addRow("another version") << R"({"lesson": 2, "title": "T", "summary": "S", "steps": []})"
                                         << R"("lesson" must be 1, the format this version reads, not 2)";
        QTest::addRow("no steps") << R"({"lesson": 1, "title": "T", "summary": "S", "steps": []})"
                                  << R"("steps" is a list of 1 to 40 steps)";
        QTest::addRow("deep nesting") << QString(5000, '[') + QString(5000, ']') << "nested more than";
        QTest::addRow("a 10 MB question") << QString::fromStdString(lessonWithStep(R"("question": ")" + std::string(10'000'000, 'x') +
                                                                                   R"(", "answers": ["a", "b"], "correct": 2, "explanation": "E", "shows": {"metric": "std", "is": "below", "than": "start"})"))
                                          << R"(step 1: "question" must be 1 to 600 characters long, not 10000000)";
    }

    void badLessonsAreRefusedByName()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        try {
            parseLesson(text.toStdString(), "lesson.json", "lesson");
            QFAIL("the lesson was accepted");
        } catch (const ScenarioError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).startsWith("lesson.json: "), error.what());
            QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
        }
    }

    void aLessonFileIsReadWhole()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("mine.json").toStdString();
        std::ofstream(path) << lessonWithStep(kValidStep);
        QCOMPARE(lessonNamed(path).name, std::string("mine"));
        // Larger than a lesson file may be: refused before it is parsed.
        std::ofstream(path) << std::string(2 << 20, ' ');
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, lessonNamed(path));
        QVERIFY_THROWS_EXCEPTION(ScenarioError, lessonNamed("no-such-lesson"));
    }

    void everyStepShowsItsRightAnswer_data()
    {
        QTest::addColumn<int>("lesson");
        QTest::addColumn<int>("step");
        for (std::size_t l = 0; l < builtinLessons().size(); ++l) {
            for (std::size_t s = 0; s < builtinLessons()[l].steps.size(); ++s) {
                QTest::addRow("%s %zu", builtinLessons()[l].name.c_str(), s + 1) << int(l) << int(s);
            }
        }
    }

    void everyStepShowsItsRightAnswer()
    {
        QFETCH(int, lesson);
        QFETCH(int, step);
        const LessonStep& shown = builtinLessons()[static_cast<std::size_t>(lesson)].steps[static_cast<std::size_t>(step)];
        std::vector<RunResults> sides;
        for (const LabelledScenario& side : shown.scenarios) {
            sides.push_back(runScenario(side.scenario));
        }
        std::string why;
        QVERIFY2(stepShowsItsAnswer(shown, sides, why), why.c_str());
        // And the claim can fail: turned round, the same numbers refute it.
        LessonStep reversed = shown;
        reversed.shows.direction = shown.shows.direction == LessonClaim::Direction::Below ? LessonClaim::Direction::Above
                                                                                          : LessonClaim::Direction::Below;
        QVERIFY2(!stepShowsItsAnswer(reversed, sides, why), why.c_str());
    }
};

QTEST_APPLESS_MAIN(LessonTest)
#include "test_lesson.moc"
