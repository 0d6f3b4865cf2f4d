#include "ui/export_actions.h"

#include "ui/animation_export.h"
#include "ui/export_dialog.h"
#include "ui/figure_export.h"
#include "ui/playback.h"
#include "ui/run_controller.h"
#include "ui/settings.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>

namespace collapse::ui {

ExportActions::ExportActions(QWidget* window, RunController& runs, Playback& playback,
                             std::function<void(const QString&)> status)
    : QObject(window), window_(window), runs_(runs), playback_(playback), status_(std::move(status))
{
}

std::optional<ExportActions::ExportRuns> ExportActions::runsToExport(const QString& title)
{
    if (runs_.availableGenerations() <= 0) {
        QMessageBox::information(window_, title, tr("Nothing to export yet: the first generation is still being computed."));
        return std::nullopt;
    }
    playback_.setPlaying(false);
    ExportRuns exported;
    exported.histories.reserve(static_cast<std::size_t>(runs_.sideCount()));
    for (int i = 0; i < runs_.sideCount(); ++i) {
        exported.histories.push_back(runs_.side(i).history);
        exported.labelled.append({runs_.side(i).label, &exported.histories.back()});
    }
    return exported;
}

void ExportActions::exportFigure()
{
    const QString title = tr("Export Figure");
    const auto exported = runsToExport(title);
    if (!exported) {
        return;
    }
    ExportDialog dialog(ExportDialog::Kind::Figure, std::max(playback_.shown(), 0), runs_.availableGenerations(),
                        runs_.sideCount(), window_);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    try {
        FigureRenderer renderer(exported->labelled, dialog.view());
        writeFigure(renderer, dialog.path(), dialog.figureOptions());
        status_(tr("Saved %1").arg(QDir::toNativeSeparators(dialog.path())));
    } catch (const ExportError& error) {
        QMessageBox::warning(window_, title, QString::fromStdString(error.what()));
    }
}

void ExportActions::exportAnimation()
{
    const QString title = tr("Export Animation");
    const auto exported = runsToExport(title);
    if (!exported) {
        return;
    }
    const int frames = runs_.availableGenerations();
    ExportDialog dialog(ExportDialog::Kind::Animation, std::max(playback_.shown(), 0), frames, runs_.sideCount(), window_);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QProgressDialog progress(tr("Rendering and encoding %1 generations…").arg(frames), tr("Cancel"), 0, frames, window_);
    progress.setWindowTitle(title);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    const ExportProgress report = [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        return !progress.wasCanceled();
    };
    try {
        FigureRenderer renderer(exported->labelled, dialog.view());
        const bool complete = dialog.framesToFolder()
                                  ? writeFrames(renderer, dialog.path(), dialog.animationOptions(), report)
                                  : writeAnimation(renderer, dialog.path(), dialog.animationOptions(), report);
        status_(complete ? tr("Saved %1").arg(QDir::toNativeSeparators(dialog.path()))
                         : tr("Export cancelled; nothing was written"));
    } catch (const ExportError& error) {
        progress.cancel();
        QMessageBox::warning(window_, title, QString::fromStdString(error.what()));
    }
}

void ExportActions::exportData()
{
    const QString title = tr("Export Data");
    if (runs_.hasFailed()) {
        QMessageBox::information(window_, title, tr("The run stopped before its end: there is no complete data to export."));
        return;
    }
    if (!runs_.isComplete()) {
        QMessageBox::information(window_, title, tr("The run is still being computed; export its data when it is done."));
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(
        window_, tr("Folder for metrics.csv, summary.csv and scenario.json"), Settings::exportFolder());
    if (folder.isEmpty()) {
        return;
    }
    Settings::setExportFolder(folder);
    try {
        runs_.saveRunData(folder);
        status_(tr("Saved metrics.csv, summary.csv and scenario.json in %1").arg(QDir::toNativeSeparators(folder)));
    } catch (const std::exception& error) {
        QMessageBox::warning(window_, title, QString::fromStdString(error.what()));
    }
}

} // namespace collapse::ui
