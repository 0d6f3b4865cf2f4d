#include "parameter_panel.h"

#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <initializer_list>
#include <filesystem>

namespace collapse::ui {

namespace {

constexpr int kSamplePositions = 1000;
constexpr double kSmallestSample = 2.0;
constexpr double kLargestSample = 100000.0;
constexpr int kLargestCapacity = 10;
constexpr int kLargestLatentWidth = 64;

// A slider that keeps its arrow, Page and Home/End keys when it has focus, instead of letting the
// window's transport shortcuts take them: every control stays usable from the keyboard.
class KeyboardSlider : public QSlider {
public:
    using QSlider::QSlider;

protected:
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            switch (static_cast<QKeyEvent*>(event)->key()) {
            case Qt::Key_Left: case Qt::Key_Right: case Qt::Key_Up: case Qt::Key_Down:
            case Qt::Key_PageUp: case Qt::Key_PageDown: case Qt::Key_Home: case Qt::Key_End:
                event->accept();
                return true;
            default:
                break;
            }
        }
        return QSlider::event(event);
    }
};

QString groupedNumber(int value)
{
    return QLocale().toString(value);
}

// A choice of a few powers of ten, keeping a scenario's own value when it is not among them.
void selectPowerOfTen(QComboBox* combo, double value)
{
    int index = combo->findData(value);
    if (index < 0) {
        combo->addItem(QString::number(value, 'g', 3), value);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

// A percentage field from `lowest` to 100 %.
QDoubleSpinBox* percentField(double lowest, int decimals)
{
    auto* field = new QDoubleSpinBox;
    field->setRange(lowest, 100.0);
    field->setSuffix(QStringLiteral(" %"));
    field->setDecimals(decimals);
    return field;
}

// A drop-down of round numbers, each shown in its shortest form and carried as its value.
QComboBox* numberChoices(std::initializer_list<double> values)
{
    auto* combo = new QComboBox;
    for (const double value : values) {
        combo->addItem(QString::number(value, 'g', 3), value);
    }
    return combo;
}

template <typename Enum>
void selectData(QComboBox* combo, Enum value)
{
    combo->setCurrentIndex(combo->findData(static_cast<int>(value)));
}

} // namespace

LabelledSlider::LabelledSlider(const QString& title, const QString& toolTip, QWidget* parent)
    : QWidget(parent), slider_(new KeyboardSlider(Qt::Horizontal)), value_(new QLabel)
{
    auto* name = new QLabel(title);
    name->setFont(scaledFont(sizes::headingPoint, true));
    value_->setFont(scaledFont(sizes::valuePoint));
    value_->setStyleSheet(QStringLiteral("color: #0072B2;"));
    slider_->setMinimumHeight(36);
    slider_->setStyleSheet(QStringLiteral(
        "QSlider::groove:horizontal { height: 8px; background: #D0D7DE; border-radius: 4px; }"
        "QSlider::sub-page:horizontal { background: #0072B2; border-radius: 4px; }"
        "QSlider::handle:horizontal { width: 26px; margin: -10px 0; border-radius: 13px;"
        " background: white; border: 3px solid #0072B2; }"
        "QSlider::handle:horizontal:focus { border: 3px solid #E69F00; }"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 6);
    layout->setSpacing(2);
    auto* header = new QHBoxLayout;
    header->addWidget(name);
    header->addStretch();
    header->addWidget(value_);
    layout->addLayout(header);
    layout->addWidget(slider_);
    setToolTip(toolTip);
    slider_->setToolTip(toolTip);
    name->setBuddy(slider_);
}

void LabelledSlider::setValueText(const QString& text)
{
    value_->setText(text);
}

ParameterPanel::ParameterPanel(QWidget* parent) : QWidget(parent), scenario_(defaultScenario(ModelKind::Gaussian))
{
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);

    auto* modelLabel = new QLabel(tr("Model"));
    modelLabel->setFont(scaledFont(sizes::headingPoint, true));
    model_ = new QComboBox;
    model_->setFont(scaledFont(sizes::bodyPoint + 1));
    model_->addItem(tr("Gaussian (one normal, 1-D)"), static_cast<int>(ModelKind::Gaussian));
    model_->addItem(tr("Gaussian mixture (EM)"), static_cast<int>(ModelKind::Gmm));
    model_->addItem(tr("Variational autoencoder (images)"), static_cast<int>(ModelKind::Vae));
    model_->addItem(tr("Cats (fur colour)"), static_cast<int>(ModelKind::Cats));
    model_->setToolTip(tr("The generative model refitted every generation on data made by the one before."));
    modelLabel->setBuddy(model_);
    layout->addWidget(modelLabel);
    layout->addWidget(model_);

    samples_ = new LabelledSlider(
        tr("Sample size"),
        tr("How many samples each generation trains on. Small samples miss rare events, so the tails are "
           "forgotten first: the statistical approximation error."));
    samples_->slider()->setRange(0, kSamplePositions);
    samples_->slider()->setPageStep(50);
    human_ = new LabelledSlider(
        tr("Human data"),
        tr("Share of every generation's training data drawn fresh from the original, human data. A little "
           "real data in every generation keeps the model near the original."));
    human_->slider()->setRange(0, 100);
    human_->slider()->setPageStep(10);
    capacity_ = new LabelledSlider(
        tr("Model capacity"),
        tr("How expressive the model is: the number of mixture components, or the VAE's latent dimensions. "
           "Too little cannot represent the original: the functional expressivity error."));
    capacity_->slider()->setRange(1, kLargestCapacity);
    capacity_->slider()->setPageStep(1);
    for (LabelledSlider* slider : {samples_, human_, capacity_}) {
        layout->addWidget(slider);
        connect(slider->slider(), &QSlider::valueChanged, this, &ParameterPanel::edited);
    }

    advancedToggle_ = new QToolButton;
    advancedToggle_->setText(tr("Advanced"));
    advancedToggle_->setCheckable(true);
    advancedToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    advancedToggle_->setArrowType(Qt::RightArrow);
    advancedToggle_->setFont(scaledFont(sizes::bodyPoint + 1, true));
    advancedToggle_->setAutoRaise(true);
    advanced_ = new QWidget;
    form_ = new QFormLayout(advanced_);
    form_->setContentsMargins(4, 0, 0, 0);
    buildAdvanced(form_);
    advanced_->setVisible(false);
    connect(advancedToggle_, &QToolButton::toggled, this, [this](bool open) {
        advanced_->setVisible(open);
        advancedToggle_->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    layout->addWidget(advancedToggle_);
    layout->addWidget(advanced_);
    layout->addStretch();

    connect(model_, &QComboBox::currentIndexChanged, this, &ParameterPanel::modelPicked);
    setScenario(scenario_);
}

void ParameterPanel::buildAdvanced(QFormLayout* form)
{
    enum class Only { All, Gmm, Vae, Cats };
    const auto addRow = [&](const QString& label, QWidget* field, const QString& toolTip, Only only = Only::All) {
        field->setToolTip(toolTip);
        auto* name = new QLabel(label);
        name->setToolTip(toolTip);
        name->setBuddy(field);
        form->addRow(name, field);
        if (only == Only::Gmm) {
            gmmOnly_ << name << field;
        } else if (only == Only::Vae) {
            vaeOnly_ << name << field;
        } else if (only == Only::Cats) {
            catsOnly_ << name << field;
        }
    };
    policy_ = new QComboBox;
    policy_->addItem(tr("Replace"), static_cast<int>(Policy::Replace));
    policy_->addItem(tr("Accumulate"), static_cast<int>(Policy::Accumulate));
    policy_->addItem(tr("Accumulate, subsample to M"), static_cast<int>(Policy::AccumulateSubsample));
    addRow(tr("Data policy"), policy_,
           tr("Replace: train only on the newest generation's data. Accumulate: keep all data ever made, which "
              "bounds the error (Gerstgrasser et al. 2024)."));
    filterRate_ = percentField(0.0, 0);
    addRow(tr("Filter rate"), filterRate_,
           tr("Share of synthetic samples recognised, for example by a watermark, and dropped before training."));
    samplingBias_ = new QDoubleSpinBox;
    samplingBias_->setRange(0.01, 1.0);
    samplingBias_->setSingleStep(0.05);
    samplingBias_->setDecimals(2);
    addRow(tr("Sampling bias \u03BB"), samplingBias_,
           tr("1 samples the model faithfully; below 1 samples toward its modes, as low-temperature decoding "
              "does: the functional approximation error."));
    estimator_ = new QComboBox;
    estimator_->addItem(tr("Unbiased (M − 1)"), static_cast<int>(Estimator::Unbiased));
    estimator_->addItem(tr("Maximum likelihood (M)"), static_cast<int>(Estimator::Mle));
    addRow(tr("Variance estimator"), estimator_,
           tr("Unbiased divides the squared deviations by M − 1, the choice of the paper's theorem; maximum "
              "likelihood divides by M."));
    generations_ = new QSpinBox;
    generations_->setRange(1, 100000);
    addRow(tr("Generations"), generations_, tr("How many times the model is refitted on its own samples."));
    replicates_ = new QSpinBox;
    replicates_->setRange(1, 10000);
    addRow(tr("Replicates"), replicates_,
           tr("Independent chains run side by side; the charts show their median and 10–90% band."));
    auto* seedRow = new QWidget;
    auto* seedLayout = new QHBoxLayout(seedRow);
    seedLayout->setContentsMargins(0, 0, 0, 0);
    seed_ = new QSpinBox;
    seed_->setRange(0, std::numeric_limits<int>::max());
    newSeed_ = new QPushButton(tr("New seed"));
    newSeed_->setToolTip(tr("Draw a new random seed: the same parameters, another roll of the dice."));
    seedLayout->addWidget(seed_, 1);
    seedLayout->addWidget(newSeed_);
    addRow(tr("Seed"), seedRow, tr("The same scenario and seed always give the same results."));
    connect(newSeed_, &QPushButton::clicked, this,
            [this] { seed_->setValue(static_cast<int>(QRandomGenerator::global()->bounded(1, 1000000))); });

    dim_ = new QComboBox;
    dim_->addItem(tr("1-D"), 1);
    dim_->addItem(tr("2-D"), 2);
    addRow(tr("Dimension"), dim_, tr("Data in one or two dimensions."), Only::Gmm);
    trueComponents_ = new QSpinBox;
    trueComponents_->setRange(1, 8);
    addRow(tr("Original clusters"), trueComponents_, tr("How many clusters the original, human data has."), Only::Gmm);
    minorityShare_ = percentField(0.1, 1);
    addRow(tr("Last cluster's share"), minorityShare_,
           tr("Weight of the original's last cluster: make it small to watch a minority disappear."), Only::Gmm);
    covariance_ = new QComboBox;
    covariance_->addItem(tr("Full"), static_cast<int>(CovarianceType::Full));
    covariance_->addItem(tr("Diagonal"), static_cast<int>(CovarianceType::Diagonal));
    addRow(tr("Covariance"), covariance_, tr("Each fitted component's covariance: full or diagonal."), Only::Gmm);
    emTol_ = numberChoices({1e-2, 1e-3, 1e-4, 1e-5, 1e-6});
    addRow(tr("EM tolerance"), emTol_,
           tr("EM stops when the mean log-likelihood per sample changes by less than this."), Only::Gmm);
    emMaxIter_ = new QSpinBox;
    emMaxIter_->setRange(1, 100000);
    addRow(tr("EM iteration cap"), emMaxIter_, tr("EM stops after this many iterations at the latest."), Only::Gmm);
    regCovar_ = numberChoices({1e-3, 1e-4, 1e-6, 1e-8});
    addRow(tr("Covariance floor"), regCovar_,
           tr("Added to every covariance's diagonal, so a collapsed component stays a density."), Only::Gmm);

    epochs_ = new QSpinBox;
    epochs_->setRange(1, 1000);
    addRow(tr("Epochs"), epochs_, tr("How long each generation's VAE trains on its data."), Only::Vae);
    hidden_ = new QSpinBox;
    hidden_->setRange(1, 4096);
    addRow(tr("Hidden width"), hidden_, tr("Units in each hidden layer of encoder and decoder."), Only::Vae);
    dataset_ = new QPushButton;
    addRow(tr("Images"), dataset_,
           tr("The real images: the bundled Fashion-MNIST subset, or any MNIST-format (IDX) image file."), Only::Vae);
    connect(dataset_, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose an MNIST-format image file"), QString(),
                                                          tr("IDX image files (*idx3-ubyte *idx3-ubyte.gz);;All files (*)"));
        if (!file.isEmpty()) {
            scenario_.dataset = file.toStdString();
            setScenario(scenario_);
            emit scenarioChanged(scenario_);
        }
    });
    minorityClass_ = new QSpinBox;
    minorityClass_->setRange(-1, 255);
    minorityClass_->setSpecialValueText(tr("none"));
    addRow(tr("Minority class"), minorityClass_,
           tr("Make one class of real images rare, to watch it disappear like the blue cats."), Only::Vae);
    minorityClassShare_ = percentField(0.1, 1);
    addRow(tr("Its share"), minorityClassShare_, tr("The minority class's share of the real images."), Only::Vae);
    blueShare_ = percentField(0.1, 1);
    addRow(tr("Blue cats"), blueShare_, tr("Share of blue cats among the original ones; the rest are yellow."),
           Only::Cats);
    shrinkage_ = new QDoubleSpinBox;
    shrinkage_->setRange(0.0, 1000.0);
    shrinkage_->setDecimals(1);
    shrinkage_->setSingleStep(0.5);
    addRow(tr("Shrinkage"), shrinkage_,
           tr("How strongly each fitted colour is pulled toward the average colour: 0 copies the cats "
              "faithfully; more turns rare blue cats green, then yellow."),
           Only::Cats);
    for (QDoubleSpinBox* spin : {blueShare_, shrinkage_}) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ParameterPanel::edited);
    }
    for (QSpinBox* spin : {epochs_, hidden_, minorityClass_}) {
        connect(spin, &QSpinBox::valueChanged, this, &ParameterPanel::edited);
    }
    connect(minorityClassShare_, &QDoubleSpinBox::valueChanged, this, &ParameterPanel::edited);

    for (QComboBox* combo : {policy_, estimator_, dim_, covariance_, emTol_, regCovar_}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &ParameterPanel::edited);
    }
    for (QDoubleSpinBox* spin : {filterRate_, samplingBias_, minorityShare_}) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ParameterPanel::edited);
    }
    for (QSpinBox* spin : {generations_, replicates_, seed_, emMaxIter_}) {
        connect(spin, &QSpinBox::valueChanged, this, &ParameterPanel::edited);
    }
    connect(trueComponents_, &QSpinBox::valueChanged, this, [this](int clusters) {
        if (!updating_) {
            // A new cluster count starts with equal weights.
            scenario_.trueComponents = clusters;
            scenario_.minorityShare = 1.0 / clusters;
            setScenario(scenario_);
            emit scenarioChanged(scenario_);
        }
    });
}

int ParameterPanel::sliderPositionForSamples(int samples)
{
    const double fraction = std::log(samples / kSmallestSample) / std::log(kLargestSample / kSmallestSample);
    return std::clamp(static_cast<int>(std::lround(fraction * kSamplePositions)), 0, kSamplePositions);
}

int ParameterPanel::samplesForSliderPosition(int position)
{
    const double fraction = static_cast<double>(position) / kSamplePositions;
    const double samples = kSmallestSample * std::pow(kLargestSample / kSmallestSample, fraction);
    // Round to two significant figures so the values read cleanly (2, 10, 150, 2 300, 100 000).
    const double magnitude = std::pow(10.0, std::max(0.0, std::floor(std::log10(samples)) - 1.0));
    return static_cast<int>(std::round(samples / magnitude) * magnitude);
}

void ParameterPanel::setScenario(const Scenario& scenario)
{
    updating_ = true;
    scenario_ = scenario;
    const bool gmm = scenario.model == ModelKind::Gmm;
    const bool vae = scenario.model == ModelKind::Vae;
    const bool cats = scenario.model == ModelKind::Cats;
    selectData(model_, scenario.model);
    // Positions that round to the same M keep the slider where the scenario is.
    samples_->slider()->setValue(sliderPositionForSamples(scenario.samples));
    human_->slider()->setValue(static_cast<int>(std::lround(scenario.humanFraction * 100.0)));
    capacity_->slider()->setRange(1, gmm || cats ? kLargestCapacity : vae ? kLargestLatentWidth : 1);
    capacity_->slider()->setValue(scenario.capacity);
    capacity_->setEnabled(gmm || vae || cats);
    selectData(policy_, scenario.policy);
    filterRate_->setValue(scenario.filterRate * 100.0);
    samplingBias_->setValue(scenario.samplingBias);
    selectData(estimator_, scenario.estimator);
    generations_->setValue(scenario.generations);
    replicates_->setValue(scenario.replicates);
    seed_->setValue(static_cast<int>(std::min<std::uint64_t>(scenario.seed, std::numeric_limits<int>::max())));
    dim_->setCurrentIndex(dim_->findData(scenario.dim));
    trueComponents_->setValue(scenario.trueComponents);
    minorityShare_->setValue(scenario.minorityShare * 100.0);
    minorityShare_->setEnabled(scenario.trueComponents > 1);
    selectData(covariance_, scenario.covariance);
    selectPowerOfTen(emTol_, scenario.emTol);
    emMaxIter_->setValue(scenario.emMaxIter);
    selectPowerOfTen(regCovar_, scenario.regCovar);
    epochs_->setValue(scenario.epochs);
    hidden_->setValue(scenario.hidden);
    dataset_->setText(QString::fromStdString(std::filesystem::path(scenario.dataset).filename().string()));
    dataset_->setToolTip(QString::fromStdString(scenario.dataset));
    minorityClass_->setValue(scenario.minorityClass);
    minorityClassShare_->setValue(scenario.minorityShare * 100.0);
    minorityClassShare_->setEnabled(scenario.minorityClass >= 0);
    blueShare_->setValue(scenario.minorityShare * 100.0);
    shrinkage_->setValue(scenario.shrinkage);
    estimator_->setEnabled(!vae && !cats);
    for (QWidget* widget : gmmOnly_) {
        widget->setVisible(gmm);
    }
    for (QWidget* widget : vaeOnly_) {
        widget->setVisible(vae);
    }
    for (QWidget* widget : catsOnly_) {
        widget->setVisible(cats);
    }
    showValues();
    updating_ = false;
}

void ParameterPanel::showValues()
{
    samples_->setValueText(tr("M = %1").arg(groupedNumber(scenario_.samples)));
    human_->setValueText(tr("%1 %").arg(std::lround(scenario_.humanFraction * 100.0)));
    switch (scenario_.model) {
    case ModelKind::Gaussian:
        capacity_->setValueText(tr("one normal"));
        break;
    case ModelKind::Gmm:
        capacity_->setValueText(scenario_.capacity == 1 ? tr("1 component") : tr("%1 components").arg(scenario_.capacity));
        break;
    case ModelKind::Vae:
        capacity_->setValueText(tr("%1 latent dimensions").arg(scenario_.capacity));
        break;
    case ModelKind::Cats:
        capacity_->setValueText(scenario_.capacity == 1 ? tr("1 colour") : tr("%1 colours").arg(scenario_.capacity));
        break;
    }
}

void ParameterPanel::modelPicked()
{
    if (updating_) {
        return;
    }
    const auto model = static_cast<ModelKind>(model_->currentData().toInt());
    Scenario picked = defaultScenario(model);
    picked.seed = scenario_.seed;
    setScenario(picked);
    emit scenarioChanged(scenario_);
}

void ParameterPanel::edited()
{
    if (updating_) {
        return;
    }
    Scenario next = scenario_;
    const int position = samples_->slider()->value();
    if (position != sliderPositionForSamples(scenario_.samples)) {
        next.samples = samplesForSliderPosition(position);
    }
    next.humanFraction = human_->slider()->value() / 100.0;
    next.capacity = capacity_->slider()->value();
    next.policy = static_cast<Policy>(policy_->currentData().toInt());
    next.filterRate = filterRate_->value() / 100.0;
    next.samplingBias = samplingBias_->value();
    if (next.model == ModelKind::Gaussian || next.model == ModelKind::Gmm) {
        next.estimator = static_cast<Estimator>(estimator_->currentData().toInt());
    }
    next.generations = generations_->value();
    next.replicates = replicates_->value();
    next.seed = static_cast<std::uint64_t>(seed_->value());
    if (next.model == ModelKind::Gmm) {
        next.dim = dim_->currentData().toInt();
        next.minorityShare = next.trueComponents > 1 ? minorityShare_->value() / 100.0 : 1.0;
        next.covariance = static_cast<CovarianceType>(covariance_->currentData().toInt());
        next.emTol = emTol_->currentData().toDouble();
        next.emMaxIter = emMaxIter_->value();
        next.regCovar = regCovar_->currentData().toDouble();
    }
    if (next.model == ModelKind::Cats) {
        next.minorityShare = blueShare_->value() / 100.0;
        next.shrinkage = shrinkage_->value();
    }
    if (next.model == ModelKind::Vae) {
        next.epochs = epochs_->value();
        next.hidden = hidden_->value();
        next.minorityClass = minorityClass_->value();
        next.minorityShare = minorityClassShare_->value() / 100.0;
    }
    if (next == scenario_) {
        return;
    }
    scenario_ = next;
    showValues();
    emit scenarioChanged(scenario_);
}

} // namespace collapse::ui
