#include "main_window.h"

#include "export_dialog.h"
#include "figure_renderer.h"
#include "metric_chart.h"
#include "narration.h"
#include "output_files.h"
#include "parameter_panel.h"
#include "results.h"
#include "scenario_sources.h"
#include "settings.h"
#include "simulation_worker.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace collapse::ui {

namespace {
// While generations stream in, one chart is redrawn per tick, in turn, so that the UI thread never
// spends more than one chart's drawing at a time; the stage is redrawn every frame.
constexpr int kChartRefreshMs = 70;
constexpr int kPanelWidth = 420;
} // namespace

MainWindow::MainWindow(const Scenario& initial, QWidget* parent)
    : QMainWindow(parent), scenario_(initial), worker_(new SimulationWorker(this)), panel_(new ParameterPanel),
      splitter_(new QSplitter(Qt::Horizontal)), narration_(new QLabel), chartGrid_(new QGridLayout),
      transport_(new TransportBar), status_(new QLabel)
{
    setWindowTitle(tr("Collapse Lab"));

    auto* panelScroll = new QScrollArea;
    panelScroll->setWidget(panel_);
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    panelScroll->setMinimumWidth(kPanelWidth);
    panelScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* stageArea = new QWidget;
    stageLayout_ = new QVBoxLayout(stageArea);
    stageLayout_->setContentsMargins(0, 0, 0, 0);
    narration_->setWordWrap(true);
    narration_->setFont(scaledFont(sizes::narrationPoint));
    narration_->setMinimumHeight(narration_->fontMetrics().lineSpacing() * 2 + 12);
    narration_->setContentsMargins(12, 6, 12, 6);
    narration_->setStyleSheet(QStringLiteral("background: #F3F6F9; border-left: 6px solid #0072B2;"));
    narration_->setAccessibleName(tr("What you are seeing"));
    stageLayout_->addWidget(narration_);

    auto* chartArea = new QWidget;
    chartArea->setLayout(chartGrid_);
    chartGrid_->setContentsMargins(0, 0, 0, 0);

    splitter_->addWidget(panelScroll);
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

    buildMenus();

    restartTimer_.setSingleShot(true);
    restartTimer_.setInterval(kRestartDelayMs);
    connect(&restartTimer_, &QTimer::timeout, this, &MainWindow::restartNow);
    chartTimer_.setSingleShot(true);
    chartTimer_.setInterval(kChartRefreshMs);
    connect(&chartTimer_, &QTimer::timeout, this, &MainWindow::refreshNextChart);
    playTimer_.setTimerType(Qt::PreciseTimer);
    connect(&playTimer_, &QTimer::timeout, this, &MainWindow::tick);

    connect(panel_, &ParameterPanel::scenarioChanged, this, [this](const Scenario& scenario) {
        scenario_ = scenario;
        restartTimer_.start();
    });
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

    connect(worker_, &SimulationWorker::runStarted, this, &MainWindow::onRunStarted);
    connect(worker_, &SimulationWorker::generationReady, this, &MainWindow::onGenerationReady);
    connect(worker_, &SimulationWorker::runFinished, this, &MainWindow::onRunFinished);
    connect(worker_, &SimulationWorker::runFailed, this, &MainWindow::onRunFailed);

    // Keys of the transport, active anywhere in the window (a focused slider keeps its own).
    const auto addShortcut = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    addShortcut(tr("Play or pause"), QKeySequence(Qt::Key_Space), [this] { togglePlay(); });
    addShortcut(tr("One generation back"), QKeySequence(Qt::Key_Left), [this] { step(-1); });
    addShortcut(tr("One generation forward"), QKeySequence(Qt::Key_Right), [this] { step(+1); });
    addShortcut(tr("Back to generation 0"), QKeySequence(Qt::Key_Home), [this] { showGeneration(0); });

    resize(1600, 950);
    restoreGeometry(Settings::windowGeometry());
    restoreState(Settings::windowState());
    splitter_->setSizes({kPanelWidth, 900, 600});
    splitter_->restoreState(Settings::splitterState());

    panel_->setScenario(scenario_);
    restartNow();
    setPlaying(true);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Export &Figure…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportFigure);
    file->addAction(tr("Export &Animation…"), QKeySequence(tr("Ctrl+Shift+E")), this, &MainWindow::exportAnimation);
    file->addAction(tr("Export &Data…"), QKeySequence(tr("Ctrl+Shift+D")), this, &MainWindow::exportData);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* presets = menuBar()->addMenu(tr("&Presets"));
    for (const Preset& preset : builtinPresets()) {
        QAction* action = presets->addAction(QString::fromStdString(preset.title));
        action->setToolTip(QString::fromStdString(preset.summary));
        const std::string name = preset.name;
        connect(action, &QAction::triggered, this, [this, name] {
            const Preset& chosen = presetNamed(name);
            loadScenario(scenarioFromJson(chosen.entries.front().object));
            statusBar()->showMessage(QString::fromStdString(chosen.summary), 15000);
        });
    }
    presets->setToolTipsVisible(true);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Collapse Lab"), this, [this] {
        QMessageBox::about(this, tr("About Collapse Lab"),
                           tr("<h3>Collapse Lab %1</h3><p>Watch generative models forget: each generation is "
                              "trained on data made by the one before.</p><p>Shumailov et al., \"AI models "
                              "collapse when trained on recursively generated data\", Nature 631 (2024).</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

std::optional<RunHistory> MainWindow::runToExport(const QString& title)
{
    if (history_.isEmpty()) {
        QMessageBox::information(this, title, tr("Nothing to export yet: the first generation is still being computed."));
        return std::nullopt;
    }
    setPlaying(false);
    return history_;
}

void MainWindow::exportFigure()
{
    const QString title = tr("Export Figure");
    const auto run = runToExport(title);
    if (!run) {
        return;
    }
    ExportDialog dialog(ExportDialog::Kind::Figure, std::max(shown_, 0), run->size(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    try {
        FigureRenderer renderer({{QString(), &*run}}, dialog.view());
        writeFigure(renderer, dialog.path(), dialog.figureOptions());
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(dialog.path())), 10000);
    } catch (const ExportError& error) {
        QMessageBox::warning(this, title, QString::fromStdString(error.what()));
    }
}

void MainWindow::exportAnimation()
{
    const QString title = tr("Export Animation");
    const auto run = runToExport(title);
    if (!run) {
        return;
    }
    ExportDialog dialog(ExportDialog::Kind::Animation, std::max(shown_, 0), run->size(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QProgressDialog progress(tr("Rendering and encoding %1 generations…").arg(run->size()), tr("Cancel"), 0,
                             run->size(), this);
    progress.setWindowTitle(title);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const ExportProgress report = [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        return !progress.wasCanceled();
    };
    try {
        FigureRenderer renderer({{QString(), &*run}}, dialog.view());
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
    if (!runComplete_) {
        QMessageBox::information(this, title, tr("The run is still being computed; export its data when it is done."));
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for metrics.csv, summary.csv and scenario.json"),
                                                             Settings::exportFolder());
    if (folder.isEmpty()) {
        return;
    }
    Settings::setExportFolder(folder);
    try {
        saveRunData(folder);
        statusBar()->showMessage(tr("Saved metrics.csv, summary.csv and scenario.json in %1")
                                     .arg(QDir::toNativeSeparators(folder)),
                                 10000);
    } catch (const std::exception& error) {
        QMessageBox::warning(this, title, QString::fromStdString(error.what()));
    }
}

void MainWindow::saveRunData(const QString& folder) const
{
    RunResults results;
    for (const QString& column : history_.columns()) {
        results.columns.push_back(column.toStdString());
    }
    for (int generation = 0; generation < history_.size(); ++generation) {
        results.generations.push_back(history_.at(generation)->metrics);
    }
    OutputFiles files;
    addRunFiles(files, std::filesystem::path(folder.toStdString()), results, history_.scenario());
    files.commit();
}

void MainWindow::loadScenario(const Scenario& scenario)
{
    scenario_ = scenario;
    panel_->setScenario(scenario);
    restartNow();
}

void MainWindow::goToGeneration(int generation)
{
    setPlaying(false);
    refreshCharts();
    showGeneration(generation);
}

void MainWindow::restartNow()
{
    restartTimer_.stop();
    request_ = worker_->restart(scenario_);
    history_.reset(scenario_, QStringList());
    runComplete_ = false;
    runClock_.start();
    shown_ = -1;
    rebuildViews();
    Settings::setLastScenario(QString::fromStdString(serializeScenario(scenario_)));
    transport_->showPosition(0, 0, scenario_.generations);
    updateStatus();
    emit runRestarted();
}

void MainWindow::rebuildViews()
{
    const StageKind kind = stageKindFor(scenario_);
    if (!stage_ || kind != stageKind_) {
        stage_ = makeStageView(kind);
        stageKind_ = kind;
        stageLayout_->insertWidget(0, stage_.get(), 1);
    }
    stage_->setScenario(scenario_);

    if (charts_.isEmpty() || chartedModel_ != scenario_.model) {
        qDeleteAll(charts_);
        charts_.clear();
        const auto metrics = chartedMetrics(scenario_);
        for (int i = 0; i < metrics.size(); ++i) {
            auto* chart = new MetricChart(metrics[i].column, metrics[i].title);
            chartGrid_->addWidget(chart, i, 0);
            charts_.append(chart);
        }
        chartedModel_ = scenario_.model;
    }
    const auto metrics = chartedMetrics(scenario_);
    for (int i = 0; i < charts_.size(); ++i) {
        charts_[i]->resetRun(scenario_.generations, metrics[i].reference);
    }
    narration_->setText(tr("Computing the first generation…"));
}

void MainWindow::onRunStarted(quint64 request, const QStringList& columns)
{
    if (request != request_) {
        return;
    }
    history_.reset(scenario_, columns);
}

void MainWindow::onGenerationReady(quint64 request, const SnapshotPointer& snapshot)
{
    if (request != request_) {
        return;  // from a run that was cancelled
    }
    history_.append(snapshot);
    if (shown_ < 0) {
        showGeneration(0);
    } else {
        transport_->showPosition(shown_, history_.size(), scenario_.generations);
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
    charts_[nextChart_]->updateData(history_);
    if (--chartsBehind_ > 0) {
        chartTimer_.start();
    }
}

void MainWindow::onRunFinished(quint64 request)
{
    if (request != request_) {
        return;
    }
    runComplete_ = true;
    runMilliseconds_ = runClock_.elapsed();
    updateStatus();
    emit runCompleted();
}

void MainWindow::onRunFailed(quint64 request, const QString& message)
{
    if (request != request_) {
        return;
    }
    runComplete_ = true;
    setPlaying(false);
    status_->setText(tr("The run stopped: %1").arg(message));
}

void MainWindow::showGeneration(int generation)
{
    if (history_.isEmpty()) {
        return;
    }
    shown_ = std::clamp(generation, 0, history_.size() - 1);
    stage_->showGeneration(history_, shown_);
    for (MetricChart* chart : charts_) {
        chart->setCurrentGeneration(shown_);
    }
    narration_->setText(narrate(classifyCollapse(scenario_, evidenceAt(history_, shown_))));
    transport_->showPosition(shown_, history_.size(), scenario_.generations);
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
    if (!playing_ && runComplete_ && shown_ == history_.size() - 1) {
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
    if (shown_ + 1 < history_.size()) {
        showGeneration(shown_ + 1);
    } else if (runComplete_ && shown_ >= 0) {
        setPlaying(false);
    }
}

void MainWindow::refreshCharts()
{
    for (MetricChart* chart : charts_) {
        chart->updateData(history_);
    }
}

void MainWindow::updateStatus()
{
    if (runComplete_) {
        status_->setText(tr("%1 generations of %2 replicate(s) in %3 s")
                             .arg(history_.size())
                             .arg(scenario_.replicates)
                             .arg(static_cast<double>(runMilliseconds_) / 1000.0, 0, 'f', 1));
    } else {
        status_->setText(tr("Computing: %1 of %2 generations").arg(history_.size()).arg(scenario_.generations));
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
    Settings::setSplitterState(splitter_->saveState());
    worker_->stop();
    QMainWindow::closeEvent(event);
}

} // namespace collapse::ui
