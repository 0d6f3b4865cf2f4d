#include "ui/main_window.h"

#include "ui/export_actions.h"
#include "ui/help_dialogs.h"
#include "ui/metric_chart.h"
#include "ui/narration.h"
#include "ui/parameter_change.h"
#include "ui/parameter_panel.h"
#include "ui/playback.h"
#include "ui/settings.h"
#include "ui/stages/stage_registry.h"

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
    : QMainWindow(parent), runs_(new RunController(this)), playback_(new Playback(*runs_, this)),
      exports_(new ExportActions(this, *runs_, *playback_,
                                 [this](const QString& message) { statusBar()->showMessage(message, 10000); })),
      panel_(new ParameterPanel), panelScroll_(new QScrollArea),
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

    chartTimer_.setSingleShot(true);
    chartTimer_.setInterval(kChartRefreshMs);
    connect(&chartTimer_, &QTimer::timeout, this, &MainWindow::refreshNextChart);
    controlsTimer_.setSingleShot(true);
    controlsTimer_.setInterval(kControlsHideMs);
    connect(&controlsTimer_, &QTimer::timeout, this, [this] {
        if (presenting_) {
            transport_->hide();
            setCursor(Qt::BlankCursor);
        }
    });

    connect(panel_, &ParameterPanel::scenarioChanged, this, &MainWindow::onPanelEdited);
    connect(runs_, &RunController::sidesChanged, this, &MainWindow::onSidesChanged);
    connect(runs_, &RunController::restarted, this, &MainWindow::onRestarted);
    connect(runs_, &RunController::generationArrived, this, &MainWindow::onGenerationArrived);
    connect(runs_, &RunController::completed, this, [this] {
        updateStatus();
        emit runCompleted();
    });
    connect(runs_, &RunController::failed, this, [this](const QString& message) {
        playback_->setPlaying(false);
        status_->setText(tr("The run stopped: %1").arg(message));
    });
    connect(playback_, &Playback::shownChanged, this, &MainWindow::showGeneration);
    connect(playback_, &Playback::playingChanged, transport_, &TransportBar::setPlaying);
    connect(transport_, &TransportBar::playToggled, playback_, &Playback::togglePlay);
    connect(transport_, &TransportBar::resetRequested, playback_, [this] { playback_->show(0); });
    connect(transport_, &TransportBar::stepBackRequested, playback_, [this] { playback_->step(-1); });
    connect(transport_, &TransportBar::stepForwardRequested, playback_, [this] { playback_->step(+1); });
    connect(transport_, &TransportBar::scrubbed, playback_, &Playback::goTo);
    connect(transport_, &TransportBar::speedChanged, this, [this](TransportBar::Speed speed) {
        playback_->setGenerationsPerSecond(TransportBar::generationsPerSecond(speed));
        Settings::setPlaybackSpeed(static_cast<int>(speed));
    });
    transport_->setSpeed(static_cast<TransportBar::Speed>(std::clamp(Settings::playbackSpeed(), 0, 2)));
    playback_->setGenerationsPerSecond(TransportBar::generationsPerSecond(transport_->speed()));

    applyTheme(static_cast<Theme>(std::clamp(Settings::theme(), 0, 2)));
    updateNarrationStyle();
    buildMenus();
    qApp->installEventFilter(this);

    resize(1600, 950);
    restoreGeometry(Settings::windowGeometry());
    restoreState(Settings::windowState());
    splitter_->setSizes({kPanelWidth, 900, 600});
    splitter_->restoreState(Settings::splitterState());

    runs_->setSides({{std::string(), initial}});
    playback_->setPlaying(true);
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
    file->addAction(tr("Export &Figure…"), QKeySequence(tr("Ctrl+E")), exports_, &ExportActions::exportFigure);
    file->addAction(tr("Export &Animation…"), QKeySequence(tr("Ctrl+Shift+E")), exports_, &ExportActions::exportAnimation);
    file->addAction(tr("Export &Data…"), QKeySequence(tr("Ctrl+Shift+D")), exports_, &ExportActions::exportData);
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
    addPlayback(tr("Play or Pause"), QKeySequence(Qt::Key_Space), [this] { playback_->togglePlay(); });
    addPlayback(tr("One Generation Back"), QKeySequence(Qt::Key_Left), [this] { playback_->step(-1); });
    addPlayback(tr("One Generation Forward"), QKeySequence(Qt::Key_Right), [this] { playback_->step(+1); });
    addPlayback(tr("Back to Generation 0"), QKeySequence(Qt::Key_Home), [this] { playback_->show(0); });
    addPlayback(tr("Last Generation"), QKeySequence(Qt::Key_End),
                [this] { playback_->goTo(runs_->availableGenerations() - 1); });
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
        if (runs_->sideCount() > 1) {
            undo_->push(new ParameterChange(this, sideScenarios(), {{std::string(), runs_->side(0).scenario}}));
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
    runs_->setSides(scenarios);
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
    QSaveFile file(path);
    const QByteArray text = QByteArray::fromStdString(serializeScenarios(runs_->sideScenarios()));
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
    if (showInPanel && static_cast<int>(scenarios.size()) == runs_->sideCount()) {
        panel_->setScenario(scenarios.front().scenario);
    }
    runs_->changeScenarios(scenarios);
}

void MainWindow::onSidesChanged()
{
    while (static_cast<int>(views_.size()) > runs_->sideCount()) {
        // The stage is a child of its column but owned by the view: it goes first.
        views_.back()->stage.reset();
        delete views_.back()->column;
        views_.pop_back();
    }
    while (static_cast<int>(views_.size()) < runs_->sideCount()) {
        auto view = std::make_unique<SideView>();
        view->column = new QWidget;
        auto* columnLayout = new QVBoxLayout(view->column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        view->caption = new QLabel;
        view->caption->setAlignment(Qt::AlignCenter);
        view->caption->setFont(scaledFont(sizes::headingPoint + 2, true));
        columnLayout->addWidget(view->caption);
        stageRow_->addWidget(view->column, 1);
        views_.push_back(std::move(view));
    }
    for (int i = 0; i < runs_->sideCount(); ++i) {
        views_[static_cast<std::size_t>(i)]->caption->setText(runs_->side(i).label);
        views_[static_cast<std::size_t>(i)]->caption->setVisible(runs_->sideCount() > 1);
    }
    singleViewAction_->setEnabled(runs_->sideCount() > 1);
    panel_->setScenario(runs_->side(0).scenario);
}

// ---- Running ---------------------------------------------------------------------------------------

void MainWindow::onRestarted()
{
    playback_->clear();
    rebuildViews();
    Settings::setLastScenario(QString::fromStdString(serializeScenario(runs_->side(0).scenario)));
    transport_->showPosition(0, 0, runs_->side(0).scenario.generations);
    updateStatus();
    emit runRestarted();
}

void MainWindow::rebuildViews(bool fresh)
{
    for (int i = 0; i < runs_->sideCount(); ++i) {
        SideView& view = *views_[static_cast<std::size_t>(i)];
        const RunController::Side& side = runs_->side(i);
        const StageEntry& entry = stageEntryFor(side.scenario);
        const QString kind = QString::fromUtf8(entry.model.data(), static_cast<qsizetype>(entry.model.size())) +
                             QLatin1Char('/') + entry.kind(side.scenario);
        if (fresh || !view.stage || kind != view.stageKind) {
            view.stage = entry.make(side.scenario);
            view.stageKind = kind;
            view.column->layout()->addWidget(view.stage.get());
            static_cast<QVBoxLayout*>(view.column->layout())->setStretchFactor(view.stage.get(), 1);
        }
        view.stage->setScenario(side.scenario);
        const int shown = playback_->shown();
        if (shown >= 0 && shown < side.history.size()) {
            view.stage->showGeneration(side.history, shown);
        }
    }

    const Scenario& first = runs_->side(0).scenario;
    const auto metrics = stageEntryFor(first).charts(first);
    if (fresh || charts_.isEmpty() || chartedModel_ != &first.model()) {
        qDeleteAll(charts_);
        charts_.clear();
        for (int i = 0; i < metrics.size(); ++i) {
            auto* chart = new MetricChart(*metrics[i].metric);
            chartGrid_->addWidget(chart, i, 0);
            charts_.append(chart);
        }
        chartedModel_ = &first.model();
    }
    for (int i = 0; i < charts_.size(); ++i) {
        charts_[i]->resetRun(first.generations, metrics[i].reference);
        charts_[i]->setSideLabels(runs_->side(0).label, runs_->sideCount() > 1 ? runs_->side(1).label : QString());
    }
    if (playback_->shown() < 0) {
        narration_->setText(tr("Computing the first generation…"));
    } else {
        refreshCharts();
        showGeneration(playback_->shown());
    }
}

void MainWindow::onGenerationArrived()
{
    if (playback_->shown() < 0 && runs_->availableGenerations() > 0) {
        playback_->show(0);
    } else {
        transport_->showPosition(std::max(playback_->shown(), 0), runs_->availableGenerations(),
                                 runs_->side(0).scenario.generations);
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
    charts_[nextChart_]->updateData(runs_->side(0).history, runs_->sideCount() > 1 ? &runs_->side(1).history : nullptr);
    if (--chartsBehind_ > 0) {
        chartTimer_.start();
    }
}

// ---- Playback --------------------------------------------------------------------------------------

int MainWindow::shownGeneration() const
{
    return playback_->shown();
}

bool MainWindow::isPlaying() const
{
    return playback_->isPlaying();
}

void MainWindow::goToGeneration(int generation)
{
    playback_->setPlaying(false);
    refreshCharts();
    playback_->show(generation);
}

void MainWindow::showGeneration(int generation)
{
    const int available = runs_->availableGenerations();
    if (available <= 0 || generation < 0) {
        return;
    }
    QStringList lines;
    for (int i = 0; i < runs_->sideCount(); ++i) {
        const RunController::Side& side = runs_->side(i);
        views_[static_cast<std::size_t>(i)]->stage->showGeneration(side.history, generation);
        const QString text = narrate(classifyCollapse(side.scenario, evidenceAt(side.history, generation)));
        lines.append(runs_->sideCount() > 1
                         ? QStringLiteral("<b>%1:</b> %2").arg(side.label.toHtmlEscaped(), text.toHtmlEscaped())
                         : text.toHtmlEscaped());
    }
    for (MetricChart* chart : charts_) {
        chart->setCurrentGeneration(generation);
    }
    narration_->setText(lines.join(QStringLiteral("<br>")));
    transport_->showPosition(generation, available, runs_->side(0).scenario.generations);
    emit frameShown(generation);
}

void MainWindow::refreshCharts()
{
    for (MetricChart* chart : charts_) {
        chart->updateData(runs_->side(0).history, runs_->sideCount() > 1 ? &runs_->side(1).history : nullptr);
    }
}

void MainWindow::updateStatus()
{
    if (runs_->hasFailed()) {
        return;  // the failure stays in view
    }
    if (runs_->isComplete()) {
        status_->setText(tr("%1 generations of %2 replicate(s) in %3 s")
                             .arg(runs_->availableGenerations())
                             .arg(runs_->side(0).scenario.replicates)
                             .arg(static_cast<double>(runs_->runMilliseconds()) / 1000.0, 0, 'f', 1));
    } else {
        status_->setText(tr("Computing: %1 of %2 generations")
                             .arg(runs_->availableGenerations())
                             .arg(runs_->side(0).scenario.generations));
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

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (presenting_) {
        setPresenterMode(false);
    }
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
    Settings::setSplitterState(splitter_->saveState());
    runs_->stop();
    QMainWindow::closeEvent(event);
}

} // namespace collapse::ui
