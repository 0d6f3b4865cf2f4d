// The parameter panel changes exactly the key of the control that moved, whatever scenario it shows: every
// preset, and for every model a scenario with each key at its smallest and at its largest valid value.

#include "core/model_registry.h"
#include "core/scenario_sources.h"
#include "tests/common/quick_scenarios.h"
#include "ui/parameter_panel.h"

#include <nlohmann/json.hpp>

#include <QComboBox>
#include <QLabel>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>
#include <set>

using namespace collapse;
using namespace collapse::ui;
using namespace collapse::testing;

namespace {

// The keys whose values differ between two scenarios of the same model.
std::set<std::string> changedKeys(const Scenario& before, const Scenario& after)
{
    const nlohmann::ordered_json from = scenarioToJson(before);
    const nlohmann::ordered_json to = scenarioToJson(after);
    std::set<std::string> changed;
    for (const auto& [key, value] : to.items()) {
        if (!from.contains(key) || from[key] != value) {
            changed.insert(key);
        }
    }
    return changed;
}

// A slider moved by a page (as Page Up does) within its range.
void moveSlider(QSlider* slider)
{
    const int step = slider->pageStep();
    slider->setValue(slider->value() + (slider->value() + step <= slider->maximum() ? step : -step));
}

// Moves the editor of a key as a user would; false when it offers nothing to move (a file chooser, or a
// key that does not apply).
bool moveEditor(QWidget* editor)
{
    if (!editor->isEnabled()) {
        return false;
    }
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->stepBy(spin->value() < spin->maximum() ? 1 : -1);
        return true;
    }
    if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor)) {
        spin->stepBy(spin->value() < spin->maximum() ? 1 : -1);
        return true;
    }
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(combo->currentIndex() == 0 ? 1 : 0);
        return true;
    }
    if (auto* seed = editor->findChild<QLineEdit*>()) {
        seed->setText(seed->text() == QLatin1String("12345") ? QStringLiteral("54321") : QStringLiteral("12345"));
        emit seed->editingFinished();
        return true;
    }
    return false;
}

} // namespace

class ParameterPanelTest : public QObject {
    Q_OBJECT

private slots:
    void eachControlChangesItsKeyAlone_data();
    void eachControlChangesItsKeyAlone();
    void theModelPickerListsEveryModel();
    void aLongValueGoesUnderItsName();
    void aComparisonShowsEverySidesValue();
    void aDataFileIsReadBeforeItIsTaken_data();
    void aDataFileIsReadBeforeItIsTaken();
};

void ParameterPanelTest::eachControlChangesItsKeyAlone_data()
{
    QTest::addColumn<QString>("scenario");
    for (const Preset& preset : builtinPresets()) {
        for (const ScenarioEntry& entry : preset.entries) {
            QTest::addRow("%s %s", preset.name.c_str(), entry.label.c_str()) << QString::fromStdString(entry.object.dump());
        }
    }
    for (const ModelDescriptor* model : registeredModels()) {
        const std::vector<Scenario> extremes = extremeScenarios(*model);
        QTest::addRow("%s, smallest values", model->name.data()) << QString::fromStdString(serializeScenario(extremes[0]));
        QTest::addRow("%s, largest values", model->name.data()) << QString::fromStdString(serializeScenario(extremes[1]));
    }
}

void ParameterPanelTest::eachControlChangesItsKeyAlone()
{
    QFETCH(QString, scenario);
    const Scenario shown = parseScenario(scenario.toStdString(), "test");
    ParameterPanel panel;
    std::optional<Scenario> emitted;
    connect(&panel, &ParameterPanel::scenarioChanged, this, [&emitted](const Scenario& edited) { emitted = edited; });

    // A key's own change, and the keys its model says follow it.
    const auto expectOnly = [&](const std::string& key) {
        QVERIFY2(emitted.has_value(), key.c_str());
        std::set<std::string> allowed = {key};
        Scenario followed = *emitted;
        if (shown.model().follow) {
            Scenario before = shown;
            nlohmann::json value = nlohmann::json::parse(scenarioToJson(*emitted).dump())[key];
            for (const ParameterSpec& spec : parametersOf(shown.model())) {
                if (spec.key == key) {
                    spec.set(before, value);
                }
            }
            shown.model().follow(before, key);
            for (const std::string& follower : changedKeys(shown, before)) {
                allowed.insert(follower);
            }
        }
        for (const std::string& changed : changedKeys(shown, *emitted)) {
            QVERIFY2(allowed.count(changed) == 1, qPrintable(QString::fromStdString("moving " + key + " changed " + changed)));
        }
        QVERIFY2(changedKeys(shown, *emitted).count(key) == 1, key.c_str());
    };

    const struct {
        std::string key;
        QSlider* slider;
    } sliders[] = {{"samples", panel.sampleSizeSlider()},
                   {"human_fraction", panel.humanFractionSlider()},
                   {"capacity", panel.capacitySlider()}};
    for (const auto& [key, slider] : sliders) {
        panel.setScenario(shown);
        QCOMPARE(panel.scenario(), shown);
        if (!slider->isEnabled() || slider->minimum() == slider->maximum()) {
            continue;
        }
        emitted.reset();
        moveSlider(slider);
        expectOnly(key);
    }
    for (const ParameterSpec& spec : parametersOf(shown.model())) {
        panel.setScenario(shown);
        QWidget* editor = panel.editorFor(spec.key);
        if (editor == nullptr) {
            QVERIFY(spec.key == "samples" || spec.key == "human_fraction" || spec.key == "capacity");
            continue;
        }
        emitted.reset();
        if (moveEditor(editor)) {
            expectOnly(std::string(spec.key));
        }
    }
}

void ParameterPanelTest::theModelPickerListsEveryModel()
{
    ParameterPanel panel;
    QCOMPARE(panel.modelPicker()->count(), static_cast<int>(registeredModels().size()));
    for (const ModelDescriptor* model : registeredModels()) {
        panel.modelPicker()->setCurrentIndex(panel.modelPicker()->findData(QString::fromUtf8(model->name.data())));
        QCOMPARE(&panel.scenario().model(), model);
        QCOMPARE(panel.scenario().samples, defaultScenario(*model).samples);
    }
}

// A slider asks only for the width of its name or its value, whichever is wider: narrower than both
// across, it puts the value under the name at once, and neither is cut.
void ParameterPanelTest::aLongValueGoesUnderItsName()
{
    LabelledSlider slider(QStringLiteral("Model capacity"), QStringLiteral("How much the model can hold."));
    slider.setValueText(QStringLiteral("a transformer of 1.3 M weights"));
    slider.show();
    const QList<QLabel*> labels = slider.findChildren<QLabel*>();
    QCOMPARE(labels.size(), 2);
    const int across = labels[0]->sizeHint().width() + labels[1]->sizeHint().width();
    const int widest = std::max(labels[0]->sizeHint().width(), labels[1]->sizeHint().width());
    QVERIFY(slider.minimumSizeHint().width() < across);
    QVERIFY(slider.minimumSizeHint().width() >= widest);
    slider.resize(widest + 10, slider.sizeHint().height());
    for (const QLabel* label : labels) {
        QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
    }
    QVERIFY(labels[1]->geometry().top() >= labels[0]->geometry().bottom());
    slider.resize(across + 40, slider.sizeHint().height());
    QCOMPARE(labels[1]->geometry().top(), labels[0]->geometry().top());
}

void ParameterPanelTest::aComparisonShowsEverySidesValue()
{
    // human-data-10: the human-data slider's value names both sides' shares, the first side's first; the
    // sample size, the same on both, is shown once.
    const std::vector<LabelledScenario> sides = presetSides("human-data-10");
    ParameterPanel panel;
    panel.setScenario(sides[0].scenario);
    panel.setOtherSides({sides[1].scenario});
    QStringList shown;
    for (const QLabel* label : panel.findChildren<QLabel*>()) {
        shown << label->text();
    }
    QVERIFY2(shown.contains(QStringLiteral("0 % | 10 %")), qPrintable(shown.join(QStringLiteral(", "))));
    QVERIFY2(shown.contains(QStringLiteral("M = %1").arg(QLocale().toString(sides[0].scenario.samples))),
             qPrintable(shown.join(QStringLiteral(", "))));
    panel.setOtherSides({});
    shown.clear();
    for (const QLabel* label : panel.findChildren<QLabel*>()) {
        shown << label->text();
    }
    QVERIFY(shown.contains(QStringLiteral("0 %")));
}

QTEST_MAIN(ParameterPanelTest)
void ParameterPanelTest::aDataFileIsReadBeforeItIsTaken_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("refusal"); // what the message says; empty when the file is taken
    QByteArray prose;
    for (int i = 0; i < 30; ++i) {
        prose += "It is a truth universally acknowledged, that a single man must be in want of a wife. ";
    }
    QTest::addRow("prose") << prose << QString();
    QTest::addRow("empty") << QByteArray() << QStringLiteral("is empty");
    QTest::addRow("binary") << QByteArray("words\0more", 10) << QStringLiteral("NUL byte");
    QTest::addRow("Latin-1") << QByteArray("caf\xE9 au lait") << QStringLiteral("not valid UTF-8");
    QTest::addRow("a few words") << QByteArray("Too short to learn from.") << QStringLiteral("too few");
}

void ParameterPanelTest::aDataFileIsReadBeforeItIsTaken()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, refusal);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("corpus.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();

    ParameterPanel panel;
    const Scenario before = quickScenario(modelNamed("text"));
    panel.setScenario(before);
    panel.setFileChooser([&](QWidget*, const QString&, const QString&) { return path; });
    QSignalSpy refused(&panel, &ParameterPanel::refused);
    QSignalSpy changed(&panel, &ParameterPanel::scenarioChanged);
    auto* chooser = qobject_cast<QPushButton*>(panel.editorFor("dataset"));
    QVERIFY(chooser != nullptr);
    chooser->click();
    if (refusal.isEmpty()) {
        QCOMPARE(refused.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(QString::fromStdString(scenarioToJson(panel.scenario())["dataset"].get<std::string>()), path);
    } else {
        QCOMPARE(changed.count(), 0);
        QCOMPARE(refused.count(), 1);
        const QString message = refused.front().front().toString();
        QVERIFY2(message.contains(QStringLiteral("corpus.txt")) && message.contains(refusal), qPrintable(message));
        QCOMPARE(panel.scenario(), before);
    }
}

#include "test_parameter_panel.moc"
