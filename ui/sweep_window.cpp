#include "ui/sweep_window.h"

#include "core/input_files.h"
#include "core/memory_estimate.h"
#include "core/model_registry.h"
#include "core/output_files.h"
#include "core/scenario_sources.h"
#include "core/sweep_folder.h"
#include "ui/figure_export.h"
#include "ui/preset_texts.h"
#include "ui/screen_room.h"
#include "ui/settings.h"
#include "ui/sweep_worker.h"
#include "ui/theme.h"

#include <nlohmann/json.hpp>

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QThread>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <functional>

namespace collapse::ui {

namespace {

// Sweep files are small: a scenario and two lists.
constexpr std::uintmax_t kLargestSweepFile = 1 << 20;

QString fromStd(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The keys a sweep can vary: the model's numeric keys, but not the seed.
QStringList sweepableKeys(const Scenario& scenario)
{
    QStringList keys;
    const nlohmann::ordered_json keyValues = scenarioToJson(scenario);
    for (const auto& [key, value] : keyValues.items()) {
        if (value.is_number() && key != "seed") {
            keys << fromStd(key);
        }
    }
    return keys;
}

// The default values for a key: a logarithmic range for sample sizes, else the key's range in steps.
QString defaultValues(const std::string& key, const Scenario& base)
{
    if (key == "samples") {
        return QStringLiteral("10:1000:5:log");
    }
    if (key == "human_fraction" || key == "filter_rate") {
        return QStringLiteral("0:0.5:6");
    }
    const nlohmann::ordered_json value = scenarioToJson(base)[key];
    return value.is_number_integer() ? QStringLiteral("%1,%2").arg(value.get<long long>()).arg(value.get<long long>() * 2)
                                     : QStringLiteral("%1,%2").arg(value.get<double>()).arg(value.get<double>() * 2);
}

// Runs `work`; a failure's message goes to `error` (when given) and makes it false.
bool succeeds(QString* error, const std::function<void()>& work)
{
    try {
        work();
        return true;
    } catch (const std::exception& failure) {
        if (error != nullptr) {
            *error = QString::fromUtf8(failure.what());
        }
        return false;
    }
}

QString describe(const Scenario& scenario)
{
    return QObject::tr("%1: M = %2, %3 generations, %4 replicates")
        .arg(QCoreApplication::translate("Models", std::string(scenario.model().title).c_str()))
        .arg(scenario.samples)
        .arg(scenario.generations)
        .arg(scenario.replicates);
}

} // namespace

// ---- The diagram widget --------------------------------------------------------------------------

PhaseDiagramView::PhaseDiagramView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(320, 240);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PhaseDiagramView::setDiagram(const PhaseDiagram* diagram)
{
    diagram_ = diagram;
    update();
}

void PhaseDiagramView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (diagram_ == nullptr) {
        painter.fillRect(rect(), colours::background);
        painter.setPen(colours::text);
        painter.setFont(scaledFont(sizes::bodyPoint));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Choose the keys and their values, then run the sweep: each cell is a whole run, and the "
                            "diagram fills in as they finish."));
        return;
    }
    diagram_->render(painter, QRectF(rect()), true);
}

void PhaseDiagramView::mouseMoveEvent(QMouseEvent* event)
{
    const auto cell = diagram_ != nullptr ? diagram_->cellAt(event->position(), QRectF(rect())) : std::nullopt;
    const QString text = cell ? diagram_->valueText(*cell) : QString();
    setCursor(cell ? Qt::PointingHandCursor : Qt::ArrowCursor);
    emit cellHovered(text);
    if (cell) {
        QToolTip::showText(event->globalPosition().toPoint(), text + "\n" + tr("Click to open this cell as a run."), this);
    } else {
        QToolTip::hideText();
    }
}

void PhaseDiagramView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || diagram_ == nullptr) {
        return;
    }
    if (const auto cell = diagram_->cellAt(event->position(), QRectF(rect()))) {
        emit cellClicked(*cell);
    }
}

void PhaseDiagramView::leaveEvent(QEvent*)
{
    emit cellHovered(QString());
}

// ---- The window ----------------------------------------------------------------------------------

SweepWindow::SweepWindow(QWidget* parent) : QMainWindow(parent), base_(defaultScenario(defaultModel()))
{
    // A window of its own beside the main one, closed with it.
    setWindowFlag(Qt::Window, true);
    setWindowTitle(tr("Collapse Lab: Sweep"));
    worker_ = new SweepWorker(this);
    redrawTimer_.setSingleShot(true);
    redrawTimer_.setInterval(100);
    connect(&redrawTimer_, &QTimer::timeout, this, &SweepWindow::redrawDiagram);
    connect(worker_, &SweepWorker::cellFinished, this, [this](quint64 request, quint64 cell, const QString& rows) {
        if (request != request_ || cell >= cellRows_.size()) {
            return;
        }
        cellRows_[cell] = rows.toStdString();
        ++finished_;
        progress_->setValue(static_cast<int>(finished_));
        progress_->setFormat(tr("%1 of %2 cells").arg(finished_).arg(cellRows_.size()));
        if (!redrawTimer_.isActive()) {
            redrawTimer_.start();
        }
    });
    connect(worker_, &SweepWorker::sweepFinished, this, [this](quint64 request) {
        if (request == request_) {
            setRunning(false);
            redrawDiagram();
            emit sweepCompleted();
        }
    });
    connect(worker_, &SweepWorker::sweepFailed, this, [this](quint64 request, const QString& message) {
        if (request == request_) {
            setRunning(false);
            showProblem(tr("The sweep stopped: %1").arg(message));
        }
    });
    buildForm();
    buildMenus();
    useScenario(base_);
    resize(1280, 800);
}

void SweepWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    // Fits the screen it opens on, a 1024 x 768 projector included.
    if (!isFullScreen()) {
        const QSize room = roomOnScreen(*this);
        if (!room.isEmpty() && (width() > room.width() || height() > room.height())) {
            resize(size().boundedTo(room));
        }
        keepOnScreen(*this);
    }
}

SweepWindow::~SweepWindow() = default;

void SweepWindow::buildForm()
{
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);

    auto* form = new QWidget;
    auto* column = new QVBoxLayout(form);
    column->setContentsMargins(0, 0, 0, 0);
    note_ = new QLabel;
    note_->setWordWrap(true);
    note_->hide();
    column->addWidget(note_);
    baseLabel_ = new QLabel;
    baseLabel_->setWordWrap(true);
    column->addWidget(baseLabel_);

    auto* fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    acrossKey_ = new QComboBox;
    acrossValues_ = new QLineEdit;
    upKey_ = new QComboBox;
    upValues_ = new QLineEdit;
    for (QLineEdit* values : {acrossValues_, upValues_}) {
        values->setPlaceholderText(tr("0,0.1,0.2 or 10:1000:5:log"));
        values->setToolTip(tr("A list of values (0,0.1,0.2), or a range LO:HI:COUNT in equal steps, with :log for "
                              "equal ratios."));
    }
    metric_ = new QComboBox;
    statistic_ = new QComboBox;
    for (const StatisticName& statistic : statisticNames()) {
        statistic_->addItem(QCoreApplication::translate("PhaseDiagram", statistic.name),
                            QString::fromLatin1(statistic.suffix.data(), static_cast<qsizetype>(statistic.suffix.size())));
    }
    generation_ = new QSpinBox;
    contour_ = new QLineEdit;
    contour_->setPlaceholderText(tr("none"));
    // Names for tests and accessibility tools.
    acrossKey_->setObjectName(QStringLiteral("acrossKey"));
    acrossValues_->setObjectName(QStringLiteral("acrossValues"));
    upKey_->setObjectName(QStringLiteral("upKey"));
    upValues_->setObjectName(QStringLiteral("upValues"));
    metric_->setObjectName(QStringLiteral("metric"));
    statistic_->setObjectName(QStringLiteral("statistic"));
    generation_->setObjectName(QStringLiteral("generation"));
    contour_->setObjectName(QStringLiteral("boundary"));
    contour_->setToolTip(tr("Draws the line where the value crosses this number: the collapse boundary."));
    fields->addRow(tr("Across:"), acrossKey_);
    fields->addRow(tr("values:"), acrossValues_);
    fields->addRow(tr("Up:"), upKey_);
    fields->addRow(tr("values:"), upValues_);
    fields->addRow(tr("Metric:"), metric_);
    fields->addRow(tr("Statistic:"), statistic_);
    fields->addRow(tr("At generation:"), generation_);
    fields->addRow(tr("Boundary at:"), contour_);
    column->addLayout(fields);

    auto* buttons = new QHBoxLayout;
    run_ = new QPushButton(tr("Run Sweep"));
    run_->setDefault(true);
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setEnabled(false);
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    column->addLayout(buttons);
    progress_ = new QProgressBar;
    progress_->setTextVisible(true);
    progress_->setFormat(tr("no cells run yet"));
    progress_->setValue(0);
    column->addWidget(progress_);
    problem_ = new QLabel;
    problem_->setWordWrap(true);
    problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(problem_);
    hovered_ = new QLabel;
    hovered_->setWordWrap(true);
    column->addWidget(hovered_);
    column->addStretch(1);

    // The form scrolls rather than squeezing on a small screen; the diagram takes the rest.
    auto* scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll_ = scroll;
    layout->addWidget(scroll);
    view_ = new PhaseDiagramView;
    layout->addWidget(view_, 1);
    setCentralWidget(central);

    connect(run_, &QPushButton::clicked, this, &SweepWindow::runSweep);
    connect(cancel_, &QPushButton::clicked, this, &SweepWindow::cancelSweep);
    connect(acrossKey_, &QComboBox::activated, this, [this] {
        acrossValues_->setText(defaultValues(acrossKey_->currentText().toStdString(), base_));
    });
    connect(upKey_, &QComboBox::activated, this, [this] {
        upValues_->setEnabled(upKey_->currentIndex() > 0);
        upValues_->setText(upKey_->currentIndex() > 0 ? defaultValues(upKey_->currentText().toStdString(), base_) : QString());
    });
    for (QComboBox* choice : {metric_, statistic_}) {
        connect(choice, &QComboBox::activated, this, &SweepWindow::redrawDiagram);
    }
    for (QComboBox* choice : {acrossKey_, upKey_, metric_, statistic_}) {
        choice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    }
    connect(contour_, &QLineEdit::editingFinished, this, &SweepWindow::redrawDiagram);
    connect(view_, &PhaseDiagramView::cellHovered, hovered_, &QLabel::setText);
    connect(view_, &PhaseDiagramView::cellClicked, this, [this](std::size_t cell) {
        if (plan_) {
            emit cellOpened(plan_->cellScenario(cell));
        }
    });
}

void SweepWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Sweep…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Sweep"), Settings::exportFolder(), tr("Sweeps (*.json)"));
        if (!path.isEmpty()) {
            openSweepFile(path);
        }
    });
    // Each save asks for a file, then writes it; a failure is shown and nothing is left behind.
    using Save = bool (SweepWindow::*)(const QString&, QString*) const;
    const auto addSave = [&](const QString& text, const QKeySequence& keys, const QString& title, const QString& name,
                             const QString& filter, Save save) {
        file->addAction(text, keys, this, [this, title, name, filter, save] {
            const QString path = QFileDialog::getSaveFileName(this, title, Settings::exportFolder() + "/" + name, filter);
            QString error;
            if (!path.isEmpty() && !(this->*save)(path, &error)) {
                QMessageBox::warning(this, title, error);
            }
        });
    };
    addSave(tr("&Save Sweep…"), QKeySequence::Save, tr("Save Sweep"), QStringLiteral("sweep.json"), tr("Sweeps (*.json)"),
            &SweepWindow::saveSweepFile);
    file->addSeparator();
    addSave(tr("Export &Figure…"), QKeySequence(tr("Ctrl+E")), tr("Export Figure"), QStringLiteral("phase.pdf"),
            tr("Figures (*.pdf *.svg *.png)"), &SweepWindow::exportFigure);
    addSave(tr("Export &Data…"), QKeySequence(tr("Ctrl+Shift+D")), tr("Export Data"), QStringLiteral("sweep.csv"),
            tr("CSV files (*.csv)"), &SweepWindow::exportData);
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    fullScreen_ = view->addAction(tr("&Full Screen"), QKeySequence::FullScreen, this, &SweepWindow::setFullScreen);
    fullScreen_->setCheckable(true);
}

void SweepWindow::useScenario(const Scenario& base)
{
    cancelSweep();
    base_ = base;
    note_->hide();
    fillKeyChoices();
    fillMetricChoices();
    const auto choose = [&](QComboBox* box, QLineEdit* values, const QString& key, int fallback) {
        const int index = box->findText(key);
        box->setCurrentIndex(index >= 0 ? index : fallback);
        values->setEnabled(box->currentIndex() >= 0 && !(box == upKey_ && box->currentIndex() == 0));
        values->setText(values->isEnabled() ? defaultValues(box->currentText().toStdString(), base_) : QString());
    };
    choose(acrossKey_, acrossValues_, QStringLiteral("samples"), 0);
    choose(upKey_, upValues_, QStringLiteral("human_fraction"), 0);
    generation_->setRange(0, base_.generations - 1);
    generation_->setValue(base_.generations - 1);
    atLast_ = true;
    contour_->clear();
    plan_.reset();
    cellRows_.clear();
    finished_ = 0;
    diagram_.reset();
    view_->setDiagram(nullptr);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setFormat(tr("no cells run yet"));
    showProblem({});
    fitFormWidth();
}

void SweepWindow::fillKeyChoices()
{
    const QStringList keys = sweepableKeys(base_);
    acrossKey_->clear();
    acrossKey_->addItems(keys);
    upKey_->clear();
    upKey_->addItem(tr("(none: one key)"));
    upKey_->addItems(keys);
    baseLabel_->setText(tr("Each cell runs: %1").arg(describe(base_)));
}

void SweepWindow::fillMetricChoices()
{
    metric_->clear();
    for (const MetricDescriptor* metric : base_.model().metrics) {
        metric_->addItem(QCoreApplication::translate("Metrics", std::string(metric->title).c_str()), fromStd(std::string(metric->name)));
    }
    if (const MetricDescriptor* headline = base_.model().roles.headline) {
        metric_->setCurrentIndex(std::max(0, metric_->findData(fromStd(std::string(headline->name)))));
    }
}

void SweepWindow::loadPreset(const std::string& name)
{
    const Preset& preset = presetNamed(name);
    if (!preset.sweep) {
        return;
    }
    const Scenario base = scenarioFromJson(preset.entries.front().object);
    showSweep(makeSweepPlan(base, parseSweepAxes(preset.sweep->vary), preset.sweep->at), preset.sweep->metric,
              preset.sweep->contour);
    note_->setText(QStringLiteral("<b>%1.</b> %2").arg(presetTitle(preset).toHtmlEscaped(), presetSummary(preset).toHtmlEscaped()));
    note_->show();
}

void SweepWindow::showSweep(const SweepPlan& plan, const std::string& metric, std::optional<double> contour,
                            std::vector<std::string> cellRows)
{
    useScenario(plan.base);
    acrossKey_->setCurrentIndex(acrossKey_->findText(fromStd(plan.axes[0].key)));
    acrossValues_->setText(fromStd(plan.axes[0].spec));
    upKey_->setCurrentIndex(plan.axes.size() > 1 ? upKey_->findText(fromStd(plan.axes[1].key)) : 0);
    upValues_->setEnabled(plan.axes.size() > 1);
    upValues_->setText(plan.axes.size() > 1 ? fromStd(plan.axes[1].spec) : QString());
    generation_->setValue(plan.cellGenerations(0).back());
    atLast_ = plan.at.empty();
    // The metric: a column (std_median) or a metric's name (its median).
    for (const StatisticName& statistic : statisticNames()) {
        const std::string suffix(statistic.suffix);
        if (metric.size() > suffix.size() && metric.ends_with(suffix)) {
            metric_->setCurrentIndex(std::max(0, metric_->findData(fromStd(metric.substr(0, metric.size() - suffix.size())))));
            statistic_->setCurrentIndex(statistic_->findData(fromStd(suffix)));
        }
    }
    if (const int index = metric_->findData(fromStd(metric)); index >= 0) {
        metric_->setCurrentIndex(index);
    }
    contour_->setText(contour ? QString::number(*contour) : QString());
    fitFormWidth();
    if (cellRows.size() == plan.cellCount()) {
        plan_ = plan;
        cellRows_ = std::move(cellRows);
        finished_ = cellRows_.size();
        progress_->setRange(0, static_cast<int>(finished_));
        progress_->setValue(static_cast<int>(finished_));
        progress_->setFormat(tr("%1 of %2 cells").arg(finished_).arg(finished_));
        redrawDiagram();
        return;
    }
    runSweep();
}

bool SweepWindow::openSweepFile(const QString& path, QString* error)
{
    QString message;
    const bool opened = succeeds(&message, [&] {
        const std::filesystem::path file = path.toStdString();
        const SweepPlan plan = parseSweepPlan(readWholeFile(file, kLargestSweepFile, "a sweep file"), file.string());
        std::vector<std::string> rows;
        // A sweep's own folder: its results come along when it finished.
        if (file.filename() == "sweep.json" && std::filesystem::exists(file.parent_path() / "sweep.csv")) {
            rows = readSweepCells(SweepFolder::open(file.parent_path()));
        }
        const std::string metric = plan.base.model().roles.headline != nullptr ? std::string(plan.base.model().roles.headline->name) : "";
        showSweep(plan, metric, std::nullopt, std::move(rows));
    });
    if (!opened) {
        message = tr("The sweep was not opened:\n%1").arg(message);
        if (error != nullptr) {
            *error = message;
        } else {
            QMessageBox::warning(this, tr("Open Sweep"), message);
        }
    }
    return opened;
}

bool SweepWindow::saveSweepFile(const QString& path, QString* error) const
{
    return succeeds(error, [&] {
        if (!plan_) {
            throw std::runtime_error(tr("there is no sweep to save yet: run one first").toStdString());
        }
        writeUserFile(path.toStdString(), serializeSweepPlan(*plan_));
    });
}

bool SweepWindow::exportFigure(const QString& path, QString* error) const
{
    return succeeds(error, [&] {
        if (!diagram_) {
            throw std::runtime_error(tr("there is no phase diagram yet: run a sweep first").toStdString());
        }
        writePaintedFigure(path, QSize(1280, 720), 150, [this](QPainter& painter, const QSizeF& size) {
            diagram_->render(painter, QRectF(QPointF(0, 0), size), true);
        });
    });
}

bool SweepWindow::exportData(const QString& path, QString* error) const
{
    return succeeds(error, [&] {
        if (!plan_ || finished_ < cellRows_.size() || cellRows_.empty()) {
            throw std::runtime_error(
                tr("the sweep has not finished: %1 of %2 cells are done").arg(finished_).arg(cellRows_.size()).toStdString());
        }
        std::string csv = sweepCsvHeader(*plan_);
        for (const std::string& rows : cellRows_) {
            csv += rows;
        }
        writeUserFile(path.toStdString(), std::move(csv));
    });
}

bool SweepWindow::runSweep()
{
    try {
        std::vector<SweepAxis> axes{parseSweepAxis(acrossKey_->currentText().toStdString() + "=" + acrossValues_->text().toStdString())};
        if (upKey_->currentIndex() > 0) {
            axes.push_back(parseSweepAxis(upKey_->currentText().toStdString() + "=" + upValues_->text().toStdString()));
        }
        if (!contour_->text().trimmed().isEmpty() && !chosenContour()) {
            throw ScenarioError(tr("the boundary must be a number, not \"%1\"").arg(contour_->text()).toStdString());
        }
        // The last generation is "last", as the command line's default, so that the same sweep saved here
        // and run there is the same sweep.json.
        const int generation = generation_->value();
        const bool last = atLast_ && generation == base_.generations - 1;
        SweepPlan plan = makeSweepPlan(base_, std::move(axes), last ? std::vector<int>{} : std::vector<int>{generation});
        // Cells run one to a thread: as many at once as there are threads.
        for (std::size_t cell = 0; cell < plan.cellCount(); ++cell) {
            checkFitsInMemory(plan.cellScenario(cell), RunKeeping::Summary, QThread::idealThreadCount());
        }
        plan_ = std::move(plan);
    } catch (const std::exception& failure) {
        showProblem(QString::fromUtf8(failure.what()));
        return false;
    }
    showProblem({});
    cellRows_.assign(plan_->cellCount(), std::string());
    finished_ = 0;
    progress_->setRange(0, static_cast<int>(cellRows_.size()));
    progress_->setValue(0);
    progress_->setFormat(tr("0 of %1 cells").arg(cellRows_.size()));
    redrawDiagram();
    request_ = worker_->restart(*plan_, shardCells(*plan_, {}));
    setRunning(true);
    return true;
}

void SweepWindow::cancelSweep()
{
    if (running_) {
        worker_->stop();
        ++request_;  // what the cancelled sweep still sends is dropped
        setRunning(false);
        progress_->setFormat(tr("cancelled: %1 of %2 cells").arg(finished_).arg(cellRows_.size()));
    }
}

void SweepWindow::setRunning(bool running)
{
    running_ = running;
    run_->setEnabled(!running);
    cancel_->setEnabled(running);
    for (QWidget* field : std::initializer_list<QWidget*>{acrossKey_, acrossValues_, upKey_, generation_}) {
        field->setEnabled(!running);
    }
    upValues_->setEnabled(!running && upKey_->currentIndex() > 0);
}

std::string SweepWindow::chosenColumn() const
{
    return metric_->currentData().toString().toStdString() + statistic_->currentData().toString().toStdString();
}

std::optional<double> SweepWindow::chosenContour() const
{
    bool ok = false;
    const double value = contour_->text().trimmed().toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional(value) : std::nullopt;
}

void SweepWindow::redrawDiagram()
{
    if (!plan_) {
        return;
    }
    try {
        diagram_ = std::make_unique<PhaseDiagram>(sweepGrid(*plan_, cellRows_, chosenColumn(), plan_->cellGenerations(0).back()),
                                                  chosenContour());
        view_->setDiagram(diagram_.get());
    } catch (const std::exception& failure) {
        showProblem(QString::fromUtf8(failure.what()));
    }
}

void SweepWindow::showProblem(const QString& message)
{
    problem_->setText(message);
    problem_->setStyleSheet(QStringLiteral("color: %1").arg(colours::tailsText.name()));
}

QString SweepWindow::problem() const
{
    return problem_->text();
}

void SweepWindow::setFullScreen(bool on)
{
    fullScreen_->setChecked(on);
    setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
}

void SweepWindow::refreshStyle()
{
    showProblem(problem_->text());
    fitFormWidth();
    view_->update();
}

void SweepWindow::fitFormWidth()
{
    // As wide as its widest choice needs (presenter type included), but never more than half the window.
    if (formScroll_ == nullptr) {
        return;
    }
    formScroll_->widget()->adjustSize();
    const int needed = formScroll_->widget()->sizeHint().width() + formScroll_->verticalScrollBar()->sizeHint().width();
    formScroll_->setFixedWidth(std::clamp(needed, 260, std::max(260, width() / 2)));
}

void SweepWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    fitFormWidth();
}

} // namespace collapse::ui
