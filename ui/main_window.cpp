#include "ui/main_window.h"

#include "core/data_error.h"
#include "core/experiment.h"
#include "core/output_files.h"
#include "ui/export_actions.h"
#include "ui/help_dialogs.h"
#include "ui/legend_strip.h"
#include "ui/metric_chart.h"
#include "ui/narration.h"
#include "ui/parameter_change.h"
#include "ui/parameter_panel.h"
#include "ui/playback.h"
#include "ui/plot_painting.h"
#include "ui/preset_texts.h"
#include "ui/reproduction_dialog.h"
#include "ui/screen_room.h"
#include "ui/settings.h"
#include "ui/stages/stage_registry.h"
#include "ui/sweep_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextDocument>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

namespace {
// While generations stream in, one chart is redrawn per tick, in turn, so that the UI thread never
// spends more than one chart's drawing at a time; the stage is redrawn every frame.
constexpr int kChartRefreshMs = 70;
constexpr int kPanelWidth = 360;
constexpr int kSmallestPanelWidth = 280;
// The window's size on a large screen; smaller screens get what they have.
constexpr QSize kPreferredSize(1600, 950);
// Below this height a chart is too short to read, and the charts go two to a row.
constexpr int kShortestChart = 150;
// The narrowest a stage and a chart may be; a window too narrow for the stages and a column of charts
// side by side puts the charts in a row under the stages.
constexpr int kNarrowestStage = 270;
constexpr int kNarrowestChart = 280;
// Under the stages, in a row, charts may be narrower.
constexpr int kNarrowestChartInRow = 160;
// Presenter mode's type, relative to the window's.
constexpr double kPresenterTypeScale = 1.3;

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
    // As narrow as the panel's widest control allows, so nothing in it is cut off.
    panelScroll_->setMinimumWidth(std::max(kSmallestPanelWidth, panel_->minimumSizeHint().width() +
                                                                    panelScroll_->verticalScrollBar()->sizeHint().width()));
    panelScroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* stageArea = new QWidget;
    stageLayout_ = new QVBoxLayout(stageArea);
    stageLayout_->setContentsMargins(0, 0, 0, 0);
    // The preset's note spans the stage and the charts: fewer lines, more room for the picture.
    presetNote_->setWordWrap(true);
    presetNote_->setContentsMargins(12, 6, 12, 6);
    presetNote_->setTextFormat(Qt::RichText);
    presetNote_->setAccessibleName(tr("About this preset"));
    presetNote_->installEventFilter(this);
    presetNote_->hide();
    legendStrip_ = new LegendStrip;
    legendStrip_->hide();
    stageLayout_->addWidget(legendStrip_);
    stageLayout_->addLayout(stageRow_, 1);
    narration_->setWordWrap(true);
    narration_->setContentsMargins(12, 6, 12, 6);
    narration_->setAccessibleName(tr("What you are seeing"));
    narration_->installEventFilter(this);
    stageLayout_->addWidget(narration_);

    chartArea_ = new QWidget;
    chartArea_->setLayout(chartGrid_);
    chartGrid_->setContentsMargins(0, 0, 0, 0);
    chartArea_->installEventFilter(this);

    splitter_->addWidget(panelScroll_);
    splitter_->addWidget(stageArea);
    splitter_->addWidget(chartArea_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 3);
    splitter_->setStretchFactor(2, 2);
    splitter_->setChildrenCollapsible(false);

    // The transport keeps its room when presenter mode hides it, so the picture never jumps.
    transportHolder_ = new QWidget;
    auto* holder = new QVBoxLayout(transportHolder_);
    holder->setContentsMargins(0, 0, 0, 0);
    holder->addWidget(transport_);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(presetNote_);
    layout->addWidget(splitter_, 1);
    layout->addWidget(transportHolder_);
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
    connect(panel_, &ParameterPanel::refused, this, [this](const QString& message) {
        // Not modal for the run: the current one carries on behind the message.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Data File"), tr("The file was not used:\n%1").arg(message),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
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
    // Another chain on stage recomputes the runs; the stage returns to the generation it showed.
    const auto showChain = [this](int chain) {
        const int shown = playback_->shown();
        runs_->setShownChain(chain);
        resumeAt_ = shown;
    };
    connect(transport_, &TransportBar::chainPicked, this, showChain);
    connect(transport_, &TransportBar::typicalChainRequested, this, [this, showChain] { showChain(runs_->typicalChain()); });
    connect(transport_, &TransportBar::speedChanged, this, [this](TransportBar::Speed speed) {
        playback_->setGenerationsPerSecond(TransportBar::generationsPerSecond(speed));
        Settings::setPlaybackSpeed(static_cast<int>(speed));
    });
    transport_->setSpeed(static_cast<TransportBar::Speed>(std::clamp(Settings::playbackSpeed(), 0, 2)));
    playback_->setGenerationsPerSecond(TransportBar::generationsPerSecond(transport_->speed()));

    applyTheme(static_cast<Theme>(std::clamp(Settings::theme(), 0, 2)));
    panel_->applyThemeColours();
    updateNarrationStyle();
    buildMenus();
    qApp->installEventFilter(this);

    resize(kPreferredSize);
    restoreGeometry(Settings::windowGeometry());
    restoreState(Settings::windowState());
    splitter_->setSizes({kPanelWidth, 900, 600});
    splitter_->restoreState(Settings::splitterState());
    if (splitter_->count() == 3 && splitter_->sizes().at(2) < kNarrowestChart) {
        // A saved layout from a screen where the charts had no room: they get their third again.
        splitter_->setSizes({kPanelWidth, 900, 600});
    }
    fitToScreen();
    transportHolder_->setMinimumHeight(transport_->sizeHint().height());

    runs_->setSides({{std::string(), initial}});
    playback_->setPlaying(true);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!presenting_) {
        fitToScreen();
    }
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    arrangeColumns();
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
    file->addAction(tr("New S&weep…"), QKeySequence(tr("Ctrl+Shift+W")), this, [this] {
        openSweepWindow()->useScenario(scenario());
    });
    file->addSeparator();
    file->addAction(tr("Export &Figure…"), QKeySequence(tr("Ctrl+E")), exports_, &ExportActions::exportFigure);
    file->addAction(tr("Export &Animation…"), QKeySequence(tr("Ctrl+Shift+E")), exports_, &ExportActions::exportAnimation);
    file->addAction(tr("Export &Data…"), QKeySequence(tr("Ctrl+Shift+D")), exports_, &ExportActions::exportData);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = undo_->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence(tr("Ctrl+Z")));
    undo->setProperty("shortcutName", tr("Undo the last parameter change"));
    QAction* redo = undo_->createRedoAction(this, tr("&Redo"));
    redo->setProperty("shortcutName", tr("Redo the parameter change undone last"));
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
    panelAction_ = view->addAction(tr("&Parameters Panel"), this, [this](bool on) {
        panelScroll_->setVisible(on && !presenting_);
        arrangeColumns();
    });
    panelAction_->setCheckable(true);
    panelAction_->setChecked(true);
    panelAction_->setShortcut(QKeySequence(Qt::Key_F9));
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
    help->addSeparator();
    help->addAction(tr("&Reproduce the Paper…"), this, [this] { reproducePaper(); });
    help->addSeparator();
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

void MainWindow::loadPreset(const std::string& name, const std::vector<Override>& overrides)
{
    const Preset& preset = presetNamed(name);
    if (preset.sweep) {
        openSweepWindow()->loadPreset(name);
        return;
    }
    ScenarioRequest request;
    request.preset = name;
    request.overrides = overrides;
    loadScenarios(resolveScenarios(request));
    presetNote_->setText(QStringLiteral("<b>%1.</b> %2")
                             .arg(presetTitle(preset).toHtmlEscaped(), presetSummary(preset).toHtmlEscaped()));
    presetNote_->show();
    fitPresetNote();
}

bool MainWindow::openScenarioFile(const QString& path, QString* error)
{
    const auto refuse = [this, error](const char* what) {
        const QString message = QString::fromStdString(what);
        if (error != nullptr) {
            *error = message;
        } else {
            QMessageBox::warning(this, tr("Open Scenario"), tr("The scenario was not opened:\n%1").arg(message));
        }
        return false;
    };
    try {
        ScenarioRequest request;
        request.file = std::filesystem::path(path.toStdString());
        const std::vector<LabelledScenario> scenarios = resolveScenarios(request);
        // Their data files are read before anything is replaced: one that cannot be read keeps the window as it was.
        for (const LabelledScenario& labelled : scenarios) {
            checkDataFiles(labelled.scenario);
        }
        loadScenarios(scenarios);
        Settings::addRecentScenarioFile(QFileInfo(path).absoluteFilePath());
        statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 10000);
        return true;
    } catch (const ScenarioError& failure) {
        return refuse(failure.what());
    } catch (const DataError& failure) {
        return refuse(failure.what());
    }
}

bool MainWindow::saveScenarioFile(const QString& path, QString* error)
{
    try {
        // Into a folder that exists: a mistyped path is refused, not made.
        if (const std::string problem = outputTargetProblem(path.toStdString(), false); !problem.empty()) {
            throw std::runtime_error(tr("cannot write %1: %2").arg(path, QString::fromStdString(problem)).toStdString());
        }
        writeFileWhole(path.toStdString(), serializeScenarios(runs_->sideScenarios()));
    } catch (const std::runtime_error& failure) {
        const QString message = QString::fromUtf8(failure.what());
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
        stageRow_->addWidget(view->column, 1);
        views_.push_back(std::move(view));
    }
    singleViewAction_->setEnabled(runs_->sideCount() > 1);
    panel_->setScenario(runs_->side(0).scenario);
    arrangeColumns();
}

// ---- Running ---------------------------------------------------------------------------------------

void MainWindow::onRestarted()
{
    playback_->clear();
    rebuildViews();
    Settings::setLastScenario(QString::fromStdString(serializeScenario(runs_->side(0).scenario)));
    transport_->showPosition(0, 0, runs_->side(0).scenario.generations);
    transport_->showChain(std::min(runs_->shownChain(), runs_->side(0).scenario.replicates - 1),
                          runs_->side(0).scenario.replicates);
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
        // Side by side, the stages share one legend above them, and each heading names its side.
        view.stage->setLegendShown(runs_->sideCount() == 1);
        view.stage->setCaption(runs_->sideCount() > 1 ? side.label : QString());
        const int shown = playback_->shown();
        if (shown >= 0 && shown < side.history.size()) {
            view.stage->showGeneration(side.history, shown);
        }
    }

    legendStrip_->setEntries(views_.front()->stage->legendEntries());
    legendStrip_->setVisible(runs_->sideCount() > 1);

    const Scenario& first = runs_->side(0).scenario;
    const auto metrics = stageEntryFor(first).charts(first);
    if (fresh || charts_.isEmpty() || chartedModel_ != &first.model()) {
        qDeleteAll(charts_);
        charts_.clear();
        for (int i = 0; i < metrics.size(); ++i) {
            charts_.append(new MetricChart(*metrics[i].metric, metrics[i].scale, metrics[i].title));
        }
        chartColumns_ = 0;
        chartedModel_ = &first.model();
    }
    for (int i = 0; i < charts_.size(); ++i) {
        charts_[i]->resetRun(first.generations, metrics[i].reference);
        charts_[i]->setSideLabels(runs_->side(0).label, runs_->sideCount() > 1 ? runs_->side(1).label : QString());
    }
    arrangeCharts();
    if (playback_->shown() < 0) {
        narrationText_ = briefNarrationText_ = tr("Computing the first generation…");
        fitNarration();
    } else {
        refreshCharts();
        showGeneration(playback_->shown());
    }
}

void MainWindow::onGenerationArrived()
{
    if (resumeAt_ >= 0 && runs_->availableGenerations() > resumeAt_) {
        playback_->show(resumeAt_);
        resumeAt_ = -1;
    } else if (resumeAt_ < 0 && playback_->shown() < 0 && runs_->availableGenerations() > 0) {
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
    alignCharts();
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
    QStringList briefLines;
    for (int i = 0; i < runs_->sideCount(); ++i) {
        const RunController::Side& side = runs_->side(i);
        views_[static_cast<std::size_t>(i)]->stage->showGeneration(side.history, generation);
        const QString brief = narrateShownChainBriefly(side.history, generation).toHtmlEscaped();
        if (runs_->sideCount() > 1) {
            lines.append(QStringLiteral("<b>%1:</b> %2").arg(side.label.toHtmlEscaped(), brief));
        } else {
            lines.append(narrateShownChain(side.history, generation).toHtmlEscaped());
            briefLines.append(brief);
        }
    }
    for (MetricChart* chart : charts_) {
        chart->setCurrentGeneration(generation);
    }
    narrationText_ = lines.join(QStringLiteral("<br>"));
    briefNarrationText_ = briefLines.isEmpty() ? narrationText_ : briefLines.join(QStringLiteral("<br>"));
    fitNarration();
    transport_->showPosition(generation, available, runs_->side(0).scenario.generations);
    emit frameShown(generation);
}

void MainWindow::refreshCharts()
{
    for (MetricChart* chart : charts_) {
        chart->updateData(runs_->side(0).history, runs_->sideCount() > 1 ? &runs_->side(1).history : nullptr);
    }
    alignCharts();
}

void MainWindow::updateStatus()
{
    if (runs_->hasFailed()) {
        return;  // the failure stays in view
    }
    if (runs_->isComplete()) {
        const int chains = runs_->side(0).scenario.replicates;
        const QString seconds = QString::number(static_cast<double>(runs_->runMilliseconds()) / 1000.0, 'f', 1);
        status_->setText(chains == 1 ? tr("%1 generations of one chain in %2 s").arg(runs_->availableGenerations()).arg(seconds)
                                     : tr("%1 generations of %2 chains in %3 s")
                                           .arg(runs_->availableGenerations())
                                           .arg(chains)
                                           .arg(seconds));
    } else {
        status_->setText(tr("Computing: %1 of %2 generations")
                             .arg(runs_->availableGenerations())
                             .arg(runs_->side(0).scenario.generations));
    }
}

SweepWindow* MainWindow::openSweepWindow()
{
    if (sweepWindow_ == nullptr) {
        sweepWindow_ = new SweepWindow(this);
        connect(sweepWindow_, &SweepWindow::cellOpened, this, [this](const Scenario& cell) {
            loadScenario(cell);
            raise();
            activateWindow();
        });
    }
    sweepWindow_->show();
    sweepWindow_->raise();
    sweepWindow_->activateWindow();
    return sweepWindow_;
}

ReproductionDialog* MainWindow::reproducePaper(QString parentFolder)
{
    if (parentFolder.isEmpty()) {
        parentFolder = QFileDialog::getExistingDirectory(
            this, tr("Where the Report's Folder Goes"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        if (parentFolder.isEmpty()) {
            return nullptr;
        }
    }
    // Its own folder, so that the report's data never mixes with what the chosen folder holds.
    const std::filesystem::path folder = std::filesystem::path(parentFolder.toStdString()) / "paper-reproduction";
    if (const std::string problem = outputTargetProblem(folder, true); !problem.empty()) {
        QMessageBox::warning(this, tr("Reproduce the Paper"),
                             tr("Cannot write %1: %2").arg(QString::fromStdString(folder.string()), QString::fromStdString(problem)));
        return nullptr;
    }
    auto* dialog = new ReproductionDialog(reproductionPlan(ReproductionScale::Quick), folder, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReproductionDialog::reportWritten, this,
            [](const QString& pdf) { QDesktopServices::openUrl(QUrl::fromLocalFile(pdf)); });
    dialog->show();
    dialog->start();
    return dialog;
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
    // Larger type where the screen has the pixels for it: a 1024 x 768 projector is large already.
    const QScreen* presenterScreen = screen();
    const double roomForType = presenterScreen != nullptr ? presenterScreen->size().height() / 830.0 : 1.0;
    sizes::typeScale = on ? std::clamp(roomForType, 1.0, kPresenterTypeScale) : 1.0;
    if (sweepWindow_ != nullptr) {
        sweepWindow_->refreshStyle();
    }
    panelScroll_->setVisible(!on && panelAction_->isChecked());
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
        arrangeColumns(target->geometry().width());
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
    arrangeColumns();
}

void MainWindow::fitToScreen()
{
    const QSize room = roomOnScreen(*this);
    if (room.isEmpty() || isFullScreen()) {
        return;
    }
    // Arranged for the width it will have, so that its minimum size lets it get there.
    arrangeColumns(std::min(width(), room.width()));
    const QSize fitted = size().boundedTo(room).expandedTo(minimumSizeHint().boundedTo(room));
    if (fitted != size()) {
        resize(fitted);
    }
    keepOnScreen(*this);
}

void MainWindow::arrangeColumns(int forWidth)
{
    const int panel = panelScroll_->isVisible() ? panelScroll_->minimumWidth() : 0;
    const int needed = panel + runs_->sideCount() * kNarrowestStage + kNarrowestChart + 40;
    const int arranged = forWidth >= 0 ? forWidth : width();
    const bool below = arranged < needed;
    // Under the stages, the charts go four to a row where each keeps a readable width, else two.
    const int rowWidth = arranged - panel - 40;
    const int belowColumns = rowWidth / std::max<int>(1, static_cast<int>(charts_.size())) >= kNarrowestChartInRow + 10
                                 ? static_cast<int>(charts_.size())
                                 : 2;
    if (below == chartsBelow_ && (!below || belowColumns == chartColumns_)) {
        return;
    }
    chartsBelow_ = below;
    if (below) {
        stageLayout_->addWidget(chartArea_, 2);
        stageLayout_->setStretchFactor(stageRow_, 3);
    } else {
        splitter_->addWidget(chartArea_);
        splitter_->setStretchFactor(2, 2);
        // Back beside the stages: the charts get their third of the room again.
        const int room = std::max(arranged - panel, 2 * kNarrowestChart);
        splitter_->setSizes({panel > 0 ? kPanelWidth : 0, room * 2 / 3 - kPanelWidth / 2, room / 3});
    }
    belowColumns_ = belowColumns;
    chartColumns_ = 0;
    arrangeCharts();
}

void MainWindow::arrangeCharts()
{
    if (charts_.isEmpty()) {
        return;
    }
    // Beside the stages: one column while each chart keeps a readable height, else two to a row. Under
    // them: one row while each chart keeps a readable width, else two rows.
    const int count = static_cast<int>(charts_.size());
    const int columns = chartsBelow_ ? std::min(belowColumns_, count)
                                     : (chartArea_->height() / count < kShortestChart && chartArea_->width() >= 2 * kNarrowestChart ? 2 : 1);
    if (columns != chartColumns_) {
        chartColumns_ = columns;
        for (MetricChart* chart : charts_) {
            chartGrid_->removeWidget(chart);
        }
        for (int i = 0; i < count; ++i) {
            chartGrid_->addWidget(charts_[i], i / columns, i % columns);
        }
    }
    alignCharts();
}

void MainWindow::alignCharts()
{
    // Charts in one column share their plot's left edge, so a generation sits at one x in all of them.
    for (int column = 0; column < chartColumns_; ++column) {
        double left = 0.0;
        for (int i = column; i < charts_.size(); i += chartColumns_) {
            left = std::max(left, charts_[i]->requiredPlotLeft(charts_[i]->size()));
        }
        for (int i = column; i < charts_.size(); i += chartColumns_) {
            charts_[i]->setPlotLeft(left);
        }
    }
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
    if (watched == chartArea_ && event->type() == QEvent::Resize) {
        arrangeCharts();
    }
    if (watched == narration_ && event->type() == QEvent::Resize) {
        fitNarration();
    }
    if (watched == presetNote_ && event->type() == QEvent::Resize) {
        fitPresetNote();
    }
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
    panel_->applyThemeColours();
    rebuildViews(true);
    if (sweepWindow_ != nullptr) {
        sweepWindow_->refreshStyle();
    }
}

namespace {

// A label of fixed height, `lines` lines of `largestPoint` type: the type shrinks in half-point steps
// (down to `smallestPoint`) until the words fit, so what is around it never moves as the words change.
// Returns false when they do not fit even at the smallest type (the label then shows that size, cut).
// The narration is fitted on every frame of playback, so the size is found by bisection: a handful of
// layouts rather than one per step.
bool fitLabel(QLabel* label, int lines, double largestPoint, double smallestPoint)
{
    QFont font = scaledFont(sizes::bodyPoint);
    font.setPointSizeF(largestPoint);
    const int margins = label->contentsMargins().top() + label->contentsMargins().bottom() + 4;
    const int boxHeight = static_cast<int>(std::ceil(QFontMetricsF(font).lineSpacing() * lines)) + margins;
    label->setFixedHeight(boxHeight);
    const double width = label->contentsRect().width() - 12.0;
    QTextDocument document;
    document.setDocumentMargin(0);
    document.setHtml(label->text());
    const auto pointOfStep = [&](int step) { return largestPoint - 0.5 * step; };
    const auto fitsAt = [&](int step) {
        font.setPointSizeF(pointOfStep(step));
        document.setDefaultFont(font);
        document.setTextWidth(width);
        return document.size().height() <= boxHeight - margins;
    };
    const int smallestStep = static_cast<int>(std::floor((largestPoint - smallestPoint) / 0.5 + 1e-9));
    // The largest type that fits, most often the largest of all; smaller type never needs more room, so
    // the steps that fit are the ones from some step on.
    int firstFitting = fitsAt(0) ? 0 : smallestStep + 1;
    int low = 1;
    int high = firstFitting == 0 ? 0 : smallestStep;
    while (low <= high) {
        const int middle = (low + high) / 2;
        if (fitsAt(middle)) {
            firstFitting = middle;
            high = middle - 1;
        } else {
            low = middle + 1;
        }
    }
    font.setPointSizeF(pointOfStep(std::min(firstFitting, smallestStep)));
    label->setFont(font);
    return firstFitting <= smallestStep;
}

} // namespace

void MainWindow::fitNarration()
{
    // Two sides speak briefly, a line or two each, in smaller type that leaves their stages more room.
    const bool twoSides = runs_->sideCount() > 1;
    const int largest = twoSides ? sizes::narrationPoint - 4 : sizes::narrationPoint;
    const auto fits = [&](const QString& text) {
        narration_->setText(text);
        return fitLabel(narration_, twoSides ? 4 : 3, scaledFont(largest).pointSizeF(),
                        (sizes::bodyPoint - 1) * sizes::typeScale);
    };
    // Where the whole account does not fit (a narrow stage column on a 1024-pixel screen), the brief one
    // the comparison uses takes its place rather than being cut.
    if (!fits(narrationText_) && !fits(briefNarrationText_)) {
        noteElidedText(narration_->text());
    }
}

void MainWindow::fitPresetNote()
{
    if (!presetNote_->isHidden()) {
        if (!fitLabel(presetNote_, 3, scaledFont(sizes::bodyPoint).pointSizeF(), 0.8 * sizes::bodyPoint * sizes::typeScale)) {
            noteElidedText(presetNote_->text());
        }
    }
}

void MainWindow::updateNarrationStyle()
{
    narration_->setFont(scaledFont(sizes::narrationPoint));
    // A tinted box with a coloured edge: blue for what is happening, orange for the preset's note.
    const auto boxStyle = [](const QColor& edge) {
        return QStringLiteral("background: %1; color: %2; border-left: 6px solid %3;")
            .arg(colours::panel.name(), colours::text.name(), edge.name());
    };
    narration_->setStyleSheet(boxStyle(colours::model));
    presetNote_->setFont(scaledFont(sizes::bodyPoint));
    fitPresetNote();
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
