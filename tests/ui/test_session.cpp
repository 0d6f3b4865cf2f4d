// What is on stage, without a window: a panel's edit follows into the other side of a comparison and
// stays one undo step, an edit into another model ends the comparison, undo and redo restore the sides
// and tell the panel, a bad file changes nothing, a preset says its title, and another chain on stage
// returns to the generation that was shown.

#include "core/models/cats/cats_settings.h"
#include "core/models/gaussian/gaussian_settings.h"
#include "core/models/gmm/gmm_settings.h"
#include "tests/common/quick_scenarios.h"
#include "ui/parameter_change.h"
#include "ui/session.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace collapse;
using namespace collapse::ui;

namespace {

constexpr int kRunTimeoutMs = 60000;

Scenario quickGaussian(Policy policy = Policy::Replace)
{
    return collapse::testing::smallGaussian(20, 10, 40, policy);
}

} // namespace

class SessionTest : public QObject {
    Q_OBJECT

private slots:
    void anEditFollowsIntoTheOtherSide();
    void theKeyThatMakesTheComparisonStaysApart();
    void anotherModelEndsTheComparison();
    void undoAndRedoRestoreTheSidesAndThePanel();
    void firstSideOnlyIsOneStep();
    void aBadFileChangesNothing();
    void savedFilesOpenAsTheyWere();
    void aPresetSaysItsTitle();
    void anotherChainReturnsToTheShownGeneration();
};

void SessionTest::anEditFollowsIntoTheOtherSide()
{
    Session session;
    session.open({{"replace", quickGaussian()}, {"accumulate", quickGaussian(Policy::Accumulate)}});
    Scenario edited = session.scenario();
    edited.samples = 77;
    edited.humanFraction = 0.2;
    session.edit(edited);
    QCOMPARE(session.sideCount(), 2);
    QCOMPARE(session.scenario(0), edited);
    QCOMPARE(session.scenario(1).samples, 77);
    QCOMPARE(session.scenario(1).humanFraction, 0.2);
    // What makes it a comparison is kept.
    QCOMPARE(session.scenario(1).policy, Policy::Accumulate);
    QCOMPARE(session.runs().side(1).label, QStringLiteral("accumulate"));
    QCOMPARE(session.undoStack().count(), 1);
}

void SessionTest::theKeyThatMakesTheComparisonStaysApart()
{
    // human-data-10 compares 0% and 10% fresh data: the panel's human-data slider moves the first side's
    // share, and the second keeps its 10%; a shared key still follows into both.
    Session session;
    session.openPreset("human-data-10", {{"--generations 5", "generations", 5}});
    const double second = session.scenario(1).humanFraction;
    QVERIFY(session.scenario(0).humanFraction != second);
    Scenario edited = session.scenario();
    edited.humanFraction = 0.3;
    edited.samples = 120;
    session.edit(edited);
    QCOMPARE(session.sideCount(), 2);
    QCOMPARE(session.scenario(0).humanFraction, 0.3);
    QCOMPARE(session.scenario(1).humanFraction, second);
    QCOMPARE(session.scenario(1).samples, 120);
}

void SessionTest::anotherModelEndsTheComparison()
{
    Session session;
    session.open({{"replace", quickGaussian()}, {"accumulate", quickGaussian(Policy::Accumulate)}});
    const Scenario cats = defaultScenario<CatsSettings>();
    session.edit(cats);
    QCOMPARE(session.sideCount(), 1);
    QCOMPARE(session.scenario(), cats);
    QVERIFY(session.runs().side(0).label.isEmpty());
    // Undo brings the comparison back, labels and all.
    session.undoStack().undo();
    QCOMPARE(session.sideCount(), 2);
    QCOMPARE(session.runs().side(0).label, QStringLiteral("replace"));
    QCOMPARE(session.scenario(1).policy, Policy::Accumulate);
}

void SessionTest::undoAndRedoRestoreTheSidesAndThePanel()
{
    Session session;
    const Scenario initial = quickGaussian();
    session.open(initial);
    int panelShown = 0;
    Scenario panelScenario;
    connect(&session, &Session::panelScenarioChanged, this, [&](const Scenario& scenario) {
        ++panelShown;
        panelScenario = scenario;
    });
    Scenario edited = initial;
    edited.samples = 300;
    session.edit(edited);
    // The panel made the change: it is not told again.
    QCOMPARE(panelShown, 0);
    QTest::qWait(ParameterChange::kMergeMs + 50);
    Scenario again = edited;
    again.seed = 9;
    session.edit(again);
    QCOMPARE(session.undoStack().count(), 2);
    session.undoStack().undo();
    QCOMPARE(session.scenario(), edited);
    QCOMPARE(panelShown, 1);
    QCOMPARE(panelScenario, edited);
    session.undoStack().undo();
    QCOMPARE(session.scenario(), initial);
    session.undoStack().redo();
    QCOMPARE(session.scenario(), edited);
    // The runs follow, once the restart's pause is over.
    QTRY_VERIFY_WITH_TIMEOUT(session.history().scenario() == edited, 5000);
    // Opening afresh starts a new history.
    session.open(initial);
    QCOMPARE(session.undoStack().count(), 0);
}

void SessionTest::firstSideOnlyIsOneStep()
{
    Session session;
    session.open(quickGaussian());
    session.showFirstSideOnly();
    QCOMPARE(session.undoStack().count(), 0);
    session.open({{"replace", quickGaussian()}, {"accumulate", quickGaussian(Policy::Accumulate)}});
    session.showFirstSideOnly();
    QCOMPARE(session.sideCount(), 1);
    QCOMPARE(session.scenario(), quickGaussian());
    QCOMPARE(session.undoStack().count(), 1);
}

void SessionTest::aBadFileChangesNothing()
{
    QTemporaryDir folder;
    const std::string path = folder.filePath("bad.json").toStdString();
    std::ofstream(path) << R"({"model": "gmm", "colour": 1})";
    Session session;
    const Scenario kept = quickGaussian(Policy::Accumulate);
    session.open(kept);
    QVERIFY_THROWS_EXCEPTION(ScenarioError, session.openFile(path));
    QCOMPARE(session.sideCount(), 1);
    QCOMPARE(session.scenario(), kept);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, session.saveFile(folder.filePath("no/such/folder/x.json").toStdString()));
    QVERIFY(!QFile::exists(folder.filePath("no")));
}

void SessionTest::savedFilesOpenAsTheyWere()
{
    QTemporaryDir folder;
    const std::string path = folder.filePath("comparison.json").toStdString();
    Session session;
    Scenario gmm = defaultScenario<GmmSettings>();
    gmm.generations = 5;
    Scenario other = gmm;
    other.humanFraction = 0.1;
    session.open({{"fresh-0", gmm}, {"fresh-10", other}});
    session.saveFile(path);
    Session reopened;
    reopened.openFile(path);
    QCOMPARE(reopened.sideScenarios().size(), std::size_t(2));
    QCOMPARE(reopened.scenario(1), other);
    QCOMPARE(reopened.runs().side(1).label, QStringLiteral("fresh-10"));
}

void SessionTest::aPresetSaysItsTitle()
{
    Session session;
    QSignalSpy note(&session, &Session::presetNoteChanged);
    session.openPreset("human-data-10", {{"--generations 5", "generations", 5}});
    QCOMPARE(session.sideCount(), 2);
    QCOMPARE(session.scenario(1).generations, 5);
    QVERIFY(!note.last().at(0).toString().isEmpty());
    QVERIFY(!note.last().at(1).toString().isEmpty());
    // An edit makes the scenario the user's own: the note goes.
    Scenario edited = session.scenario();
    edited.seed = 3;
    session.edit(edited);
    QVERIFY(note.last().at(0).toString().isEmpty());
}

void SessionTest::anotherChainReturnsToTheShownGeneration()
{
    Session session;
    session.open(quickGaussian());
    QTRY_VERIFY_WITH_TIMEOUT(session.runs().isComplete(), kRunTimeoutMs);
    session.playback().goTo(12);
    QCOMPARE(session.playback().shown(), 12);
    session.showChain(3);
    QCOMPARE(session.runs().shownChain(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(session.runs().isComplete(), kRunTimeoutMs);
    QCOMPARE(session.playback().shown(), 12);
    QCOMPARE(session.history().at(12)->generation, 12);
}

QTEST_MAIN(SessionTest)
#include "test_session.moc"
