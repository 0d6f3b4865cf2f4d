// Scenario files and presets: defaults, the round trip through JSON, and a clear message naming the key
// for every kind of bad input.

#include "core/model_registry.h"
#include "core/scenario.h"
#include "core/scenario_sources.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace collapse;

namespace {

// The message of the ScenarioError that `parse` throws, or "" when it does not throw.
template <typename Parse>
QString errorOf(Parse parse)
{
    try {
        parse();
    } catch (const ScenarioError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class ScenarioTest : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreValid();
    void roundTripsThroughJson();
    void rejectsBadValues_data();
    void rejectsBadValues();
    void selectionOffersWhatTheModelScores();
    void rejectsMalformedText_data();
    void rejectsMalformedText();
    void readsScenarioFiles();
    void builtinPresetsLoad();
    void comparisonPresetsHaveTwoSides();
    void overridesApplyAndAreChecked();
    void commandLineValuesMustBeUtf8();
    void labelsArePlainNames();
};

void ScenarioTest::defaultsAreValid()
{
    for (const ModelDescriptor* model : registeredModels()) {
        const Scenario scenario = defaultScenario(*model);
        QCOMPARE(scenarioFromJson(nlohmann::json::parse(scenarioToJson(scenario).dump())), scenario);
        QCOMPARE(scenarioFromJson(nlohmann::json{{"model", std::string(model->name)}}), scenario);
    }
}

void ScenarioTest::roundTripsThroughJson()
{
    Scenario scenario = defaultScenario<GmmSettings>();
    scenario.seed = 18446744073709551615ull;
    scenario.humanFraction = 0.1 + 0.2;  // not exactly representable: must survive the text form
    scenario.policy = Policy::Augment;
    scenario.syntheticRatio = 0.7;
    scenario.selection = Selection::Biased;
    scenario.selectionKeep = 0.05;
    scenario.as<GmmSettings>().covariance = CovarianceType::Diagonal;
    scenario.as<GmmSettings>().trueComponents = 3;
    scenario.as<GmmSettings>().minorityShare = 0.05;
    scenario.as<GmmSettings>().emTol = 1e-5;
    const std::string text = serializeScenario(scenario);
    QCOMPARE(parseScenario(text, "test"), scenario);
    QCOMPARE(serializeScenario(parseScenario(text, "test")), text);
}

void ScenarioTest::rejectsBadValues_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::addRow("negative samples") << R"({"samples": -5})" << R"("samples" must be an integer from 2 to 10000000, not -5)";
    QTest::addRow("one sample") << R"({"samples": 1})" << R"("samples" must be an integer from 2)";
    QTest::addRow("fractional samples") << R"({"samples": 10.5})" << R"("samples" must be an integer)";
    QTest::addRow("samples as text") << R"({"samples": "100"})" << R"("samples" must be an integer from 2 to 10000000, not "100")";
    QTest::addRow("human fraction above 1") << R"({"human_fraction": 1.5})" << R"("human_fraction" must be a number in [0, 1], not 1.5)";
    QTest::addRow("negative human fraction") << R"({"human_fraction": -0.1})" << R"("human_fraction" must be a number in [0, 1])";
    QTest::addRow("filter rate as bool") << R"({"filter_rate": true})" << R"("filter_rate" must be a number in [0, 1], not true)";
    QTest::addRow("synthetic ratio above 10") << R"({"synthetic_ratio": 10.5})" << R"("synthetic_ratio" must be a number in [0, 10], not 10.5)";
    QTest::addRow("negative synthetic ratio") << R"({"policy": "augment", "synthetic_ratio": -1})" << R"("synthetic_ratio" must be a number in [0, 10])";
    QTest::addRow("selection of a model without a density")
        << R"({"model": "vae", "selection": "likelihood"})"
        << R"("selection" must be "none" for the vae model, not "likelihood": scoring by likelihood needs a model with a density (gaussian, gmm, cats, text, kde))";
    QTest::addRow("biased selection of text")
        << R"({"model": "text", "selection": "biased"})"
        << R"("selection" must be "none" or "likelihood" for the text model, not "biased": a biased target needs samples that are points (gaussian, gmm, kde))";
    QTest::addRow("selection share of a model without a density")
        << R"({"model": "vae", "selection_keep": 0.5})"
        << R"("selection_keep" is the share "selection" keeps, which needs a model that scores its samples (gaussian, gmm, cats, text, kde); the vae model does not)";
    QTest::addRow("selection keeping too little") << R"({"selection": "biased", "selection_keep": 0.005})" << R"("selection_keep" must be a number in [0.01, 1], not 0.005)";
    QTest::addRow("unknown selection") << R"({"selection": "best"})" << R"("selection" must be one of none, likelihood, biased, not "best")";
    QTest::addRow("zero sampling bias") << R"({"sampling_bias": 0})" << R"("sampling_bias" must be a number in (0, 1])";
    QTest::addRow("unknown key") << R"({"sample": 100})" << R"(unknown key "sample")";
    QTest::addRow("unknown model") << R"({"model": "transformer"})" << QString::fromStdString(R"("model" must be one of )" + modelNameList() + R"(, not "transformer")");
    QTest::addRow("model as number") << R"({"model": 3})" << R"("model" must be one of)";
    QTest::addRow("unknown policy") << R"({"policy": "keep"})" << R"("policy" must be one of replace, accumulate, accumulate_subsample, augment, not "keep")";
    QTest::addRow("key of another model") << R"({"model": "gaussian", "dim": 2})" << R"(key "dim" does not apply to model "gaussian")";
    QTest::addRow("gaussian capacity") << R"({"capacity": 3})" << R"("capacity" of the gaussian model is 1)";
    QTest::addRow("zero generations") << R"({"generations": 0})" << R"("generations" must be an integer from 1)";
    QTest::addRow("negative seed") << R"({"seed": -1})" << R"("seed" must be an integer from 0)";
    QTest::addRow("three dimensions") << R"({"model": "gmm", "dim": 3})" << R"("dim" must be an integer from 1 to 2, not 3)";
    QTest::addRow("zero reg_covar") << R"({"model": "gmm", "reg_covar": 0})" << R"("reg_covar" must be a number in (0, 1])";
    QTest::addRow("minority without clusters") << R"({"model": "gmm", "minority_share": 0.1})" << R"("minority_share" needs "true_components" of 2 or more)";
    QTest::addRow("not an object") << R"([1, 2])" << R"(a scenario must be a JSON object)";
}

void ScenarioTest::rejectsBadValues()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    const QString error = errorOf([&] { parseScenario(json.toStdString(), "scenario.json"); });
    QVERIFY2(error.startsWith("scenario.json: "), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(!error.contains('\n'), qPrintable(error));
}

void ScenarioTest::selectionOffersWhatTheModelScores()
{
    // The window's selection menu and a scenario file offer each model the selections it scores, and a
    // model that scores none no selection keys at all.
    const auto offered = [](std::string_view model) {
        std::vector<std::string_view> names;
        for (const ParameterSpec& spec : parametersOf(modelNamed(model))) {
            if (spec.key == "selection") {
                for (const ParameterChoice& choice : spec.choices) {
                    names.push_back(choice.name);
                }
            }
        }
        return names;
    };
    using Names = std::vector<std::string_view>;
    QCOMPARE(offered("gmm"), (Names{"none", "likelihood", "biased"}));
    QCOMPARE(offered("kde"), (Names{"none", "likelihood", "biased"}));
    QCOMPARE(offered("text"), (Names{"none", "likelihood"}));
    QCOMPARE(offered("cats"), (Names{"none", "likelihood"}));
    QCOMPARE(offered("vae"), Names{});
    QCOMPARE(parseScenario(R"({"model": "text", "selection": "likelihood"})", "test").selection, Selection::Likelihood);
}

void ScenarioTest::rejectsMalformedText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::addRow("truncated") << QByteArray(R"({"model": "gmm", "samp)") << "not valid JSON (it ends too early)";
    QTest::addRow("syntax error") << QByteArray("{\n  \"samples\": 100,\n  oops\n}") << "not valid JSON (line 3, column 3)";
    QTest::addRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << "not valid JSON (line 1, column 1)";
    QTest::addRow("empty") << QByteArray() << "not valid JSON (it ends too early)";
    QTest::addRow("nested deeper than any scenario") << QByteArray(200000, '{') << "nested more than 64 levels deep, which no scenario is";
    QTest::addRow("brackets in a string do not nest") << (R"({"model": ")" + QByteArray(1000, '[') + R"("})")
                                                      << R"("model" must be one of gaussian, gmm, vae, cats, text, diffusion, regression, kde, not "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[...)";
    QTest::addRow("number beyond a double") << QByteArray(R"({"samples": 1e400})") << "holds a number too large for a double (beyond 1.8e308)";
    QTest::addRow("a key twice") << QByteArray(R"({"model": "gaussian", "samples": 50, "model": "text"})")
                                 << R"(the key "model" is given twice in one object; give each key once)";
    QTest::addRow("a key twice in an inner object") << QByteArray(R"({"model": "gmm", "weights": [0.5, 0.5], "x": {"a": 1, "a": 2}})")
                                                    << R"(the key "a" is given twice in one object; give each key once)";
    QTest::addRow("invalid UTF-8 in a string") << QByteArray("{\"dataset\": \"caf\xe9\"}") << "not valid JSON (line 1, column 18)";
}

void ScenarioTest::rejectsMalformedText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const QString error = errorOf([&] { parseScenario(std::string_view(text.constData(), size_t(text.size())), "x.json"); });
    QCOMPARE(error, "x.json: " + message);
}

void ScenarioTest::commandLineValuesMustBeUtf8()
{
    QVERIFY(jsonFromCommandLineValue("café") == nlohmann::json("café"));
    for (const char* bad : {"caf\xe9", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ab\xe2\x82"}) {
        QVERIFY2(errorOf([&] { jsonFromCommandLineValue(bad); }).contains("is not valid UTF-8 text"), bad);
    }
}

void ScenarioTest::labelsArePlainNames()
{
    for (const char* good : {"replace", "human-10", "10% real data", "Ünïcode"}) {
        QVERIFY2(plainNameProblem(good).empty(), good);
    }
    QCOMPARE(plainNameProblem(".."), std::string("starts with a dot"));
    QCOMPARE(plainNameProblem("a/b"), std::string("contains a path separator"));
    QCOMPARE(plainNameProblem("a\\b"), std::string("contains a path separator"));
    QCOMPARE(plainNameProblem("a\nb"), std::string("contains a control character"));
    QCOMPARE(plainNameProblem(""), std::string("is empty"));
    QCOMPARE(quotedForMessage("a\nb"), std::string("\"a\\x0ab\""));
}

void ScenarioTest::readsScenarioFiles()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("good.json").toStdString();
    std::ofstream(path) << R"({"model": "gmm", "samples": 300, "dim": 1})";
    const auto entries = readScenarioFile(path);
    QCOMPARE(entries.size(), std::size_t(1));
    QCOMPARE(scenarioFromJson(entries.front().object).samples, 300);

    const QString missing = errorOf([&] { readScenarioFile(dir.filePath("missing.json").toStdString()); });
    QVERIFY2(missing.endsWith("missing.json: no such file"), qPrintable(missing));
    const QString folder = errorOf([&] { readScenarioFile(dir.path().toStdString()); });
    QVERIFY2(folder.endsWith(": not a regular file"), qPrintable(folder));
}

void ScenarioTest::builtinPresetsLoad()
{
    QStringList names;
    for (const auto& preset : builtinPresets()) {
        names << QString::fromStdString(preset.name);
        QVERIFY(!preset.title.empty());
        QVERIFY(!preset.summary.empty());
        for (const auto& entry : preset.entries) {
            scenarioFromJson(entry.object);
        }
    }
    for (const char* required : {"gaussian-theorem", "gmm-paper", "gmm-minority", "human-data-10",
                                  "accumulate-vs-replace", "sampling-bias"}) {
        QVERIFY2(names.contains(required), required);
    }
    const Scenario paper = scenarioFromJson(presetNamed("gmm-paper").entries.front().object);
    QCOMPARE(paper.samples, 1000);
    QCOMPARE(paper.capacity, 2);
    QCOMPARE(paper.as<GmmSettings>().dim, 2);
    QCOMPARE(paper.as<GmmSettings>().emTol, 1e-5);
    QCOMPARE(paper.generations, 2000);
    const QString unknown = errorOf([] { presetNamed("gmm-papers"); });
    QVERIFY2(unknown.startsWith(R"(unknown preset "gmm-papers" (known: )"), qPrintable(unknown));
}

void ScenarioTest::comparisonPresetsHaveTwoSides()
{
    const auto& accumulate = presetNamed("accumulate-vs-replace");
    QVERIFY(accumulate.isComparison());
    QCOMPARE(scenarioFromJson(accumulate.entries[0].object).policy, Policy::Replace);
    QCOMPARE(scenarioFromJson(accumulate.entries[1].object).policy, Policy::Accumulate);
    const auto& human = presetNamed("human-data-10");
    QCOMPARE(scenarioFromJson(human.entries[1].object).humanFraction, 0.1);
}

void ScenarioTest::overridesApplyAndAreChecked()
{
    ScenarioRequest request;
    request.preset = "gmm-paper";
    request.overrides = {{"--samples 50", "samples", 50}, {"--set em_tol=0.01", "em_tol", 0.01}};
    const auto resolved = resolveScenarios(request);
    QCOMPARE(resolved.front().scenario.samples, 50);
    QCOMPARE(resolved.front().scenario.as<GmmSettings>().emTol, 0.01);
    QCOMPARE(resolved.front().scenario.capacity, 2);

    request.overrides = {{"--samples -5", "samples", -5}};
    QCOMPARE(errorOf([&] { resolveScenarios(request); }),
             R"(--samples -5: "samples" must be an integer from 2 to 10000000, not -5)");

    // Another model starts from that model's defaults.
    request.overrides = {{"--model gaussian", "model", "gaussian"}};
    QCOMPARE(resolveScenarios(request).front().scenario, defaultScenario<GaussianSettings>());

    request.overrides = {{"--set colour=blue", "colour", "blue"}};
    QCOMPARE(errorOf([&] { resolveScenarios(request); }), R"(--set colour=blue: unknown key "colour")");

    // A comparison preset takes the overrides on both sides.
    request.preset = "accumulate-vs-replace";
    request.overrides = {{"--generations 7", "generations", 7}};
    const auto sides = resolveScenarios(request);
    QCOMPARE(sides.size(), std::size_t(2));
    QCOMPARE(sides[0].label, "replace");
    QCOMPARE(sides[1].scenario.generations, 7);
}

QTEST_APPLESS_MAIN(ScenarioTest)
#include "test_scenario.moc"
