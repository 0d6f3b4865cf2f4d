#pragma once

#include "core/parameters.h"
#include "core/scenario.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QBoxLayout;
class QComboBox;
class QFormLayout;
class QLabel;
class QSlider;
class QToolButton;

namespace collapse::ui {

// A large slider with its name, its live value in words and a plain-language tooltip.
class LabelledSlider : public QWidget {
    Q_OBJECT

public:
    LabelledSlider(const QString& title, const QString& toolTip, QWidget* parent = nullptr);
    QSlider* slider() const { return slider_; }
    void setValueText(const QString& text);
    // Colours from the current theme.
    void applyThemeColours();
    // As narrow as the value under its name allows, whichever way they are placed now.
    QSize minimumSizeHint() const override;

protected:
    // Name and value share a line where both fit, else the value goes under the name: decided again
    // when the slider's width changes and when name or value ask for other room.
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    void placeValue();

    QLabel* name_;
    QSlider* slider_;
    QLabel* value_;
    QBoxLayout* header_;
};

// One key's editor in the Advanced group, built from the key's ParameterSpec: a spin box, a percentage,
// a drop-down, a seed or a file, with the spec's range. It shows a scenario's value without changing it,
// and reports only what the user changed.
class ParameterField {
public:
    using Edited = std::function<void(const ParameterSpec& spec, const nlohmann::json& value)>;
    // Asks for a file to open (a dialog titled `title` with name filter `filter`); empty when cancelled.
    using FileChooser = std::function<QString(QWidget* owner, const QString& title, const QString& filter)>;
    ParameterField(const ParameterSpec& spec, QWidget* owner, Edited edited, FileChooser chooseFile);
    ~ParameterField();

    const ParameterSpec& spec() const { return spec_; }
    QLabel* label() const { return label_; }
    QWidget* editor() const { return editor_; }
    void show(const Scenario& scenario);

private:
    struct Widgets;
    ParameterSpec spec_;
    QLabel* label_;
    QWidget* editor_;
    std::unique_ptr<Widgets> widgets_;
};

// Every parameter of a scenario: the model, three large sliders for what a lecture varies — sample
// size, human-data fraction, model capacity — and an Advanced group built from the core's parameter
// tables for the rest. Each control changes its own key and no other (a model's `follow` aside), so a
// scenario opened from a file keeps every value the user did not touch. setScenario() shows a scenario
// without emitting.
class ParameterPanel : public QWidget {
    Q_OBJECT

public:
    explicit ParameterPanel(QWidget* parent = nullptr);
    ~ParameterPanel() override;

    void setScenario(const Scenario& scenario);
    // The other sides of a comparison (none outside compare mode): a lecture slider whose value differs
    // between the sides shows every side's, in the sides' order ("0 % | 10 %"); it moves the first side's.
    void setOtherSides(std::vector<Scenario> others);
    const Scenario& scenario() const { return scenario_; }
    // The sliders' colours from the current theme.
    void applyThemeColours();

    QComboBox* modelPicker() const { return model_; }
    QSlider* sampleSizeSlider() const { return samples_->slider(); }
    QSlider* humanFractionSlider() const { return human_->slider(); }
    QSlider* capacitySlider() const { return capacity_->slider(); }
    // The Advanced group's editor of a key, or null when the scenario's model has no such key.
    QWidget* editorFor(std::string_view key) const;

    // The sample-size slider is logarithmic over the whole range of `samples`: positions 0..1000 span
    // M = 2..10 000 000.
    static int sliderPositionForSamples(int samples);
    static int samplesForSliderPosition(int position);

    // How a file editor asks for its file: QFileDialog unless replaced (a test answers without a dialog).
    void setFileChooser(ParameterField::FileChooser chooser);
    // A lesson step's keys: only these can be changed, the model not at all (nullopt: every key).
    void setUnlockedKeys(std::optional<std::vector<std::string>> unlocked);

signals:
    void scenarioChanged(const collapse::Scenario& scenario);
    // A data file that cannot be read was picked and refused; the scenario is unchanged.
    void refused(const QString& message);

private:
    void rebuildFields();
    void showValues();
    std::vector<Scenario> otherSides_;
    // Disables the controls of the keys a lesson step keeps locked.
    void applyLocks();
    // Sets one key to `value` in a copy of the scenario, lets the model's dependent keys follow, and
    // emits the result if anything changed.
    void edit(std::string_view key, const nlohmann::json& value);
    void modelPicked();

    Scenario scenario_;
    bool updating_ = false;
    std::optional<std::vector<std::string>> unlocked_;

    QComboBox* model_;
    LabelledSlider* samples_;
    LabelledSlider* human_;
    LabelledSlider* capacity_;
    QToolButton* advancedToggle_;
    QWidget* advanced_;
    QFormLayout* form_;
    std::vector<std::unique_ptr<ParameterField>> fields_;
    const void* fieldsModel_ = nullptr;
    ParameterField::FileChooser chooseFile_;
};

} // namespace collapse::ui
