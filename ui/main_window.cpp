#include "ui/main_window.h"

#include "ui/chart_panel.h"
#include "ui/export_actions.h"
#include "ui/file_actions.h"
#include "ui/label_fitting.h"
#include "ui/lesson_player.h"
#include "ui/metric_chart.h"
#include "ui/parameter_panel.h"
#include "ui/plot_painting.h"
#include "ui/screen_room.h"
#include "ui/session.h"
#include "ui/settings.h"
#include "ui/stage_area.h"
#include "ui/sweep_window.h"
#include "ui/transport_bar.h"
#include "ui/window_menus.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include <algorithm>

namespace collapse::ui {

namespace {
constexpr int kPanelWidth = 360;
constexpr int kSmallestPanelWidth = 280;
// The window's size on a large screen; smaller screens get what they have.
constexpr QSize kPreferredSize(1600, 950);
// The narrowest a stage and a chart may be; a window too narrow for the stages and a column of charts
// side by side puts the charts in a row under the stages.
constexpr int kNarrowestStage = 270;
constexpr int kNarrowestChart = 280;
// Presenter mode's type, relative to the window's.
constexpr double kPresenterTypeScale = 1.3;
} // namespace

MainWindow::MainWindow(Session& session, QWidget* parent)
    : QMainWindow(parent), session_(session),
      exports_(new ExportActions(this, session.runs(), session.playback(),
                                 [this](const QString& message) { statusBar()->showMessage(message, 10000); })),
      files_(new FileActions(this, session, [this](const QString& message) { statusBar()->showMessage(message, 10000); })),
      panel_(new ParameterPanel), panelScroll_(new QScrollArea), splitter_(new QSplitter(Qt::Horizontal)),
      stages_(new StageArea(session.runs())), charts_(new ChartPanel(session.runs())), presetNote_(new QLabel),
      lessonPlayer_(new LessonPlayer(session, *panel_, this)), transport_(new TransportBar), status_(new QLabel)
{
    // A lesson's charts would show the whole run's answer before its reveal: they wait for it.
    connect(lessonPlayer_, &LessonPlayer::answerHidden, this, [this](bool hidden) { charts_->setVisible(!hidden); });
    // Each step says what the stage shows; the lesson's end leaves one chain.
    connect(lessonPlayer_, &LessonPlayer::stepChanged, this,
            [this](int step) { setStageLayout(step < 0 ? StageLayout::OneChain : lessonPlayer_->stageLayout()); });
    setWindowTitle(tr("Collapse Lab"));
    setAcceptDrops(true);
    setCentralWidget(buildCentralWidget());
    statusBar()->addPermanentWidget(status_, 1);

    controlsTimer_.setSingleShot(true);
    controlsTimer_.setInterval(kControlsHideMs);
    connect(&controlsTimer_, &QTimer::timeout, this, [this] {
        if (presenting_) {
            transport_->hide();
            setCursor(Qt::BlankCursor);
        }
    });
    connectSession();
    connectTransport();

    // The theme the last session chose; the transport's symbols were drawn before it was known.
    applyTheme(static_cast<Theme>(std::clamp(Settings::theme(), 0, 2)));
    transport_->refreshIcons();
    panel_->applyThemeColours();
    updateNoteStyle();
    menus_ = new WindowMenus(*this, session_, *transport_, *exports_, *files_,
                             {[this](const std::string& preset) { openPreset(preset); },
                              [this] { openSweepWindow()->useScenario(session_.scenario()); },
                              [this](bool on) { setPresenterMode(on); }, [this](bool shown) { setPanelShown(shown); },
                              [this](Theme theme) { setTheme(theme); },
                              [this](StageArea::Layout layout) { setStageLayout(layout); },
                              [this] { return stageLayout(); }, charts_});
    qApp->installEventFilter(this);
    restoreLayout();
    if (session_.sideCount() > 0) {
        onSidesChanged();
        onRestarted();
    }
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
}

QWidget* MainWindow::buildCentralWidget()
{
    panelScroll_->setWidget(panel_);
    panelScroll_->setWidgetResizable(true);
    panelScroll_->setFrameShape(QFrame::NoFrame);
    panelScroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    fitPanelWidth();
    panel_->installEventFilter(this);

    // The preset's note spans the stage and the charts: fewer lines, more room for the picture.
    presetNote_->setObjectName(QStringLiteral("presetNote"));
    presetNote_->setWordWrap(true);
    presetNote_->setContentsMargins(12, 6, 12, 6);
    presetNote_->setTextFormat(Qt::RichText);
    presetNote_->setAccessibleName(tr("About this preset"));
    presetNote_->installEventFilter(this);
    presetNote_->hide();

    splitter_->addWidget(panelScroll_);
    splitter_->addWidget(stages_);
    splitter_->addWidget(charts_);
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
    layout->addWidget(lessonPlayer_);
    layout->addWidget(splitter_, 1);
    layout->addWidget(transportHolder_);
    return central;
}

void MainWindow::connectSession()
{
    RunController& runs = session_.runs();
    connect(panel_, &ParameterPanel::scenarioChanged, &session_, &Session::edit);
    connect(panel_, &ParameterPanel::refused, this, [this](const QString& message) {
        // Not modal for the run: the current one carries on behind the message.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Data File"), tr("The file was not used:\n%1").arg(message),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(&session_, &Session::panelScenarioChanged, panel_, &ParameterPanel::setScenario);
    connect(&session_, &Session::presetNoteChanged, this, &MainWindow::showPresetNote);
    connect(&runs, &RunController::sidesChanged, this, &MainWindow::onSidesChanged);
    connect(&runs, &RunController::restarted, this, &MainWindow::onRestarted);
    connect(&runs, &RunController::generationArrived, this, &MainWindow::onGenerationArrived);
    connect(&runs, &RunController::completed, this, [this] {
        updateStatus();
        emit runCompleted();
    });
    connect(&runs, &RunController::failed, this, [this](const QString& message) {
        session_.playback().setPlaying(false);
        status_->setText(tr("The run stopped: %1").arg(message));
    });
    connect(&session_.playback(), &Playback::shownChanged, this, &MainWindow::showGeneration);
}

void MainWindow::connectTransport()
{
    Playback& playback = session_.playback();
    connect(&playback, &Playback::playingChanged, transport_, &TransportBar::setPlaying);
    connect(transport_, &TransportBar::playToggled, &playback, &Playback::togglePlay);
    connect(transport_, &TransportBar::resetRequested, &playback, [&playback] { playback.show(0); });
    connect(transport_, &TransportBar::stepBackRequested, &playback, [&playback] { playback.step(-1); });
    connect(transport_, &TransportBar::stepForwardRequested, &playback, [&playback] { playback.step(+1); });
    connect(transport_, &TransportBar::scrubbed, &playback, &Playback::goTo);
    connect(transport_, &TransportBar::chainPicked, &session_, &Session::showChain);
    connect(transport_, &TransportBar::typicalChainRequested, this,
            [this] { session_.showChain(session_.runs().typicalChain()); });
    connect(transport_, &TransportBar::speedChanged, this, [&playback](TransportBar::Speed speed) {
        playback.setGenerationsPerSecond(TransportBar::generationsPerSecond(speed));
        Settings::setPlaybackSpeed(static_cast<int>(speed));
    });
    transport_->setSpeed(static_cast<TransportBar::Speed>(std::clamp(Settings::playbackSpeed(), 0, 2)));
    playback.setGenerationsPerSecond(TransportBar::generationsPerSecond(transport_->speed()));
}

void MainWindow::restoreLayout()
{
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

// ---- Scenarios, presets and files ----------------------------------------------------------------

void MainWindow::openPreset(const std::string& name, const std::vector<Override>& overrides)
{
    if (presetNamed(name).sweep) {
        openSweepWindow()->loadPreset(name);
        return;
    }
    session_.openPreset(name, overrides);
}

void MainWindow::openLesson(Lesson lesson, int step)
{
    lessonPlayer_->play(std::move(lesson), step);
    // The remote's keys and the answers' numbers go to the lesson, not to a control that would take them
    // as typing (a spin box takes a digit before any shortcut sees it).
    lessonPlayer_->setFocus();
}

void MainWindow::showPresetNote(const QString& title, const QString& summary)
{
    if (title.isEmpty()) {
        presetNote_->hide();
        return;
    }
    presetNote_->setText(QStringLiteral("<b>%1.</b> %2").arg(title.toHtmlEscaped(), summary.toHtmlEscaped()));
    presetNote_->show();
    fitPresetNote();
}

namespace {
// The local file a drag brings, or nothing.
QString draggedFile(const QDropEvent& event)
{
    const QList<QUrl> urls = event.mimeData()->urls();
    return !urls.isEmpty() && urls.front().isLocalFile() ? urls.front().toLocalFile() : QString();
}
} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!draggedFile(*event).isEmpty()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    if (const QString file = draggedFile(*event); !file.isEmpty()) {
        event->acceptProposedAction();
        files_->open(file);
    }
}

// ---- Sides, runs and the generation on stage -----------------------------------------------------

void MainWindow::onSidesChanged()
{
    // Each new comparison folds the panel where the room asks for it, whatever F9 did for the last.
    panelInsisted_ = false;
    stages_->matchSides();
    menus_->showSideCount(session_.sideCount());
    panel_->setScenario(session_.scenario());
    arrangeColumns();
}

void MainWindow::onRestarted()
{
    std::vector<Scenario> others;
    for (int side = 1; side < session_.sideCount(); ++side) {
        others.push_back(session_.scenario(side));
    }
    panel_->setOtherSides(std::move(others));
    rebuildViews();
    Settings::setLastScenario(QString::fromStdString(serializeScenario(session_.scenario())));
    const Scenario& first = session_.scenario();
    transport_->showPosition(0, 0, first.generations);
    transport_->showChain(std::min(session_.runs().shownChain(), first.replicates - 1), first.replicates);
    updateStatus();
    emit runRestarted();
}

void MainWindow::rebuildViews(bool fresh)
{
    const int shown = session_.playback().shown();
    stages_->rebuild(fresh, shown);
    charts_->rebuild(fresh);
    arrangeColumns();
    if (shown >= 0) {
        charts_->refreshAll();
        showGeneration(shown);
    }
}

void MainWindow::onGenerationArrived()
{
    transport_->showPosition(std::max(session_.playback().shown(), 0), session_.runs().availableGenerations(),
                             session_.scenario().generations);
    charts_->generationsArrived();
    updateStatus();
}

void MainWindow::goToGeneration(int generation)
{
    session_.playback().setPlaying(false);
    charts_->refreshAll();
    session_.playback().show(generation);
}

void MainWindow::showGeneration(int generation)
{
    const int available = session_.runs().availableGenerations();
    if (available <= 0 || generation < 0) {
        return;
    }
    stages_->showGeneration(generation);
    charts_->setCurrentGeneration(generation);
    transport_->showPosition(generation, available, session_.scenario().generations);
    emit frameShown(generation);
}

void MainWindow::updateStatus()
{
    // A failure stays in view.
    if (!session_.runs().hasFailed()) {
        status_->setText(session_.runs().statusText());
    }
}

// ---- Sweeps and the paper --------------------------------------------------------------------------

SweepWindow* MainWindow::openSweepWindow()
{
    if (sweepWindow_ == nullptr) {
        sweepWindow_ = new SweepWindow(this);
        connect(sweepWindow_, &SweepWindow::cellOpened, this, [this](const Scenario& cell) {
            session_.open(cell);
            raise();
            activateWindow();
        });
    }
    sweepWindow_->show();
    sweepWindow_->raise();
    sweepWindow_->activateWindow();
    return sweepWindow_;
}

// ---- Presenter mode, themes and layout -------------------------------------------------------------

void MainWindow::setPresenterMode(bool on)
{
    if (on == presenting_) {
        return;
    }
    presenting_ = on;
    menus_->showPresenterMode(on);
    // Larger type where the screen has the pixels for it: a 1024 x 768 projector is large already.
    const QScreen* presenterScreen = screen();
    const double roomForType = presenterScreen != nullptr ? presenterScreen->size().height() / 830.0 : 1.0;
    sizes::typeScale = on ? std::clamp(roomForType, 1.0, kPresenterTypeScale) : 1.0;
    if (sweepWindow_ != nullptr) {
        sweepWindow_->refreshStyle();
    }
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
    updateNoteStyle();
    rebuildViews(true);
    arrangeColumns();
}

void MainWindow::setTheme(Theme theme)
{
    applyTheme(theme);
    Settings::setTheme(static_cast<int>(theme));
    menus_->showTheme(theme);
    updateNoteStyle();
    transport_->refreshIcons();
    panel_->applyThemeColours();
    rebuildViews(true);
    if (sweepWindow_ != nullptr) {
        sweepWindow_->refreshStyle();
    }
}

void MainWindow::setPanelShown(bool shown)
{
    // Asked for by name (F9), the panel stays even where a comparison would fold it away.
    panelWanted_ = shown;
    panelInsisted_ = shown;
    arrangeColumns();
}

bool MainWindow::isPanelShown() const
{
    return !panelScroll_->isHidden();
}

void MainWindow::setStageLayout(StageArea::Layout layout)
{
    if (layout == stages_->layout()) {
        return;
    }
    stages_->setLayout(layout);
    menus_->showStageLayout(layout);
    // The chains drawn small come with a run that carries them: the runs are computed again, and the
    // stage comes back to the generation it showed.
    session_.showManyChains(layout == StageArea::Layout::ManyChains);
    rebuildViews();
}

StageArea::Layout MainWindow::stageLayout() const
{
    return stages_->layout();
}

void MainWindow::keepSize(QSize size)
{
    sizeKept_ = true;
    arrangeColumns(size.width());
    resize(size);
}

void MainWindow::fitToScreen()
{
    const QSize room = roomOnScreen(*this);
    if (room.isEmpty() || isFullScreen() || sizeKept_) {
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
    const int arranged = forWidth >= 0 ? forWidth : width();
    // A comparison on a window too narrow for the panel, its stages and the charts side by side (a
    // 1024-pixel projector) folds the panel away rather than squeeze the pictures: the stages and the
    // charts are what the hall reads, and F9 brings the panel back.
    const int stages = std::max(session_.sideCount(), stages_->stagesInARow());
    const bool foldForRoom = stages > 1 && !panelInsisted_ &&
                             arranged < panelScroll_->minimumWidth() + stages * kNarrowestStage + kNarrowestChart + 40;
    const bool panelShown = panelWanted_ && !presenting_ && !foldForRoom;
    if (panelScroll_->isHidden() == panelShown) {
        panelScroll_->setVisible(panelShown);
    }
    if (menus_ != nullptr) {
        menus_->showPanelShown(panelShown);
    }
    const int panel = panelShown ? panelScroll_->minimumWidth() : 0;
    const int needed = panel + stages * kNarrowestStage + kNarrowestChart + 40;
    const bool below = arranged < needed;
    // Under the stages, the charts go four to a row where each keeps a readable width, else two. Two rows
    // halve every chart's height, so one row is kept down to the smallest readable width, the gaps between
    // the charts counted.
    const int count = std::max(1, static_cast<int>(charts_->charts().size()));
    const int rowWidth = arranged - panel - 40 - (count - 1) * charts_->layout()->spacing();
    const int belowColumns = rowWidth / count >= MetricChart::kSmallest.width() ? count : 2;
    if (below == charts_->isBelow() && (!below || belowColumns == belowColumns_)) {
        return;
    }
    if (below) {
        stages_->placeBelow(charts_);
    } else {
        splitter_->addWidget(charts_);
        splitter_->setStretchFactor(2, 2);
        // Back beside the stages: the charts get their third of the room again.
        const int room = std::max(arranged - panel, 2 * kNarrowestChart);
        splitter_->setSizes({panel > 0 ? kPanelWidth : 0, room * 2 / 3 - kPanelWidth / 2, room / 3});
    }
    belowColumns_ = belowColumns;
    charts_->setPlacement(below, belowColumns);
}

void MainWindow::showControls()
{
    transport_->show();
    unsetCursor();
    if (presenting_) {
        controlsTimer_.start();
    }
}

void MainWindow::fitPanelWidth()
{
    // As narrow as the panel's widest control allows, so nothing in it is cut off; another model brings
    // other controls, and values in other words.
    const int width = std::max(kSmallestPanelWidth,
                               panel_->minimumSizeHint().width() + panelScroll_->verticalScrollBar()->sizeHint().width());
    if (width != panelScroll_->minimumWidth()) {
        panelScroll_->setMinimumWidth(width);
        arrangeColumns();
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == panel_ && event->type() == QEvent::LayoutRequest) {
        fitPanelWidth();
    }
    if (watched == presetNote_ && event->type() == QEvent::Resize) {
        fitPresetNote();
    }
    if (presenting_ && (event->type() == QEvent::MouseMove || event->type() == QEvent::KeyPress)) {
        showControls();
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::fitPresetNote()
{
    if (!presetNote_->isHidden() &&
        !fitLabel(presetNote_, 3, scaledFont(sizes::bodyPoint).pointSizeF(), 0.8 * sizes::bodyPoint * sizes::typeScale)) {
        noteElidedText(presetNote_->text());
    }
}

void MainWindow::updateNoteStyle()
{
    stages_->refreshStyle();
    lessonPlayer_->refreshStyle();
    // A tinted box with an orange edge: the preset's note (the narration under the stages has a blue one).
    presetNote_->setFont(scaledFont(sizes::bodyPoint));
    presetNote_->setStyleSheet(QStringLiteral("background: %1; color: %2; border-left: 6px solid %3;")
                                   .arg(colours::panel.name(), colours::text.name(), colours::accent.name()));
    fitPresetNote();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (presenting_) {
        setPresenterMode(false);
    }
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
    Settings::setSplitterState(splitter_->saveState());
    session_.runs().stop();
    QMainWindow::closeEvent(event);
}

} // namespace collapse::ui
