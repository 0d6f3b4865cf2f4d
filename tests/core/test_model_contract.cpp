// What every registered model must do, checked for each of them: a model gets these tests by being
// registered in core/models/models.h.

#include "core/engine.h"
#include "core/model_registry.h"
#include "core/results.h"
#include "tests/common/quick_scenarios.h"
#include "tests/common/statistics.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <omp.h>

#include <cmath>
#include <limits>
#include <set>
#include <sstream>

using namespace collapse;
using namespace collapse::testing;

namespace {

QString nameOf(const ModelDescriptor& model)
{
    return QString::fromUtf8(model.name.data(), static_cast<qsizetype>(model.name.size()));
}

// The ScenarioError's message for `object`, or "" when it is accepted.
QString refusal(const nlohmann::json& object)
{
    try {
        scenarioFromJson(object);
    } catch (const ScenarioError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

std::string csvOf(const Scenario& scenario)
{
    const RunResults results = runScenario(scenario);
    std::ostringstream out;
    out << metricsCsv(results);
    out << summaryCsv(results);
    return out.str();
}

} // namespace

class ModelContractTest : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreValidAndRoundTrip();
    void defaultsAreValidAndRoundTrip_data() { addEveryModel(); }
    void metricsComeInTheDeclaredOrder();
    void metricsComeInTheDeclaredOrder_data() { addEveryModel(); }
    void missingValuesAreEmptyFields();
    void missingValuesAreEmptyFields_data() { addEveryModel(); }
    void sameBytesForOneAndTwoThreads();
    void sameBytesForOneAndTwoThreads_data() { addEveryModel(); }
    void everyKeysBoundsAreRefusedByName();
    void everyKeysBoundsAreRefusedByName_data() { addEveryModel(); }
    void everyKeysExtremesAreAccepted();
    void everyKeysExtremesAreAccepted_data() { addEveryModel(); }
    void namesAreUnique();

private:
    static void addEveryModel();
};

void ModelContractTest::addEveryModel()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < registeredModels().size(); ++i) {
        QTest::addRow("%s", qPrintable(nameOf(*registeredModels()[i]))) << static_cast<int>(i);
    }
}

void ModelContractTest::defaultsAreValidAndRoundTrip()
{
    QFETCH(int, index);
    const ModelDescriptor& model = *registeredModels()[static_cast<std::size_t>(index)];
    const Scenario scenario = defaultScenario(model);
    QCOMPARE(&scenario.model(), &model);
    QCOMPARE(scenarioFromJson(nlohmann::json::parse(serializeScenario(scenario))), scenario);
    QCOMPARE(scenarioFromJson(nlohmann::json{{"model", std::string(model.name)}}), scenario);
    QVERIFY(scenario.capacity >= model.capacity.lowest && scenario.capacity <= model.capacity.highest);
}

void ModelContractTest::metricsComeInTheDeclaredOrder()
{
    QFETCH(int, index);
    const ModelDescriptor& model = *registeredModels()[static_cast<std::size_t>(index)];
    QVERIFY(!model.metrics.empty());
    QCOMPARE(model.metrics.front()->name, common_metrics::tailMass.name);
    for (const MetricDescriptor* role : {model.roles.rarity, model.roles.spread, model.roles.headline}) {
        QVERIFY(role != nullptr);
        QVERIFY2(model.findMetric(role->name) == role, role->name.data());
    }
    Engine engine(quickScenario(model));
    std::vector<std::string> expected = {std::string(common_metrics::trainSize.name)};
    for (const MetricDescriptor* metric : model.metrics) {
        expected.emplace_back(metric->name);
    }
    QCOMPARE(engine.metricColumns(), expected);
    const RunResults results = runScenario(quickScenario(model));
    for (const Eigen::MatrixXd& generation : results.generations) {
        QCOMPARE(generation.cols(), Eigen::Index(expected.size()));
    }
}

void ModelContractTest::missingValuesAreEmptyFields()
{
    QFETCH(int, index);
    const ModelDescriptor& model = *registeredModels()[static_cast<std::size_t>(index)];
    RunResults results = runScenario(quickScenario(model));
    // A value that does not exist in one cell: that cell, and only it, is written as an empty field.
    results.generations[0](0, 1) = std::numeric_limits<double>::quiet_NaN();
    std::ostringstream out;
    out << metricsCsv(results);
    std::istringstream lines(out.str());
    std::string line;
    std::getline(lines, line);
    int row = 0;
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::stringstream cells(line);
        for (std::string field; std::getline(cells, field, ',');) {
            fields.push_back(field);
        }
        if (line.back() == ',') {
            fields.emplace_back();
        }
        QCOMPARE(fields.size(), results.columns.size() + 2);
        const int generation = row / static_cast<int>(results.generations[0].rows());
        const int replicate = row % static_cast<int>(results.generations[0].rows());
        for (std::size_t c = 0; c < results.columns.size(); ++c) {
            const double value = results.generations[static_cast<std::size_t>(generation)](replicate, static_cast<Eigen::Index>(c));
            QCOMPARE(fields[c + 2].empty(), std::isnan(value));
        }
        ++row;
    }
}

void ModelContractTest::sameBytesForOneAndTwoThreads()
{
    QFETCH(int, index);
    const ModelDescriptor& model = *registeredModels()[static_cast<std::size_t>(index)];
    const Scenario scenario = quickScenario(model);
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const std::string one = csvOf(scenario);
    omp_set_num_threads(2);
    const std::string two = csvOf(scenario);
    omp_set_num_threads(threads);
    QCOMPARE(two, one);
}

void ModelContractTest::everyKeysBoundsAreRefusedByName()
{
    QFETCH(int, index);
    const ModelDescriptor& model = *registeredModels()[static_cast<std::size_t>(index)];
    const nlohmann::json base = {{"model", std::string(model.name)}};
    for (const ParameterSpec& spec : parametersOf(model)) {
        const std::string key(spec.key);
        std::vector<nlohmann::json> outside;
        switch (spec.type) {
        case ParameterType::Integer:
            if (spec.integerMin > std::numeric_limits<std::int64_t>::min()) {
                outside.push_back(spec.integerMin - 1);
            }
            if (spec.integerMax < std::numeric_limits<std::uint64_t>::max()) {
                outside.push_back(spec.integerMax + 1);
            } else {
                outside.push_back(1e30);  // beyond any integer, and not an integer
            }
            outside.push_back(1.5);
            break;
        case ParameterType::Real:
            outside.push_back(spec.realMinExclusive ? spec.realMin : std::nextafter(spec.realMin, -1e300));
            outside.push_back(std::nextafter(spec.realMax, 1e300));
            outside.push_back("1");
            break;
        case ParameterType::Choice:
            outside.push_back("no such choice");
            outside.push_back(1);
            break;
        case ParameterType::Text:
            outside.push_back("");
            outside.push_back(1);
            break;
        }
        for (const nlohmann::json& value : outside) {
            nlohmann::json object = base;
            object[key] = value;
            const QString message = refusal(object);
            QVERIFY2(message.contains(QString::fromStdString("\"" + key + "\"")),
                     qPrintable(QString::fromStdString(key + " = " + value.dump() + ": ") + message));
            QVERIFY2(!message.contains('\n'), qPrintable(message));
        }
    }
}

void ModelContractTest::everyKeysExtremesAreAccepted()
{
    QFETCH(int, index);
    const ModelDescriptor& model = *registeredModels()[static_cast<std::size_t>(index)];
    const std::vector<Scenario> extremes = extremeScenarios(model);
    QCOMPARE(extremes.size(), std::size_t(2));
    QVERIFY(extremes[0] != extremes[1]);
    for (const Scenario& scenario : extremes) {
        QCOMPARE(parseScenario(serializeScenario(scenario), "extremes"), scenario);
    }
}

void ModelContractTest::namesAreUnique()
{
    std::set<std::string_view> models;
    for (const ModelDescriptor* model : registeredModels()) {
        QVERIFY2(models.insert(model->name).second, model->name.data());
        std::set<std::string_view> keys;
        for (const ParameterSpec& spec : parametersOf(*model)) {
            QVERIFY2(keys.insert(spec.key).second, spec.key.data());
            QVERIFY(!spec.label.empty());
            QVERIFY(!spec.description.empty());
        }
        std::set<std::string_view> metrics = {common_metrics::trainSize.name};
        for (const MetricDescriptor* metric : model->metrics) {
            QVERIFY2(metrics.insert(metric->name).second, metric->name.data());
            QVERIFY(!metric->title.empty());
            QVERIFY(!metric->description.empty());
        }
    }
}

QTEST_APPLESS_MAIN(ModelContractTest)
#include "test_model_contract.moc"
