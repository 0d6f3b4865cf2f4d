#include "main_window.h"

#include "export_dialog.h"
#include "figure_renderer.h"
#include "help_dialogs.h"
#include "metric_chart.h"
#include "narration.h"
#include "output_files.h"
#include "parameter_change.h"
#include "parameter_panel.h"
#include "results.h"
#include "settings.h"
#include "simulation_worker.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace collapse::ui {

namespace {
// While generations stream in, one chart is redrawn per tick, in turn, so that the UI thread never
// spends more than one chart's drawing at a time; the stage is redrawn every frame.
constexpr int kChartRefreshMs = 70;
constexpr int kPanelWidth = 420;
// Presenter mode's type, relative to the window's.
constexpr double kPresenterTypeScale = 1.3;

// A preset's title and two sentences in the user's language (app/CMakeLists.txt lists them for lupdate).
QString presetTitle(const Preset& preset)
{
    return QCoreApplication::translate("Presets", preset.title.c_str());
}

QString presetSummary(const Preset& preset)
{
    return QCoreApplication::translate("Presets", preset.summary.c_str());
}

// `edited` differs from `before` in some keys: the same keys set on `other` (the second side of a
// comparison keeps what makes it different, and follows every shared change).
Scenario withSameChanges(const Scenario& before, const Scenario& edited, const Scenario& other)
{
    const nlohmann::ordered_json from = scenarioToJson(before);
    const nlohmann::ordered_json to = scenarioToJson(edited);
    nlohmann::json result = nlohmann::json::parse(scenarioToJson(other).dump());
    for (const auto& [key, value] : to.items()) {
        if (!from.contains(key) || from[key] != value) {
            result[key] = value;
        }
    }
    return scenarioFromJson(result);
}
} // namespace

MainWindow::MainWindow(const Scenario& initial, QWidget* parent)
    : QMainWindow(parent), panel_(new ParameterPanel), panelScroll_(new QScrollArea),
      splitter_(new QSplitter(Qt::Horizontal)), stageRow_(new QHBoxLayout), presetNote_(new QLabel),
      narration_(new QLabel), chartGrid_(new QGridLayout), transport_(new TransportBar), status_(new QLabel),
      undo_(new QUndoStack(this))
{
    setWindowTitle(tr("Collapse Lab"));
    setAcceptDrops(true);

    panelScroll_->setWidget(panel_);
    panelScroll_->setWidgetResizable(true);
    panelScroll_->setFrameShape(QFrame::NoFrame);
    panelScroll_->setMinimumWidth(kPanelWidth);
    panelScroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* stageArea = new QWidget;
    stageLayout_ = new QVBoxLayout(stageArea);
    stageLayout_->setContentsMargins(0, 0, 0, 0);
    presetNote_->setWordWrap(true);
    presetNote_->setContentsMargins(12, 6, 12, 6);
    presetNote_->setTextFormat(Qt::RichText);
    presetNote_->setAccessibleName(tr("About this preset"));
    presetNote_->hide();
    stageLayout_->addWidget(presetNote_);
    stageLayout_->addLayout(stageRow_, 1);
    narration_->setWordWrap(true);
    narration_->setContentsMargins(12, 6, 12, 6);
    narration_->setAccessibleName(tr("What you are seeing"));
    stageLayout_->addWidget(narration_);

    auto* chartArea = new QWidget;
    chartArea->setLayout(chartGrid_);
    chartGrid_->setContentsMargins(0, 0, 0, 0);

    splitter_->addWidget(panelScroll_);
    splitter_->addWidget(stageArea);
    splitter_->addWidget(chartArea);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 3);
    splitter_->setStretchFactor(2, 2);
    splitter_->setChildrenCollapsible(false);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(splitter_, 1);
    layout->addWidget(transport_);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(status_, 1);

    restartTimer_.setSingleShot(true);
    restartTimer_.setInterval(kRestartDelayMs);
    connect(&restartTimer_, &QTimer::timeout, this, &MainWindow::restartNow);
    chartTimer_.setSingleShot(true);
    chartTimer_.setInterval(kChartRefreshMs);
    connect(&chartTimer_, &QTimer::timeout, this, &MainWindow::refreshNextChart);
    playTimer_.setTimerType(Qt::PreciseTimer);
    connect(&playTimer_, &QTimer::timeout, this, &MainWindow::tick);
    controlsTimer_.setSingleShot(true);
    controlsTimer_.setInterval(kControlsHideMs);
    connect(&controlsTimer_, &QTimer::timeout, this, [this] {
        if (presenting_) {
            transport_->hide();
            setCursor(Qt::BlankCursor);
        }
    });

    connect(panel_, &ParameterPanel::scenarioChanged, this, &MainWindow::onPanelEdited);
    connect(transport_, &TransportBar::playToggled, this, &MainWindow::togglePlay);
    connect(transport_, &TransportBar::resetRequested, this, [this] { showGeneration(0); });
    connect(transport_, &TransportBar::stepBackRequested, this, [this] { step(-1); });
    connect(transport_, &TransportBar::stepForwardRequested, this, [this] { step(+1); });
    connect(transport_, &TransportBar::scrubbed, this, [this](int generation) {
        setPlaying(false);
        showGeneration(generation);
    });
    connect(transport_, &TransportBar::speedChanged, this, [this](TransportBar::Speed speed) {
        playTimer_.setInterval(1000 / TransportBar::generationsPerSecond(speed));
        Settings::setPlaybackSpeed(static_cast<int>(speed));
    });
    transport_->setSpeed(static_cast<TransportBar::Speed>(std::clamp(Settings::playbackSpeed(), 0, 2)));
    playTimer_.setInterval(1000 / TransportBar::generationsPerSecond(transport_->speed()));

    applyTheme(static_cast<Theme>(std::clamp(Settings::theme(), 0, 2)));
    updateNarrationStyle();
    buildMenus();
    qApp->installEventFilter(this);

    resize(1600, 950);
    restoreGeometry(Settings::windowGeometry());
    restoreState(Settings::windowState());
    splitter_->setSizes({kPanelWidth, 900, 600});
    splitter_->restoreState(Settings::splitterState());

    setSides({{std::string(), initial}});
    setPlaying(true);
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Scenario…"), QKeySequence::Open, this, &MainWindow::openScenarioDialog);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addAction(tr("&Save Scenario…"), QKeySequence::Save, this, &MainWindow::saveScenarioDialog);
    file->addSeparator();
    file->addAction(tr("Export &Figure…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportFigure);
    file->addAction(tr("Export &Animation…"), QKeySequence(tr("Ctrl+Shift+E")), this, &MainWindow::exportAnimation);
    file->addAction(tr("Export &Data…"), QKeySequence(tr("Ctrl+Shift+D")), this, &MainWindow::exportData);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = undo_->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence(tr("Ctrl+Z")));
    QAction* redo = undo_->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* presets = menuBar()->addMenu(tr("&Presets"));
    int number = 0;
    for (const Preset& preset : builtinPresets()) {
        QAction* action = presets->addAction(presetTitle(preset));
        action->setToolTip(presetSummary(preset));
        if (++number <= 9) {
            action->setShortcut(QKeySequence(tr("Ctrl+%1").arg(number)));
        }
        const std::string name = preset.name;
        connect(action, &QAction::triggered, this, [this, name] { loadPreset(name); });
    }
    presets->setToolTipsVisible(true);

    QMenu* playback = menuBar()->addMenu(tr("P&layback"));
    const auto addPlayback = [this, playback](const QString& text, const QKeySequence& key, auto slot) {
        QAction* action = playback->addAction(text, this, slot);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
    };
    addPlayback(tr("Play or Pause"), QKeySequence(Qt::Key_Space), [this] { togglePlay(); });
    addPlayback(tr("One Generation Back"), QKeySequence(Qt::Key_Left), [this] { step(-1); });
    addPlayback(tr("One Generation Forward"), QKeySequence(Qt::Key_Right), [this] { step(+1); });
    addPlayback(tr("Back to Generation 0"), QKeySequence(Qt::Key_Home), [this] { showGeneration(0); });
    addPlayback(tr("Last Generation"), QKeySequence(Qt::Key_End), [this] {
        setPlaying(false);
        showGeneration(availableGenerations() - 1);
    });
    addPlayback(tr("Slower"), QKeySequence(Qt::Key_BracketLeft), [this] {
        transport_->setSpeed(static_cast<TransportBar::Speed>(std::max(0, static_cast<int>(transport_->speed()) - 1)));
    });
    addPlayback(tr("Faster"), QKeySequence(Qt::Key_BracketRight), [this] {
        transport_->setSpeed(static_cast<TransportBar::Speed>(std::min(2, static_cast<int>(transport_->speed()) + 1)));
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    presenterAction_ = view->addAction(tr("&Presenter Mode"), this, [this](bool on) { setPresenterMode(on); });
    presenterAction_->setCheckable(true);
    presenterAction_->setShortcut(QKeySequence(Qt::Key_F11));
    leavePresenterAction_ = view->addAction(tr("Leave Presenter Mode"), this, [this] { setPresenterMode(false); });
    leavePresenterAction_->setShortcut(QKeySequence(Qt::Key_Escape));
    leavePresenterAction_->setEnabled(false);
    screenMenu_ = view->addMenu(tr("Presenter &Screen"));
    connect(screenMenu_, &QMenu::aboutToShow, this, [this] {
        screenMenu_->clear();
        qDeleteAll(screenMenu_->findChildren<QActionGroup*>());
        auto* group = new QActionGroup(screenMenu_);
        const QString chosen = Settings::presenterScreen();
        for (QScreen* screen : QGuiApplication::screens()) {
            QAction* action = screenMenu_->addAction(
                tr("%1 (%2×%3)").arg(screen->name()).arg(screen->size().width()).arg(screen->size().height()));
            action->setCheckable(true);
            action->setChecked(screen->name() == chosen || (chosen.isEmpty() && screen == this->screen()));
            group->addAction(action);
            const QString name = screen->name();
            connect(action, &QAction::triggered, this, [name] { Settings::setPresenterScreen(name); });
        }
    });
    view->addSeparator();
    themeGroup_ = new QActionGroup(this);
    const struct {
        QString text;
        Theme theme;
        QKeySequence key;
    } themes[] = {{tr("&Light Theme"), Theme::Light, QKeySequence(tr("Ctrl+Shift+L"))},
                  {tr("&Dark Theme"), Theme::Dark, QKeySequence(tr("Ctrl+Shift+K"))},
                  {tr("P&rojector Theme"), Theme::Projector, QKeySequence(tr("Ctrl+Shift+P"))}};
    for (const auto& [text, theme, key] : themes) {
        QAction* action = view->addAction(text, this, [this, theme = theme] { setTheme(theme); });
        action->setCheckable(true);
        action->setChecked(theme == currentTheme());
        action->setShortcut(key);
        action->setData(static_cast<int>(theme));
        themeGroup_->addAction(action);
    }
    view->addSeparator();
    singleViewAction_ = view->addAction(tr("Show the &First Side Only"), this, [this] {
        if (sides_.size() > 1) {
            undo_->push(new ParameterChange(this, sideScenarios(), {{std::string(), sides_.front()->scenario}}));
        }
    });
    singleViewAction_->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("About &Model Collapse"), QKeySequence::HelpContents, this, [this] {
        ModelCollapseHelp(this).exec();
    });
    help->addAction(tr("&Keyboard Shortcuts"), QKeySequence(tr("Ctrl+/")), this, [this] {
        QList<QPair<QString, QAction*>> actions;
        for (QAction* menu : menuBar()->actions()) {
            for (QAction* action : menu->menu()->actions()) {
                if (!action->isSeparator() && action->menu() == nullptr) {
                    actions.append({menu->text(), action});
                }
            }
        }
        KeyboardShortcutsHelp(actions, this).exec();
    });
    help->addAction(tr("&About Collapse Lab"), QKeySequence(tr("Ctrl+Shift+F1")), this, [this] {
        QMessageBox::about(this, tr("About Collapse Lab"),
                           tr("<h3>Collapse Lab %1</h3><p>Watch generative models forget: each generation is "
                              "trained on data made by the one before.</p><p>Shumailov et al., \"AI models "
                              "collapse when trained on recursively generated data\", Nature 631 (2024).</p>")
                               .arg(QApplication::applicationVersion()));
    });
    // Shortcuts work in presenter mode too, with the menu bar hidden.
    for (QAction* menu : menuBar()->actions()) {
        addActions(menu->menu()->actions());
    }
}

void MainWindow::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QStringList files = Settings::recentScenarioFiles();
    for (const QString& path : files) {
        recentMenu_->addAction(QDir::toNativeSeparators(path), this, [this, path] { openScenarioFile(path); });
    }
    if (files.isEmpty()) {
        recentMenu_->addAction(tr("No scenario files yet"))->setEnabled(false);
    }
}

// ---- Scenarios, presets and files ----------------------------------------------------------------

void MainWindow::loadScenario(const Scenario& scenario)
{
    loadScenarios({{std::string(), scenario}});
}

void MainWindow::loadScenarios(const std::vector<LabelledScenario>& scenarios)
{
    presetNote_->hide();
    setSides(scenarios);
    undo_->clear();
}

void MainWindow::loadPreset(const std::string& name)
{
    const Preset& preset = presetNamed(name);
    ScenarioRequest request;
    request.preset = name;
    loadScenarios(resolveScenarios(request));
    presetNote_->setText(QStringLiteral("<b>%1.</b> %2")
                             .arg(presetTitle(preset).toHtmlEscaped(), presetSummary(preset).toHtmlEscaped()));
    presetNote_->show();
}

bool MainWindow::openScenarioFile(const QString& path, QString* error)
{
    try {
        ScenarioRequest request;
        request.file = std::filesystem::path(path.toStdString());
        loadScenarios(resolveScenarios(request));
        Settings::addRecentScenarioFile(QFileInfo(path).absoluteFilePath());
        statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 10000);
        return true;
    } catch (const ScenarioError& failure) {
        const QString message = QString::fromStdString(failure.what());
        if (error != nullptr) {
            *error = message;
        } else {
            QMessageBox::warning(this, tr("Open Scenario"), tr("The scenario was not opened:\n%1").arg(message));
        }
        return false;
    }
}

bool MainWindow::saveScenarioFile(const QString& path, QString* error)
{
    std::vector<LabelledScenario> scenarios;
    for (const auto& side : sides_) {
        scenarios.push_back({side->label.toStdString(), side->scenario});
    }
    QSaveFile file(path);
    const QByteArray text = QByteArray::fromStdString(serializeScenarios(scenarios));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        const QString message = tr("cannot write %1: %2").arg(path, file.errorString());
        if (error != nullptr) {
            *error = message;
        } else {
            QMessageBox::warning(this, tr("Save Scenario"), message);
        }
        return false;
    }
    Settings::addRecentScenarioFile(QFileInfo(path).absoluteFilePath());
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 10000);
    return true;
}

void MainWindow::openScenarioDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), Settings::exportFolder(),
                                                      tr("Scenario files (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        openScenarioFile(path);
    }
}

void MainWindow::saveScenarioDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Scenario"),
                                                      QDir(Settings::exportFolder()).filePath(QStringLiteral("scenario.json")),
                                                      tr("Scenario files (*.json)"));
    if (!path.isEmpty()) {
        saveScenarioFile(path);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) {
        event->acceptProposedAction();
        openScenarioFile(urls.front().toLocalFile());
    }
}

// ---- Sides, parameters and undo ------------------------------------------------------------------

void MainWindow::setSides(const std::vector<LabelledScenario>& scenarios)
{
    while (sides_.size() > scenarios.size()) {
        // The stage is a child of its column but owned by the side: it goes first.
        sides_.back()->stage.reset();
        delete sides_.back()->column;
        delete sides_.back()->worker;
        sides_.pop_back();
    }
    while (sides_.size() < scenarios.size()) {
        auto side = std::make_unique<Side>();
        const std::size_t index = sides_.size();
        const quint64 serial = side->serial = ++nextSideSerial_;
        side->worker = new SimulationWorker(this);
        connect(side->worker, &SimulationWorker::runStarted, this, [=, this](quint64 request, const QStringList& columns) {
            if (Side* current = sideFor(index, serial, request)) {
                onRunStarted(*current, columns);
            }
        });
        connect(side->worker, &SimulationWorker::generationReady, this,
                [=, this](quint64 request, const SnapshotPointer& snapshot) {
                    if (Side* current = sideFor(index, serial, request)) {
                        onGenerationReady(*current, snapshot);
                    }
                });
        connect(side->worker, &SimulationWorker::runFinished, this, [=, this](quint64 request) {
            if (Side* current = sideFor(index, serial, request)) {
                onRunFinished(*current);
            }
        });
        connect(side->worker, &SimulationWorker::runFailed, this, [=, this](quint64 request, const QString& message) {
            if (sideFor(index, serial, request) != nullptr) {
                onRunFailed(message);
            }
        });
        side->column = new QWidget;
        auto* columnLayout = new QVBoxLayout(side->column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        side->caption = new QLabel;
        side->caption->setAlignment(Qt::AlignCenter);
        side->caption->setFont(scaledFont(sizes::headingPoint + 2, true));
        columnLayout->addWidget(side->caption);
        stageRow_->addWidget(side->column, 1);
        sides_.push_back(std::move(side));
    }
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        sides_[i]->label = QString::fromStdString(scenarios[i].label);
        sides_[i]->scenario = scenarios[i].scenario;
        sides_[i]->caption->setText(sides_[i]->label);
        sides_[i]->caption->setVisible(scenarios.size() > 1);
    }
    singleViewAction_->setEnabled(sides_.size() > 1);
    panel_->setScenario(sides_.front()->scenario);
    restartNow();
}

std::vector<LabelledScenario> MainWindow::sideScenarios() const
{
    std::vector<LabelledScenario> scenarios;
    for (const auto& side : sides_) {
        scenarios.push_back({side->label.toStdString(), side->scenario});
    }
    return scenarios;
}

void MainWindow::onPanelEdited(const Scenario& edited)
{
    std::vector<LabelledScenario> after = sideScenarios();
    const Scenario before = after.front().scenario;
    after.front().scenario = edited;
    for (std::size_t i = 1; i < after.size(); ++i) {
        try {
            after[i].scenario = withSameChanges(before, edited, after[i].scenario);
        } catch (const ScenarioError&) {
            // Another model than the other side's: the sides can no longer be compared.
            after.resize(1);
            after.front().label.clear();
        }
    }
    presetNote_->hide();
    undo_->push(new ParameterChange(this, sideScenarios(), after));
}

void MainWindow::applySideScenarios(const std::vector<LabelledScenario>& scenarios, bool showInPanel)
{
    if (scenarios.size() != sides_.size()) {
        setSides(scenarios);
        return;
    }
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        sides_[i]->scenario = scenarios[i].scenario;
    }
    if (showInPanel) {
        panel_->setScenario(scenarios.front().scenario);
    }
    restartTimer_.start();
}

// ---- Running ---------------------------------------------------------------------------------------

void MainWindow::restartNow()
{
    restartTimer_.stop();
    for (const auto& side : sides_) {
        side->request = side->worker->restart(side->scenario);
        side->history.reset(side->scenario, QStringList());
        side->complete = false;
    }
    runComplete_ = false;
    runFailed_ = false;
    runClock_.start();
    shown_ = -1;
    rebuildViews();
    Settings::setLastScenario(QString::fromStdString(serializeScenario(sides_.front()->scenario)));
    transport_->showPosition(0, 0, sides_.front()->scenario.generations);
    updateStatus();
    emit runRestarted();
}

void MainWindow::rebuildViews(bool fresh)
{
    for (const auto& side : sides_) {
        const StageKind kind = stageKindFor(side->scenario);
        if (fresh || !side->stage || kind != side->stageKind) {
            side->stage = makeStageView(kind);
            side->stageKind = kind;
            side->column->layout()->addWidget(side->stage.get());
            static_cast<QVBoxLayout*>(side->column->layout())->setStretchFactor(side->stage.get(), 1);
        }
        side->stage->setScenario(side->scenario);
        if (shown_ >= 0 && shown_ < side->history.size()) {
            side->stage->showGeneration(side->history, shown_);
        }
    }

    const Scenario& first = sides_.front()->scenario;
    const auto metrics = chartedMetrics(first);
    if (fresh || charts_.isEmpty() || chartedModel_ != first.model) {
        qDeleteAll(charts_);
        charts_.clear();
        for (int i = 0; i < metrics.size(); ++i) {
            auto* chart = new MetricChart(metrics[i].column, metrics[i].title);
            chartGrid_->addWidget(chart, i, 0);
            charts_.append(chart);
        }
        chartedModel_ = first.model;
    }
    for (int i = 0; i < charts_.size(); ++i) {
        charts_[i]->resetRun(first.generations, metrics[i].reference);
        charts_[i]->setSideLabels(sides_.front()->label, sides_.size() > 1 ? sides_[1]->label : QString());
    }
    if (shown_ < 0) {
        narration_->setText(tr("Computing the first generation…"));
    } else {
        refreshCharts();
        showGeneration(shown_);
    }
}

int MainWindow::availableGenerations() const
{
    int available = std::numeric_limits<int>::max();
    for (const auto& side : sides_) {
        available = std::min(available, side->history.size());
    }
    return available;
}

MainWindow::Side* MainWindow::sideFor(std::size_t index, quint64 serial, quint64 request) const
{
    // Signals queued before a side was removed, or before its run was cancelled, are dropped.
    if (index >= sides_.size() || sides_[index]->serial != serial || sides_[index]->request != request) {
        return nullptr;
    }
    return sides_[index].get();
}

void MainWindow::onRunStarted(Side& side, const QStringList& columns)
{
    side.history.reset(side.scenario, columns);
}

void MainWindow::onGenerationReady(Side& side, const SnapshotPointer& snapshot)
{
    side.history.append(snapshot);
    if (shown_ < 0 && availableGenerations() > 0) {
        showGeneration(0);
    } else {
        transport_->showPosition(std::max(shown_, 0), availableGenerations(), sides_.front()->scenario.generations);
    }
    // Every chart is behind now: go round them all once more.
    chartsBehind_ = static_cast<int>(charts_.size());
    if (!chartTimer_.isActive()) {
        chartTimer_.start();
    }
    updateStatus();
}

void MainWindow::refreshNextChart()
{
    if (charts_.isEmpty() || chartsBehind_ <= 0) {
        return;
    }
    nextChart_ = (nextChart_ + 1) % static_cast<int>(charts_.size());
    charts_[nextChart_]->updateData(sides_.front()->history, sides_.size() > 1 ? &sides_[1]->history : nullptr);
    if (--chartsBehind_ > 0) {
        chartTimer_.start();
    }
}

void MainWindow::onRunFinished(Side& side)
{
    side.complete = true;
    if (std::all_of(sides_.begin(), sides_.end(), [](const auto& each) { return each->complete; })) {
        runComplete_ = true;
        runMilliseconds_ = runClock_.elapsed();
        updateStatus();
        emit runCompleted();
    }
}

void MainWindow::onRunFailed(const QString& message)
{
    runComplete_ = true;
    runFailed_ = true;
    setPlaying(false);
    status_->setText(tr("The run stopped: %1").arg(message));
}

// ---- Playback --------------------------------------------------------------------------------------

void MainWindow::goToGeneration(int generation)
{
    setPlaying(false);
    refreshCharts();
    showGeneration(generation);
}

void MainWindow::showGeneration(int generation)
{
    const int available = availableGenerations();
    if (available <= 0) {
        return;
    }
    shown_ = std::clamp(generation, 0, available - 1);
    QStringList lines;
    for (const auto& side : sides_) {
        side->stage->showGeneration(side->history, shown_);
        const QString text = narrate(classifyCollapse(side->scenario, evidenceAt(side->history, shown_)));
        lines.append(sides_.size() > 1 ? QStringLiteral("<b>%1:</b> %2").arg(side->label.toHtmlEscaped(), text.toHtmlEscaped())
                                       : text.toHtmlEscaped());
    }
    for (MetricChart* chart : charts_) {
        chart->setCurrentGeneration(shown_);
    }
    narration_->setText(lines.join(QStringLiteral("<br>")));
    transport_->showPosition(shown_, available, sides_.front()->scenario.generations);
    emit frameShown(shown_);
}

void MainWindow::setPlaying(bool playing)
{
    playing_ = playing;
    transport_->setPlaying(playing);
    if (playing) {
        playTimer_.start();
    } else {
        playTimer_.stop();
    }
}

void MainWindow::togglePlay()
{
    // Play at the end of a finished run starts again from generation 0.
    if (!playing_ && runComplete_ && shown_ == availableGenerations() - 1) {
        showGeneration(0);
    }
    setPlaying(!playing_);
}

void MainWindow::step(int delta)
{
    setPlaying(false);
    showGeneration(shown_ + delta);
}

void MainWindow::tick()
{
    if (shown_ + 1 < availableGenerations()) {
        showGeneration(shown_ + 1);
    } else if (runComplete_ && shown_ >= 0) {
        setPlaying(false);
    }
}

void MainWindow::refreshCharts()
{
    for (MetricChart* chart : charts_) {
        chart->updateData(sides_.front()->history, sides_.size() > 1 ? &sides_[1]->history : nullptr);
    }
}

void MainWindow::updateStatus()
{
    if (runFailed_) {
        return;  // the failure stays in view
    }
    if (runComplete_) {
        status_->setText(tr("%1 generations of %2 replicate(s) in %3 s")
                             .arg(availableGenerations())
                             .arg(sides_.front()->scenario.replicates)
                             .arg(static_cast<double>(runMilliseconds_) / 1000.0, 0, 'f', 1));
    } else {
        status_->setText(tr("Computing: %1 of %2 generations")
                             .arg(availableGenerations())
                             .arg(sides_.front()->scenario.generations));
    }
}

// ---- Presenter mode and themes -------------------------------------------------------------------

void MainWindow::setPresenterMode(bool on)
{
    if (on == presenting_) {
        return;
    }
    presenting_ = on;
    presenterAction_->setChecked(on);
    leavePresenterAction_->setEnabled(on);
    sizes::typeScale = on ? kPresenterTypeScale : 1.0;
    panelScroll_->setVisible(!on);
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    if (on) {
        geometryBeforePresenting_ = saveGeometry();
        QScreen* target = screen();
        for (QScreen* candidate : QGuiApplication::screens()) {
            if (candidate->name() == Settings::presenterScreen()) {
                target = candidate;
            }
        }
        setGeometry(target->geometry());
        showFullScreen();
        controlsTimer_.start();
    } else {
        showNormal();
        restoreGeometry(geometryBeforePresenting_);
        controlsTimer_.stop();
        showControls();
    }
    updateNarrationStyle();
    rebuildViews(true);
}

void MainWindow::showControls()
{
    transport_->show();
    unsetCursor();
    if (presenting_) {
        controlsTimer_.start();
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (presenting_ && (event->type() == QEvent::MouseMove || event->type() == QEvent::KeyPress)) {
        showControls();
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::setTheme(Theme theme)
{
    applyTheme(theme);
    Settings::setTheme(static_cast<int>(theme));
    for (QAction* action : themeGroup_->actions()) {
        action->setChecked(action->data().toInt() == static_cast<int>(theme));
    }
    updateNarrationStyle();
    transport_->refreshIcons();
    rebuildViews(true);
}

void MainWindow::updateNarrationStyle()
{
    narration_->setFont(scaledFont(sizes::narrationPoint));
    narration_->setMinimumHeight(narration_->fontMetrics().lineSpacing() * 2 + 12);
    // A tinted box with a coloured edge: blue for what is happening, orange for the preset's note.
    const auto boxStyle = [](const QColor& edge) {
        return QStringLiteral("background: %1; color: %2; border-left: 6px solid %3;")
            .arg(colours::panel.name(), colours::text.name(), edge.name());
    };
    narration_->setStyleSheet(boxStyle(colours::model));
    presetNote_->setFont(scaledFont(sizes::bodyPoint));
    presetNote_->setStyleSheet(boxStyle(colours::accent));
}

// ---- Export ----------------------------------------------------------------------------------------

std::optional<MainWindow::ExportRuns> MainWindow::runsToExport(const QString& title)
{
    if (availableGenerations() <= 0) {
        QMessageBox::information(this, title, tr("Nothing to export yet: the first generation is still being computed."));
        return std::nullopt;
    }
    setPlaying(false);
    ExportRuns runs;
    runs.histories.reserve(sides_.size());
    for (const auto& side : sides_) {
        runs.histories.push_back(side->history);
        runs.labelled.append({side->label, &runs.histories.back()});
    }
    return runs;
}

void MainWindow::exportFigure()
{
    const QString title = tr("Export Figure");
    const auto runs = runsToExport(title);
    if (!runs) {
        return;
    }
    ExportDialog dialog(ExportDialog::Kind::Figure, std::max(shown_, 0), availableGenerations(), sideCount(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    try {
        FigureRenderer renderer(runs->labelled, dialog.view());
        writeFigure(renderer, dialog.path(), dialog.figureOptions());
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(dialog.path())), 10000);
    } catch (const ExportError& error) {
        QMessageBox::warning(this, title, QString::fromStdString(error.what()));
    }
}

void MainWindow::exportAnimation()
{
    const QString title = tr("Export Animation");
    const auto runs = runsToExport(title);
    if (!runs) {
        return;
    }
    const int frames = availableGenerations();
    ExportDialog dialog(ExportDialog::Kind::Animation, std::max(shown_, 0), frames, sideCount(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QProgressDialog progress(tr("Rendering and encoding %1 generations…").arg(frames), tr("Cancel"), 0, frames, this);
    progress.setWindowTitle(title);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const ExportProgress report = [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        return !progress.wasCanceled();
    };
    try {
        FigureRenderer renderer(runs->labelled, dialog.view());
        const bool complete = dialog.framesToFolder()
                                  ? writeFrames(renderer, dialog.path(), dialog.animationOptions(), report)
                                  : writeAnimation(renderer, dialog.path(), dialog.animationOptions(), report);
        statusBar()->showMessage(complete ? tr("Saved %1").arg(QDir::toNativeSeparators(dialog.path()))
                                          : tr("Export cancelled; nothing was written"),
                                 10000);
    } catch (const ExportError& error) {
        progress.cancel();
        QMessageBox::warning(this, title, QString::fromStdString(error.what()));
    }
}

void MainWindow::exportData()
{
    const QString title = tr("Export Data");
    if (runFailed_) {
        QMessageBox::information(this, title, tr("The run stopped before its end: there is no complete data to export."));
        return;
    }
    if (!runComplete_) {
        QMessageBox::information(this, title, tr("The run is still being computed; export its data when it is done."));
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Folder for metrics.csv, summary.csv and scenario.json"), Settings::exportFolder());
    if (folder.isEmpty()) {
        return;
    }
    Settings::setExportFolder(folder);
    try {
        saveRunData(folder);
        statusBar()->showMessage(
            tr("Saved metrics.csv, summary.csv and scenario.json in %1").arg(QDir::toNativeSeparators(folder)), 10000);
    } catch (const std::exception& error) {
        QMessageBox::warning(this, title, QString::fromStdString(error.what()));
    }
}

void MainWindow::saveRunData(const QString& folder) const
{
    OutputFiles files;
    for (const auto& side : sides_) {
        const RunHistory& history = side->history;
        RunResults results;
        for (const QString& column : history.columns()) {
            results.columns.push_back(column.toStdString());
        }
        for (int generation = 0; generation < history.size(); ++generation) {
            results.generations.push_back(history.at(generation)->metrics);
        }
        const std::filesystem::path base(folder.toStdString());
        addRunFiles(files, sides_.size() > 1 ? base / side->label.toStdString() : base, results, history.scenario());
    }
    files.commit();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (presenting_) {
        setPresenterMode(false);
    }
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
    Settings::setSplitterState(splitter_->saveState());
    for (const auto& side : sides_) {
        side->worker->stop();
    }
    QMainWindow::closeEvent(event);
}

} // namespace collapse::ui
