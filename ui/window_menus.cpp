#include "ui/window_menus.h"

#include "core/scenario_sources.h"
#include "ui/chart_panel.h"
#include "ui/export_actions.h"
#include "ui/file_actions.h"
#include "ui/help_dialogs.h"
#include "ui/preset_texts.h"
#include "ui/reproduction_dialog.h"
#include "ui/session.h"
#include "ui/settings.h"
#include "ui/transport_bar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>

namespace collapse::ui {

WindowMenus::WindowMenus(QMainWindow& window, Session& session, TransportBar& transport, ExportActions& exports,
                         FileActions& files, WindowCommands commands)
    : QObject(&window), window_(window), session_(session), transport_(transport), exports_(exports), files_(files),
      commands_(std::move(commands))
{
    buildFileMenu();
    buildEditMenu();
    buildPresetsMenu();
    buildPlaybackMenu();
    buildViewMenu();
    buildHelpMenu();
    // Shortcuts work in presenter mode too, with the menu bar hidden.
    for (QAction* menu : window_.menuBar()->actions()) {
        window_.addActions(menu->menu()->actions());
    }
}

void WindowMenus::buildFileMenu()
{
    QMenu* file = window_.menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Scenario…"), QKeySequence::Open, &files_, &FileActions::openDialog);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &WindowMenus::rebuildRecentMenu);
    file->addAction(tr("&Save Scenario…"), QKeySequence::Save, &files_, &FileActions::saveDialog);
    file->addAction(tr("S&hare…"), QKeySequence(tr("Ctrl+Shift+H")), &files_, &FileActions::shareDialog);
    file->addAction(tr("Open Share &Code…"), QKeySequence(tr("Ctrl+Shift+O")), &files_, &FileActions::openShareCodeDialog);
    file->addAction(tr("New S&weep…"), QKeySequence(tr("Ctrl+Shift+W")), this, [this] { commands_.newSweep(); });
    file->addSeparator();
    file->addAction(tr("Export &Figure…"), QKeySequence(tr("Ctrl+E")), &exports_, &ExportActions::exportFigure);
    file->addAction(tr("Export &Animation…"), QKeySequence(tr("Ctrl+Shift+E")), &exports_, &ExportActions::exportAnimation);
    file->addAction(tr("Export &Data…"), QKeySequence(tr("Ctrl+Shift+D")), &exports_, &ExportActions::exportData);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, &window_, &QWidget::close);
}

void WindowMenus::buildEditMenu()
{
    QMenu* edit = window_.menuBar()->addMenu(tr("&Edit"));
    QAction* undo = session_.undoStack().createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence(tr("Ctrl+Z")));
    undo->setProperty("shortcutName", tr("Undo the last parameter change"));
    QAction* redo = session_.undoStack().createRedoAction(this, tr("&Redo"));
    redo->setProperty("shortcutName", tr("Redo the parameter change undone last"));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    edit->addAction(undo);
    edit->addAction(redo);
}

void WindowMenus::buildPresetsMenu()
{
    QMenu* presets = window_.menuBar()->addMenu(tr("&Presets"));
    int number = 0;
    for (const Preset& preset : builtinPresets()) {
        QAction* action = presets->addAction(presetTitle(preset));
        action->setToolTip(presetSummary(preset));
        if (++number <= 9) {
            action->setShortcut(QKeySequence(tr("Ctrl+%1").arg(number)));
        }
        const std::string name = preset.name;
        connect(action, &QAction::triggered, this, [this, name] { commands_.openPreset(name); });
    }
    presets->setToolTipsVisible(true);
}

void WindowMenus::buildPlaybackMenu()
{
    QMenu* playback = window_.menuBar()->addMenu(tr("P&layback"));
    Playback& clock = session_.playback();
    TransportBar& transport = transport_;
    const auto add = [this, playback](const QString& text, const QKeySequence& key, auto slot) {
        QAction* action = playback->addAction(text, this, slot);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
    };
    add(tr("Play or Pause"), QKeySequence(Qt::Key_Space), [&clock] { clock.togglePlay(); });
    add(tr("One Generation Back"), QKeySequence(Qt::Key_Left), [&clock] { clock.step(-1); });
    add(tr("One Generation Forward"), QKeySequence(Qt::Key_Right), [&clock] { clock.step(+1); });
    add(tr("Back to Generation 0"), QKeySequence(Qt::Key_Home), [&clock] { clock.show(0); });
    add(tr("Last Generation"), QKeySequence(Qt::Key_End),
        [this, &clock] { clock.goTo(session_.runs().availableGenerations() - 1); });
    add(tr("Slower"), QKeySequence(Qt::Key_BracketLeft), [&transport] { transport.changeSpeed(-1); });
    add(tr("Faster"), QKeySequence(Qt::Key_BracketRight), [&transport] { transport.changeSpeed(+1); });
}

void WindowMenus::buildViewMenu()
{
    QMenu* view = window_.menuBar()->addMenu(tr("&View"));
    presenterAction_ = view->addAction(tr("&Presenter Mode"), this, [this](bool on) { commands_.setPresenterMode(on); });
    presenterAction_->setCheckable(true);
    presenterAction_->setShortcut(QKeySequence(Qt::Key_F11));
    leavePresenterAction_ = view->addAction(tr("Leave Presenter Mode"), this, [this] { commands_.setPresenterMode(false); });
    leavePresenterAction_->setShortcut(QKeySequence(Qt::Key_Escape));
    leavePresenterAction_->setEnabled(false);
    screenMenu_ = view->addMenu(tr("Presenter &Screen"));
    connect(screenMenu_, &QMenu::aboutToShow, this, &WindowMenus::rebuildScreenMenu);
    panelAction_ = view->addAction(tr("&Parameters Panel"), this, [this](bool on) { commands_.setPanelShown(on); });
    panelAction_->setCheckable(true);
    panelAction_->setChecked(true);
    panelAction_->setShortcut(QKeySequence(Qt::Key_F9));
    view->addSeparator();
    themeGroup_ = addChoices(view,
                             {{tr("&Light Theme"), static_cast<int>(Theme::Light), QKeySequence(tr("Ctrl+Shift+L"))},
                              {tr("&Dark Theme"), static_cast<int>(Theme::Dark), QKeySequence(tr("Ctrl+Shift+K"))},
                              {tr("P&rojector Theme"), static_cast<int>(Theme::Projector), QKeySequence(tr("Ctrl+Shift+P"))}},
                             static_cast<int>(currentTheme()), [this](int theme) { commands_.setTheme(static_cast<Theme>(theme)); });
    view->addSeparator();
    // What the stage shows: one chain, its generation 0 beside it, or nine chains at once.
    // Then and Now and Many Chains toggle: their key again returns to one chain.
    using Layout = StageArea::Layout;
    stageLayoutGroup_ = addChoices(view,
                                   {{tr("O&ne Chain"), static_cast<int>(Layout::OneChain), QKeySequence()},
                                    {tr("&Then and Now"), static_cast<int>(Layout::ThenAndNow), QKeySequence(tr("Ctrl+Shift+T"))},
                                    {tr("&Many Chains"), static_cast<int>(Layout::ManyChains), QKeySequence(tr("Ctrl+Shift+M"))}},
                                   static_cast<int>(Layout::OneChain), [this](int chosen) {
                                       const auto layout = static_cast<Layout>(chosen);
                                       commands_.setStageLayout(layout == commands_.stageLayout() ? Layout::OneChain : layout);
                                   });
    view->addSeparator();
    // Ctrl with + and - as in any viewer; a chart that has the keyboard also takes +, - and 0 alone.
    ChartPanel* charts = commands_.charts;
    view->addAction(tr("Zoom Charts &In"), QKeySequence::ZoomIn, charts, &ChartPanel::zoomIn);
    view->addAction(tr("Zoom Charts &Out"), QKeySequence::ZoomOut, charts, &ChartPanel::zoomOut);
    view->addAction(tr("Charts: &All Generations"), QKeySequence(tr("Ctrl+0")), charts, &ChartPanel::resetZoom);
    view->addSeparator();
    firstSideOnlyAction_ = view->addAction(tr("Show the &First Side Only"), this, [this] { session_.showFirstSideOnly(); });
    firstSideOnlyAction_->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
}

void WindowMenus::buildHelpMenu()
{
    QMenu* help = window_.menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("About &Model Collapse"), QKeySequence::HelpContents, this, [this] { ModelCollapseHelp(&window_).exec(); });
    help->addAction(tr("&Keyboard Shortcuts"), QKeySequence(tr("Ctrl+/")), this, &WindowMenus::showKeyboardShortcuts);
    help->addSeparator();
    help->addAction(tr("&Reproduce the Paper…"), this, [this] { ReproductionDialog::reproduceQuickly(&window_); });
    help->addSeparator();
    help->addAction(tr("&About Collapse Lab"), QKeySequence(tr("Ctrl+Shift+F1")), this, [this] {
        QMessageBox::about(&window_, tr("About Collapse Lab"),
                           tr("<h3>Collapse Lab %1</h3><p>Watch generative models forget: each generation is "
                              "trained on data made by the one before.</p><p>Shumailov et al., \"AI models "
                              "collapse when trained on recursively generated data\", Nature 631 (2024).</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void WindowMenus::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QStringList files = Settings::recentScenarioFiles();
    for (const QString& path : files) {
        recentMenu_->addAction(QDir::toNativeSeparators(path), this, [this, path] { files_.open(path); });
    }
    if (files.isEmpty()) {
        recentMenu_->addAction(tr("No scenario files yet"))->setEnabled(false);
    }
}

void WindowMenus::rebuildScreenMenu()
{
    screenMenu_->clear();
    qDeleteAll(screenMenu_->findChildren<QActionGroup*>());
    auto* group = new QActionGroup(screenMenu_);
    const QString chosen = Settings::presenterScreen();
    for (QScreen* screen : QGuiApplication::screens()) {
        QAction* action = screenMenu_->addAction(
            tr("%1 (%2×%3)").arg(screen->name()).arg(screen->size().width()).arg(screen->size().height()));
        action->setCheckable(true);
        action->setChecked(screen->name() == chosen || (chosen.isEmpty() && screen == window_.screen()));
        group->addAction(action);
        const QString name = screen->name();
        connect(action, &QAction::triggered, this, [name] { Settings::setPresenterScreen(name); });
    }
}

void WindowMenus::showKeyboardShortcuts()
{
    QList<QPair<QString, QAction*>> actions;
    for (QAction* menu : window_.menuBar()->actions()) {
        for (QAction* action : menu->menu()->actions()) {
            if (!action->isSeparator() && action->menu() == nullptr) {
                actions.append({menu->text(), action});
            }
        }
    }
    KeyboardShortcutsHelp(actions, &window_).exec();
}

void WindowMenus::showPresenterMode(bool on)
{
    presenterAction_->setChecked(on);
    leavePresenterAction_->setEnabled(on);
}

QActionGroup* WindowMenus::addChoices(QMenu* menu, const std::vector<Choice>& choices, int current,
                                      const std::function<void(int)>& chosen)
{
    auto* group = new QActionGroup(this);
    for (const Choice& choice : choices) {
        QAction* action = menu->addAction(choice.text, this, [chosen, value = choice.value] { chosen(value); });
        action->setCheckable(true);
        action->setShortcut(choice.key);
        action->setData(choice.value);
        group->addAction(action);
    }
    check(group, current);
    return group;
}

void WindowMenus::check(QActionGroup* group, int value)
{
    for (QAction* action : group->actions()) {
        action->setChecked(action->data().toInt() == value);
    }
}

void WindowMenus::showStageLayout(StageArea::Layout layout)
{
    check(stageLayoutGroup_, static_cast<int>(layout));
}

void WindowMenus::showTheme(Theme theme)
{
    check(themeGroup_, static_cast<int>(theme));
}

void WindowMenus::showSideCount(int sides)
{
    firstSideOnlyAction_->setEnabled(sides > 1);
}

void WindowMenus::showPanelShown(bool shown)
{
    panelAction_->setChecked(shown);
}

} // namespace collapse::ui
