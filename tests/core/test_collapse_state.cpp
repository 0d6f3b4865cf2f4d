// The "what you are seeing" classification: each stage of collapse from the evidence that defines it.

#include "core/collapse_state.h"
#include "core/model_registry.h"

#include <QTest>

using namespace collapse;

Q_DECLARE_METATYPE(collapse::CollapseState)

class CollapseStateTest : public QObject {
    Q_OBJECT

private slots:
    void classifies_data();
    void classifies();
    void spreadMetricPerModel();
};

void CollapseStateTest::classifies_data()
{
    QTest::addColumn<int>("generation");
    QTest::addColumn<double>("tails");
    QTest::addColumn<double>("spread");
    QTest::addColumn<double>("humanFraction");
    QTest::addColumn<CollapseState>("expected");
    QTest::addRow("generation 0 is real data") << 0 << 0.0 << 0.1 << 0.0 << CollapseState::RealData;
    QTest::addRow("still like the original") << 10 << 0.98 << 0.98 << 0.0 << CollapseState::Faithful;
    QTest::addRow("tails thinning") << 30 << 0.6 << 0.9 << 0.0 << CollapseState::TailsThinning;
    QTest::addRow("tails vanishing") << 80 << 0.2 << 0.7 << 0.0 << CollapseState::EarlyCollapse;
    QTest::addRow("variance gone") << 400 << 0.0 << 0.2 << 0.0 << CollapseState::LateCollapse;
    QTest::addRow("variance gone even with tails") << 400 << 1.0 << 0.2 << 0.0 << CollapseState::LateCollapse;
    QTest::addRow("held by human data") << 200 << 0.96 << 1.02 << 0.1 << CollapseState::HeldByData;
    QTest::addRow("too early to credit the data") << 20 << 0.96 << 1.02 << 0.1 << CollapseState::Faithful;
    QTest::addRow("human data not enough") << 200 << 0.2 << 0.6 << 0.01 << CollapseState::EarlyCollapse;
}

void CollapseStateTest::classifies()
{
    QFETCH(int, generation);
    QFETCH(double, tails);
    QFETCH(double, spread);
    QFETCH(double, humanFraction);
    QFETCH(CollapseState, expected);
    Scenario scenario = defaultScenario<GaussianSettings>();
    scenario.humanFraction = humanFraction;
    QCOMPARE(classifyCollapse(scenario, {generation, tails, spread}), expected);
}

void CollapseStateTest::spreadMetricPerModel()
{
    QCOMPARE(GaussianSettings::descriptor().roles.spread->name, std::string_view("std"));
    QCOMPARE(GmmSettings::descriptor().roles.spread->name, std::string_view("component_std_max"));
    QCOMPARE(CatsSettings::descriptor().roles.spread->name, std::string_view("hue_std"));
    QCOMPARE(GaussianSettings::descriptor().roles.rarity->name, std::string_view("tail_mass"));
    QCOMPARE(CatsSettings::descriptor().roles.rarity->name, std::string_view("minority_fraction"));
}

QTEST_APPLESS_MAIN(CollapseStateTest)
#include "test_collapse_state.moc"
