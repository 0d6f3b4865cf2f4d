// A model is its folders and one line in the list of models (core/models/CMakeLists.txt): every folder
// under core/models/ is a registered model, and every registered model has its picture
// (ui/stages/<model>/), its own tests (tests/core/models/<model>/) and a preset, besides the contract tests
// every registered model gets (test_model_contract.cpp).

#include "core/model_registry.h"
#include "core/scenario_sources.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace collapse;

namespace {

const std::filesystem::path kSource = COLLAPSELAB_SOURCE_DIR;

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::set<std::string> registeredNames()
{
    std::set<std::string> names;
    for (const ModelDescriptor* model : registeredModels()) {
        names.emplace(model->name);
    }
    return names;
}

} // namespace

class ModelFoldersTest : public QObject {
    Q_OBJECT

private slots:
    void everyModelFolderIsRegistered()
    {
        const std::set<std::string> registered = registeredNames();
        for (const auto& entry : std::filesystem::directory_iterator(kSource / "core" / "models")) {
            if (entry.is_directory()) {
                const std::string folder = entry.path().filename().string();
                QVERIFY2(registered.count(folder) == 1,
                         qPrintable(QString::fromStdString("core/models/" + folder + " is not in the list of models "
                                                           "(core/models/CMakeLists.txt)")));
            }
        }
    }

    void everyRegisteredModelHasItsFolders_data()
    {
        QTest::addColumn<QString>("model");
        for (const std::string& name : registeredNames()) {
            QTest::addRow("%s", name.c_str()) << QString::fromStdString(name);
        }
    }

    void everyRegisteredModelHasItsFolders()
    {
        QFETCH(QString, model);
        const std::string name = model.toStdString();
        QVERIFY2(std::filesystem::exists(kSource / "core" / "models" / name / (name + "_settings.h")),
                 qPrintable(model + ": core/models/" + model + "/" + model + "_settings.h is missing"));
        const std::string stages = fileText(kSource / "ui" / "stages" / name / "CMakeLists.txt");
        QVERIFY2(stages.find(name + "_stage_entry.cpp") != std::string::npos,
                 qPrintable(model + ": ui/stages/" + model + "/ builds no " + model + "_stage_entry.cpp"));
        const std::string tests = fileText(kSource / "tests" / "core" / "models" / name / "CMakeLists.txt");
        QVERIFY2(tests.find("collapselab_add_test(") != std::string::npos,
                 qPrintable(model + ": tests/core/models/" + model + "/ adds no test of its science"));
        bool preset = false;
        for (const Preset& candidate : builtinPresets()) {
            for (const auto& entry : candidate.entries) {
                preset = preset || entry.object.value("model", std::string()) == name;
            }
        }
        QVERIFY2(preset, qPrintable(model + ": no built-in preset shows it"));
    }
};

QTEST_APPLESS_MAIN(ModelFoldersTest)
#include "test_model_folders.moc"
