// The lesson player (ui/lesson_player.h): PageDown reveals a step and plays its run to the reveal, then
// goes on; PageUp goes back with the question unanswered; number keys choose; a step's locked keys cannot
// be changed in the panel, and leaving the lesson unlocks them.

#include "core/lesson.h"
#include "tests/common/window_fixture.h"
#include "ui/lesson_player.h"
#include "ui/parameter_panel.h"
#include "ui/playback.h"

#include <QApplication>
#include <QComboBox>
#include <QStandardPaths>
#include <QSlider>
#include <QTest>

using namespace collapse;
using namespace collapse::ui;

namespace {

// Two quick steps of a normal: 30 generations of 20 chains, shown from 5 and revealed at 25.
Lesson quickLesson()
{
    const std::string step = R"({"scenario": {"model": "gaussian", "generations": 30, "replicates": 20, "samples": 20},
        "start": 5, "reveal": 25, "unlocked": ["samples"], "question": "Q?", "answers": ["a", "b", "c"], "correct": 3,
        "shows": {"metric": "std", "is": "below", "than": "start"}, "explanation": "E."})";
    return parseLesson(R"({"lesson": 1, "title": "T", "summary": "S", "steps": [)" + step + ", " + step + "]}", "test", "quick");
}

// The same steps, the first with nine chains on stage, the second with generation 0 beside the shown one.
Lesson stagedLesson()
{
    const auto step = [](const std::string& stage) {
        return R"({"scenario": {"model": "gaussian", "generations": 30, "replicates": 20, "samples": 20}, "stage": ")" +
               stage + R"(", "start": 5, "reveal": 25, "question": "Q?", "answers": ["a", "b"], "correct": 2,
               "shows": {"metric": "std", "is": "below", "than": "start"}, "explanation": "E."})";
    };
    return parseLesson(R"({"lesson": 1, "title": "T", "summary": "S", "steps": [)" + step("many-chains") + ", " +
                           step("then-and-now") + "]}",
                       "test", "staged");
}

} // namespace

class LessonPlayerTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theRemotesKeysRevealAndMoveOn()
    {
        testing::WindowFixture fixture;
        MainWindow& window = fixture.window;
        window.show();
        fixture.session.playback().setGenerationsPerSecond(1000);
        window.openLesson(quickLesson());
        LessonPlayer* player = window.lessonPlayer();
        QVERIFY(player->isVisible());
        // The charts would give the answer away: they wait for the reveal.
        QVERIFY(!window.findChild<ChartPanel*>()->isVisible());
        // Before the reveal the stage holds at the step's start, however far the run has come.
        QTRY_VERIFY_WITH_TIMEOUT(fixture.session.runs().isComplete(), 20000);
        QTRY_COMPARE(fixture.session.playback().shown(), 5);
        // A run's views made afresh can leave the offscreen platform's window inactive: active again for
        // the keys, as a lecturer's window is.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(QApplication::focusWidget(), player);
        QTest::keyClick(&window, Qt::Key_2);
        QCOMPARE(player->chosenAnswer(), 1);
        QTest::keyClick(&window, Qt::Key_PageDown);
        QVERIFY(player->isRevealed());
        QVERIFY(window.findChild<ChartPanel*>()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(fixture.session.playback().shown(), 25, 10000);
        QVERIFY(!fixture.session.playback().isPlaying());
        // Revealed, the answer stays; the next PageDown opens step 2, unanswered, PageUp comes back.
        QTest::keyClick(&window, Qt::Key_1);
        QCOMPARE(player->chosenAnswer(), 1);
        QTest::keyClick(&window, Qt::Key_PageDown);
        QCOMPARE(player->step(), 1);
        QVERIFY(!player->isRevealed());
        QCOMPARE(player->chosenAnswer(), -1);
        QTest::keyClick(&window, Qt::Key_PageDown);
        QTest::keyClick(&window, Qt::Key_PageDown); // the last step: nothing after it
        QCOMPARE(player->step(), 1);
        QTest::keyClick(&window, Qt::Key_PageUp);
        QCOMPARE(player->step(), 0);
        QVERIFY(!player->isRevealed());
    }

    void aStepsLockedKeysCannotBeChanged()
    {
        testing::WindowFixture fixture;
        MainWindow& window = fixture.window;
        window.show();
        window.openLesson(quickLesson());
        auto* panel = window.findChild<ParameterPanel*>();
        QVERIFY(panel != nullptr);
        QVERIFY(panel->sampleSizeSlider()->isEnabled());
        QVERIFY(!panel->humanFractionSlider()->isEnabled());
        QVERIFY(!panel->modelPicker()->isEnabled());
        QVERIFY(!panel->editorFor("estimator")->isEnabled());
        // Opening something else ends the lesson.
        fixture.session.openPreset("cats");
        QVERIFY(!window.lessonPlayer()->isPlaying());
        QVERIFY(!window.lessonPlayer()->isVisible());
        QVERIFY(window.findChild<ChartPanel*>()->isVisible());
        QVERIFY(panel->humanFractionSlider()->isEnabled());
        QVERIFY(panel->modelPicker()->isEnabled());
        QVERIFY(panel->editorFor("shrinkage") != nullptr && panel->editorFor("shrinkage")->isEnabled());
    }

    void aStepSaysWhatTheStageShows()
    {
        testing::WindowFixture fixture;
        MainWindow& window = fixture.window;
        window.show();
        window.openLesson(stagedLesson());
        QCOMPARE(window.stageLayout(), StageLayout::ManyChains);
        QVERIFY(fixture.session.runs().manyChains());
        QTRY_VERIFY_WITH_TIMEOUT(fixture.session.runs().isComplete(), 20000);
        QCOMPARE(fixture.session.history().moreChains().size(), std::size_t(8));
        window.lessonPlayer()->next();
        window.lessonPlayer()->next();
        QCOMPARE(window.lessonPlayer()->step(), 1);
        QCOMPARE(window.stageLayout(), StageLayout::ThenAndNow);
        QVERIFY(!fixture.session.runs().manyChains());
        // The lesson's end leaves one chain on stage.
        fixture.session.openPreset("cats");
        QCOMPARE(window.stageLayout(), StageLayout::OneChain);
    }
};

QTEST_MAIN(LessonPlayerTest)
#include "test_lesson_player.moc"
