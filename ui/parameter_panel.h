#pragma once

#include "scenario.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QToolButton;

namespace collapse::ui {

// A large slider with its name, its live value in words and a plain-language tooltip.
class LabelledSlider : public QWidget {
    Q_OBJECT

public:
    LabelledSlider(const QString& title, const QString& toolTip, QWidget* parent = nullptr);
    QSlider* slider() const { return slider_; }
    void setValueText(const QString& text);

private:
    QSlider* slider_;
    QLabel* value_;
};

// Every parameter of a scenario: the model, three large sliders for what a lecture varies — sample
// size, human-data fraction, model capacity — and an advanced group for the rest. Emits the edited
// scenario after every change; setScenario() shows one without emitting.
class ParameterPanel : public QWidget {
    Q_OBJECT

public:
    explicit ParameterPanel(QWidget* parent = nullptr);

    void setScenario(const Scenario& scenario);
    const Scenario& scenario() const { return scenario_; }

    QComboBox* modelPicker() const { return model_; }
    QSlider* sampleSizeSlider() const { return samples_->slider(); }
    QSlider* humanFractionSlider() const { return human_->slider(); }
    QSlider* capacitySlider() const { return capacity_->slider(); }

    // The sample-size slider is logarithmic: positions 0..1000 span M = 2..100 000.
    static int sliderPositionForSamples(int samples);
    static int samplesForSliderPosition(int position);

signals:
    void scenarioChanged(const collapse::Scenario& scenario);

private:
    void buildAdvanced(QFormLayout* form);
    void showValues();
    void edited();
    void modelPicked();

    Scenario scenario_;
    bool updating_ = false;

    QComboBox* model_;
    LabelledSlider* samples_;
    LabelledSlider* human_;
    LabelledSlider* capacity_;
    QToolButton* advancedToggle_;
    QWidget* advanced_;
    QComboBox* policy_;
    QDoubleSpinBox* filterRate_;
    QDoubleSpinBox* samplingBias_;
    QComboBox* estimator_;
    QSpinBox* generations_;
    QSpinBox* replicates_;
    QSpinBox* seed_;
    QPushButton* newSeed_;
    QComboBox* dim_;
    QSpinBox* trueComponents_;
    QDoubleSpinBox* minorityShare_;
    QComboBox* covariance_;
    QComboBox* emTol_;
    QSpinBox* emMaxIter_;
    QComboBox* regCovar_;
    QSpinBox* epochs_;
    QSpinBox* hidden_;
    QPushButton* dataset_;
    QSpinBox* minorityClass_;
    QDoubleSpinBox* minorityClassShare_;
    QDoubleSpinBox* blueShare_;
    QDoubleSpinBox* shrinkage_;
    QList<QWidget*> gmmOnly_;
    QList<QWidget*> vaeOnly_;
    QList<QWidget*> catsOnly_;
    QFormLayout* form_ = nullptr;
};

} // namespace collapse::ui
