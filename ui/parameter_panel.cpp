#include "ui/parameter_panel.h"

#include "core/data_error.h"
#include "core/experiment.h"
#include "core/model_registry.h"
#include "ui/stages/stage_registry.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QBoxLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

namespace collapse::ui {

namespace {

// The sample-size slider spans a lecture's range; scenario files may go beyond it, and then the slider
// rests at its end while the value stays the file's.
constexpr int kSamplePositions = 1000;
constexpr double kSmallestSample = 2.0;
constexpr double kLargestSample = 100000.0;

// The keys the three large sliders edit; the Advanced group holds every other.
bool onSlider(std::string_view key)
{
    return key == "samples" || key == "human_fraction" || key == "capacity";
}

QString translated(const char* context, std::string_view text)
{
    return QCoreApplication::translate(context, std::string(text).c_str());
}

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

} // namespace

LabelledSlider::LabelledSlider(const QString& title, const QString& toolTip, QWidget* parent)
    : QWidget(parent), name_(new QLabel(title)), slider_(new KeyboardSlider(Qt::Horizontal)), value_(new QLabel)
{
    QLabel* name = name_;
    name->setFont(scaledFont(sizes::headingPoint, true));
    value_->setFont(scaledFont(sizes::valuePoint));
    value_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
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
    header_ = new QBoxLayout(QBoxLayout::LeftToRight);
    header_->setSpacing(8);
    header_->addWidget(name, 1);
    header_->addWidget(value_);
    layout->addLayout(header_);
    layout->addWidget(slider_);
    // The widget may be narrower than name and value across: then the value goes under the name.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setToolTip(toolTipText(toolTip));
    slider_->setToolTip(toolTipText(toolTip));
    name->setBuddy(slider_);
}

void LabelledSlider::applyThemeColours()
{
    // The value in the model's colour as text, the track in its colour as a stroke; a slider that does
    // not apply greys out.
    value_->setStyleSheet(QStringLiteral("QLabel { color: %1; } QLabel:disabled { color: %2; }")
                              .arg(colours::modelText.name(), colours::disabledText.name()));
    slider_->setStyleSheet(QStringLiteral(
        "QSlider::groove:horizontal { height: 8px; background: %1; border-radius: 4px; }"
        "QSlider::sub-page:horizontal { background: %2; border-radius: 4px; }"
        "QSlider::sub-page:horizontal:disabled { background: %1; }"
        "QSlider::handle:horizontal { width: 26px; margin: -10px 0; border-radius: 13px;"
        " background: %3; border: 3px solid %2; }"
        "QSlider::handle:horizontal:disabled { border: 3px solid %4; }"
        "QSlider::handle:horizontal:focus { border: 3px solid %5; }")
                               .arg(colours::grid.name(), colours::model.name(), colours::background.name(),
                                    colours::disabledText.name(), colours::accent.name()));
}

void LabelledSlider::setValueText(const QString& text)
{
    value_->setText(text);
    placeValue();
}

void LabelledSlider::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeValue();
}

bool LabelledSlider::event(QEvent* event)
{
    if (event->type() == QEvent::LayoutRequest) {
        placeValue();
    }
    return QWidget::event(event);
}

QSize LabelledSlider::minimumSizeHint() const
{
    const QMargins margins = layout()->contentsMargins();
    const int widest = std::max({name_->minimumSizeHint().width(), value_->minimumSizeHint().width(),
                                 slider_->minimumSizeHint().width()});
    return {widest + margins.left() + margins.right(), QWidget::minimumSizeHint().height()};
}

void LabelledSlider::placeValue()
{
    const int needed = name_->sizeHint().width() + header_->spacing() + value_->sizeHint().width();
    const auto direction = needed <= width() ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (header_->direction() != direction) {
        header_->setDirection(direction);
        // Across, the name takes the width the value leaves; stacked, neither takes spare height, so the
        // value stays under its name.
        header_->setStretchFactor(name_, direction == QBoxLayout::LeftToRight ? 1 : 0);
        value_->setAlignment(direction == QBoxLayout::LeftToRight ? Qt::AlignRight | Qt::AlignVCenter
                                                                   : Qt::AlignLeft | Qt::AlignVCenter);
        // At once, not at the next turn of the event loop: a picture taken now shows the new places.
        layout()->activate();
        // Stacked, the slider is taller: the panel lays itself out again.
        updateGeometry();
    }
}

// ParameterField --------------------------------------------------------------------------------------

struct ParameterField::Widgets {
    QSpinBox* integer = nullptr;
    QDoubleSpinBox* real = nullptr;
    QComboBox* choice = nullptr;
    QLineEdit* seed = nullptr;
    QPushButton* file = nullptr;
    double shownScale = 1.0; // 100 for percentages
};

ParameterField::ParameterField(const ParameterSpec& spec, QWidget* owner, Edited edited, FileChooser chooseFile)
    : spec_(spec), label_(new QLabel(translated("Parameters", spec.label))), editor_(nullptr),
      widgets_(std::make_unique<Widgets>())
{
    label_->setWordWrap(true);
    Widgets& w = *widgets_;
    const auto report = [this, edited](const nlohmann::json& value) { edited(spec_, value); };
    switch (spec.type) {
    case ParameterType::Integer:
        if (spec.editor == ParameterEditor::Seed) {
            auto* row = new QWidget;
            auto* layout = new QHBoxLayout(row);
            layout->setContentsMargins(0, 0, 0, 0);
            w.seed = new QLineEdit;
            w.seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,20}")), w.seed));
            auto* draw = new QPushButton(QCoreApplication::translate("Parameters", "New seed"));
            draw->setToolTip(QCoreApplication::translate("Parameters", "Draw a new random seed: the same parameters, "
                                                                       "another roll of the dice."));
            layout->addWidget(w.seed, 1);
            layout->addWidget(draw);
            QObject::connect(w.seed, &QLineEdit::editingFinished, w.seed, [seed = w.seed, report] {
                bool ok = false;
                const qulonglong value = seed->text().toULongLong(&ok);
                if (ok) {
                    report(nlohmann::json(static_cast<std::uint64_t>(value)));
                }
            });
            QObject::connect(draw, &QPushButton::clicked, draw, [report] {
                report(nlohmann::json(static_cast<std::uint64_t>(QRandomGenerator::global()->bounded(1, 1000000))));
            });
            editor_ = row;
        } else if (spec.editor == ParameterEditor::Suggestions) {
            w.choice = new QComboBox;
            for (const double suggestion : spec.suggestions) {
                w.choice->addItem(QString::number(suggestion, 'f', 0), static_cast<int>(suggestion));
            }
            QObject::connect(w.choice, &QComboBox::currentIndexChanged, w.choice, [combo = w.choice, report] {
                report(nlohmann::json(combo->currentData().toInt()));
            });
            editor_ = w.choice;
        } else {
            w.integer = new QSpinBox;
            w.integer->setRange(static_cast<int>(spec.integerMin),
                                static_cast<int>(std::min<std::uint64_t>(spec.integerMax, std::numeric_limits<int>::max())));
            if (!spec.minimumMeaning.empty()) {
                w.integer->setSpecialValueText(translated("Parameters", spec.minimumMeaning));
            }
            QObject::connect(w.integer, &QSpinBox::valueChanged, w.integer, [report](int value) { report(nlohmann::json(value)); });
            editor_ = w.integer;
        }
        break;
    case ParameterType::Real:
        if (spec.editor == ParameterEditor::Suggestions) {
            w.choice = new QComboBox;
            for (const double suggestion : spec.suggestions) {
                w.choice->addItem(QString::number(suggestion, 'g', 3), suggestion);
            }
            QObject::connect(w.choice, &QComboBox::currentIndexChanged, w.choice, [combo = w.choice, report] {
                report(nlohmann::json(combo->currentData().toDouble()));
            });
            editor_ = w.choice;
        } else {
            w.real = new QDoubleSpinBox;
            const bool percent = spec.editor == ParameterEditor::Percent;
            w.shownScale = percent ? 100.0 : 1.0;
            const double unit = std::pow(10.0, -spec.decimals);
            w.real->setDecimals(spec.decimals);
            w.real->setRange(spec.realMin * w.shownScale + (spec.realMinExclusive ? unit : 0.0), spec.realMax * w.shownScale);
            w.real->setSingleStep(percent ? 1.0 : 5.0 * unit);
            if (percent) {
                w.real->setSuffix(QStringLiteral(" %"));
            }
            QObject::connect(w.real, &QDoubleSpinBox::valueChanged, w.real,
                             [report, scale = w.shownScale](double value) { report(nlohmann::json(value / scale)); });
            editor_ = w.real;
        }
        break;
    case ParameterType::Choice:
        w.choice = new QComboBox;
        for (const ParameterChoice& choice : spec.choices) {
            w.choice->addItem(translated("Parameters", choice.label), QString::fromUtf8(choice.name.data(), static_cast<qsizetype>(choice.name.size())));
        }
        QObject::connect(w.choice, &QComboBox::currentIndexChanged, w.choice, [combo = w.choice, report] {
            report(nlohmann::json(combo->currentData().toString().toStdString()));
        });
        editor_ = w.choice;
        break;
    case ParameterType::Text:
        w.file = new QPushButton;
        QObject::connect(w.file, &QPushButton::clicked, w.file, [this, owner, report, chooseFile] {
            const QString file = chooseFile(owner, label_->text(),
                                            translated("Parameters", spec_.fileFilter) + QStringLiteral(";;") +
                                                QCoreApplication::translate("Parameters", "All files (*)"));
            if (!file.isEmpty()) {
                report(nlohmann::json(file.toStdString()));
            }
        });
        editor_ = w.file;
        break;
    }
    const QString toolTip = toolTipText(translated("Parameters", spec.description));
    editor_->setToolTip(toolTip);
    label_->setToolTip(toolTip);
    label_->setBuddy(editor_);
}

ParameterField::~ParameterField() = default;

void ParameterField::show(const Scenario& scenario)
{
    const Widgets& w = *widgets_;
    const nlohmann::ordered_json value = spec_.get(scenario);
    const QSignalBlocker blockInteger(w.integer), blockReal(w.real), blockChoice(w.choice), blockSeed(w.seed);
    if (w.seed != nullptr) {
        w.seed->setText(QString::number(value.get<std::uint64_t>()));
    } else if (w.integer != nullptr) {
        w.integer->setValue(static_cast<int>(value.get<std::int64_t>()));
    } else if (w.real != nullptr) {
        w.real->setValue(value.get<double>() * w.shownScale);
    } else if (w.choice != nullptr && spec_.type != ParameterType::Choice) {
        // Suggested values that keep a scenario's own value when it is not among them.
        const bool real = spec_.type == ParameterType::Real;
        const QVariant number = real ? QVariant(value.get<double>()) : QVariant(static_cast<int>(value.get<std::int64_t>()));
        int index = w.choice->findData(number);
        if (index < 0) {
            w.choice->addItem(real ? QString::number(number.toDouble(), 'g', 3) : QString::number(number.toInt()), number);
            index = w.choice->count() - 1;
        }
        w.choice->setCurrentIndex(index);
    } else if (w.choice != nullptr) {
        w.choice->setCurrentIndex(w.choice->findData(QString::fromStdString(value.get<std::string>())));
    } else if (w.file != nullptr) {
        const std::string path = value.get<std::string>();
        w.file->setText(QString::fromStdString(std::filesystem::path(path).filename().string()));
        w.file->setToolTip(QString::fromStdString(path));
    }
    const bool applies = !spec_.applies || spec_.applies(scenario);
    editor_->setEnabled(applies);
    label_->setEnabled(applies);
}

// ParameterPanel --------------------------------------------------------------------------------------

ParameterPanel::ParameterPanel(QWidget* parent)
    : QWidget(parent), scenario_(defaultScenario(defaultModel())),
      chooseFile_([](QWidget* owner, const QString& title, const QString& filter) {
          return QFileDialog::getOpenFileName(owner, title, QString(), filter);
      })
{
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);

    auto* modelLabel = new QLabel(tr("Model"));
    modelLabel->setFont(scaledFont(sizes::headingPoint, true));
    model_ = new QComboBox;
    model_->setFont(scaledFont(sizes::bodyPoint + 1));
    for (const ModelDescriptor* model : registeredModels()) {
        model_->addItem(translated("Models", model->title), QString::fromUtf8(model->name.data(), static_cast<qsizetype>(model->name.size())));
    }
    model_->setToolTip(tr("The generative model refitted every generation on data made by the one before."));
    modelLabel->setBuddy(model_);
    layout->addWidget(modelLabel);
    layout->addWidget(model_);

    const auto sliderFor = [this](std::string_view key) {
        for (const ParameterSpec& spec : parametersOf(scenario_.model())) {
            if (spec.key == key) {
                return new LabelledSlider(translated("Parameters", spec.label), translated("Parameters", spec.description));
            }
        }
        return new LabelledSlider(QString(), QString());
    };
    samples_ = sliderFor("samples");
    samples_->slider()->setRange(0, kSamplePositions);
    samples_->slider()->setPageStep(50);
    human_ = sliderFor("human_fraction");
    human_->slider()->setRange(0, 100);
    human_->slider()->setPageStep(10);
    capacity_ = sliderFor("capacity");
    capacity_->slider()->setPageStep(1);
    for (LabelledSlider* slider : {samples_, human_, capacity_}) {
        layout->addWidget(slider);
    }
    connect(samples_->slider(), &QSlider::valueChanged, this, [this](int position) {
        // Positions that round to the scenario's M leave it as it is.
        if (position != sliderPositionForSamples(scenario_.samples)) {
            edit("samples", samplesForSliderPosition(position));
        }
    });
    connect(human_->slider(), &QSlider::valueChanged, this, [this](int percent) {
        if (percent != static_cast<int>(std::lround(scenario_.humanFraction * 100.0))) {
            edit("human_fraction", percent / 100.0);
        }
    });
    connect(capacity_->slider(), &QSlider::valueChanged, this, [this](int capacity) { edit("capacity", capacity); });

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
    // A narrow panel puts a long row's field under its label rather than cut either.
    form_->setRowWrapPolicy(QFormLayout::WrapLongRows);
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

ParameterPanel::~ParameterPanel() = default;

void ParameterPanel::applyThemeColours()
{
    for (LabelledSlider* slider : {samples_, human_, capacity_}) {
        slider->applyThemeColours();
    }
}

QWidget* ParameterPanel::editorFor(std::string_view key) const
{
    for (const auto& field : fields_) {
        if (field->spec().key == key) {
            return field->editor();
        }
    }
    return nullptr;
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

void ParameterPanel::rebuildFields()
{
    if (fieldsModel_ == &scenario_.model()) {
        return;
    }
    while (form_->rowCount() > 0) {
        form_->removeRow(0);
    }
    fields_.clear();
    for (const ParameterSpec& spec : parametersOf(scenario_.model())) {
        if (onSlider(spec.key)) {
            continue;
        }
        auto field = std::make_unique<ParameterField>(
            spec, this, [this](const ParameterSpec& edited, const nlohmann::json& value) { edit(edited.key, value); },
            [this](QWidget* owner, const QString& title, const QString& filter) { return chooseFile_(owner, title, filter); });
        form_->addRow(field->label(), field->editor());
        fields_.push_back(std::move(field));
    }
    fieldsModel_ = &scenario_.model();
}

void ParameterPanel::setScenario(const Scenario& scenario)
{
    updating_ = true;
    scenario_ = scenario;
    rebuildFields();
    const ModelDescriptor& model = scenario.model();
    {
        const QSignalBlocker blockModel(model_), blockSamples(samples_->slider()), blockHuman(human_->slider()),
            blockCapacity(capacity_->slider());
        model_->setCurrentIndex(model_->findData(QString::fromUtf8(model.name.data(), static_cast<qsizetype>(model.name.size()))));
        samples_->slider()->setValue(sliderPositionForSamples(scenario.samples));
        human_->slider()->setValue(static_cast<int>(std::lround(scenario.humanFraction * 100.0)));
        capacity_->slider()->setRange(model.capacity.lowest, model.capacity.highest);
        capacity_->slider()->setValue(scenario.capacity);
        capacity_->setEnabled(model.capacity.lowest < model.capacity.highest &&
                              (!model.capacityApplies || model.capacityApplies(scenario)));
    }
    for (const auto& field : fields_) {
        field->show(scenario);
    }
    showValues();
    applyLocks();
    updating_ = false;
}

void ParameterPanel::setUnlockedKeys(std::optional<std::vector<std::string>> unlocked)
{
    unlocked_ = std::move(unlocked);
    // Shown again: each control as its key applies, then the lesson's locks.
    setScenario(scenario_);
}

void ParameterPanel::applyLocks()
{
    const auto open = [this](std::string_view key) {
        return !unlocked_ || std::find(unlocked_->begin(), unlocked_->end(), key) != unlocked_->end();
    };
    model_->setEnabled(!unlocked_);
    samples_->setEnabled(open("samples"));
    human_->setEnabled(open("human_fraction"));
    if (!open("capacity")) {
        capacity_->setEnabled(false);
    }
    for (const auto& field : fields_) {
        if (!open(field->spec().key)) {
            field->editor()->setEnabled(false);
            field->label()->setEnabled(false);
        }
    }
}

void ParameterPanel::setOtherSides(std::vector<Scenario> others)
{
    otherSides_ = std::move(others);
    showValues();
}

void ParameterPanel::showValues()
{
    // Each side's value where the sides differ, the first side's (the one the slider moves) first.
    const auto everySide = [this](const auto& text) {
        QStringList values{text(scenario_)};
        for (const Scenario& other : otherSides_) {
            if (other.model().name == scenario_.model().name && !values.contains(text(other))) {
                values.append(text(other));
            }
        }
        return values.join(QStringLiteral(" | "));
    };
    samples_->setValueText(everySide([](const Scenario& side) { return tr("M = %1").arg(QLocale().toString(side.samples)); }));
    human_->setValueText(
        everySide([](const Scenario& side) { return tr("%1 %").arg(QLocale().toString(side.humanFraction * 100.0, 'g', 3)); }));
    capacity_->setValueText(everySide([](const Scenario& side) { return stageEntryFor(side).capacityText(side); }));
}

void ParameterPanel::edit(std::string_view key, const nlohmann::json& value)
{
    if (updating_) {
        return;
    }
    Scenario next = scenario_;
    bool namesAFile = false;
    try {
        for (const ParameterSpec& spec : parametersOf(next.model())) {
            if (spec.key == key) {
                spec.set(next, value);
                namesAFile = spec.editor == ParameterEditor::File;
            }
        }
        if (next.model().follow) {
            next.model().follow(next, key);
        }
        if (next.model().check) {
            next.model().check(next);
        }
    } catch (const ScenarioError&) {
        // A value the editor should not have offered: show the scenario as it was.
        setScenario(scenario_);
        return;
    }
    if (namesAFile) {
        // A data file is read now, so that one that cannot be read is refused while the run goes on.
        try {
            checkDataFiles(next);
        } catch (const DataError& error) {
            setScenario(scenario_);
            emit refused(QString::fromStdString(error.what()));
            return;
        }
    }
    if (next == scenario_) {
        return;
    }
    setScenario(next);
    emit scenarioChanged(scenario_);
}

void ParameterPanel::setFileChooser(ParameterField::FileChooser chooser)
{
    chooseFile_ = std::move(chooser);
}

void ParameterPanel::modelPicked()
{
    if (updating_) {
        return;
    }
    Scenario picked = defaultScenario(model_->currentData().toString().toStdString());
    picked.seed = scenario_.seed;
    setScenario(picked);
    emit scenarioChanged(scenario_);
}

} // namespace collapse::ui
