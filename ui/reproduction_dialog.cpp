#include "ui/reproduction_dialog.h"

#include "core/output_files.h"
#include "ui/paper_report.h"
#include "ui/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

#include <omp.h>

namespace collapse::ui {

ReproductionWorker::~ReproductionWorker()
{
    abortAndWait();
}

quint64 ReproductionWorker::restart(PaperReproduction& reproduction)
{
    return RestartableThread::restart([this, &reproduction](quint64 request, const std::atomic<bool>& cancel) {
        try {
            // A generation of a small Gaussian takes microseconds: the window hears of a new run, of its end
            // and otherwise at most every 50 ms, never a flood of signals.
            QElapsedTimer sinceSignal;
            int signalledRun = 0;
            const bool finished = reproduction.compute(
                [&](const ReproductionProgress& where) {
                    if (where.run == signalledRun && where.generation < where.generations && sinceSignal.isValid() &&
                        sinceSignal.elapsed() < 50) {
                        return;
                    }
                    signalledRun = where.run;
                    sinceSignal.start();
                    emit progressed(request, where.run, where.runs, QString::fromStdString(where.name), where.generation,
                                    where.generations);
                },
                &cancel);
            if (finished) {
                emit computed(request);
            }
        } catch (const std::exception& error) {
            emit failed(request, QString::fromUtf8(error.what()));
        }
    });
}

ReproductionDialog::ReproductionDialog(ReproductionPlan plan, std::filesystem::path folder, QWidget* parent)
    : QDialog(parent), reproduction_(std::make_unique<PaperReproduction>(std::move(plan))), folder_(std::move(folder)),
      worker_(new ReproductionWorker(this)), status_(new QLabel(this)), progress_(new QProgressBar(this)),
      cancelOrClose_(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(tr("Reproduce the Paper"));
    auto* about = new QLabel(
        tr("Reruns the experiments of Shumailov et al. (Nature 2024) at the quick scale, about a minute on two "
           "cores, and writes a report that sets each of our numbers beside the paper's. The paper's own "
           "settings take longer: <code>collapselab-cli reproduce --scale paper</code>."),
        this);
    about->setWordWrap(true);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(cancelOrClose_, QDialogButtonBox::RejectRole);
    connect(cancelOrClose_, &QPushButton::clicked, this, [this] { running_ ? cancel() : reject(); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(progress_);
    layout->addWidget(status_);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);

    connect(worker_, &ReproductionWorker::progressed, this, &ReproductionDialog::showProgress);
    connect(worker_, &ReproductionWorker::computed, this, &ReproductionDialog::writeReport);
    connect(worker_, &ReproductionWorker::failed, this, &ReproductionDialog::fail);
}

ReproductionDialog::~ReproductionDialog()
{
    // The worker computes into reproduction_, which dies with this dialog: it must have stopped first.
    worker_->abortAndWait();
}

void ReproductionDialog::start()
{
    if (running_ || request_ != 0) {
        return;
    }
    running_ = true;
    startedMs_ = QDateTime::currentMSecsSinceEpoch();
    status_->setText(tr("Starting…"));
    request_ = worker_->restart(*reproduction_);
}

QString ReproductionDialog::statusText() const
{
    return status_->text();
}

int ReproductionDialog::progressPercent() const
{
    return progress_->value() / 10;
}

void ReproductionDialog::showProgress(quint64 request, int run, int runs, const QString& name, int generation,
                                      int generations)
{
    if (request != request_ || !running_) {
        return;
    }
    // Every run counts the same: the bar moves steadily enough to show the work is alive.
    const double done = (run - 1 + static_cast<double>(generation) / std::max(1, generations)) / std::max(1, runs);
    progress_->setValue(static_cast<int>(std::lround(1000.0 * done)));
    status_->setText(tr("Run %1 of %2, %3: generation %4 of %5").arg(run).arg(runs).arg(name).arg(generation).arg(generations));
}

void ReproductionDialog::writeReport(quint64 request)
{
    if (request != request_ || !running_) {
        return;
    }
    status_->setText(tr("Writing the report…"));
    QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    ReportContext context;
    context.version = QApplication::applicationVersion().toStdString();
    context.threads = omp_get_max_threads();
    context.wallSeconds = static_cast<double>(QDateTime::currentMSecsSinceEpoch() - startedMs_) / 1000.0;
    try {
        reproduction_->write(folder_, context);
    } catch (const std::exception& error) {
        fail(request, QString::fromUtf8(error.what()));
        return;
    }
    progress_->setValue(progress_->maximum());
    const QString pdf = QString::fromStdString((folder_ / "report.pdf").string());
    finish(tr("The report is written: %1").arg(pdf));
    emit reportWritten(pdf);
}

void ReproductionDialog::fail(quint64 request, const QString& message)
{
    if (request != request_ || !running_) {
        return;
    }
    status_->setStyleSheet(QStringLiteral("color: %1").arg(colours::tailsText.name()));
    finish(tr("Nothing was written: %1").arg(message));
}

void ReproductionDialog::cancel()
{
    worker_->stop();
    progress_->setValue(0);
    finish(tr("Cancelled; nothing was written."));
}

void ReproductionDialog::finish(const QString& status)
{
    running_ = false;
    status_->setText(status);
    cancelOrClose_->setText(tr("Close"));
}

ReproductionDialog* ReproductionDialog::reproduceQuickly(QWidget* window, QString parentFolder)
{
    if (parentFolder.isEmpty()) {
        parentFolder = QFileDialog::getExistingDirectory(
            window, tr("Where the Report's Folder Goes"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        if (parentFolder.isEmpty()) {
            return nullptr;
        }
    }
    // Its own folder, so that the report's data never mixes with what the chosen folder holds.
    const std::filesystem::path folder = std::filesystem::path(parentFolder.toStdString()) / "paper-reproduction";
    if (const std::string problem = outputTargetProblem(folder, true); !problem.empty()) {
        QMessageBox::warning(window, tr("Reproduce the Paper"),
                             tr("Cannot write %1: %2").arg(QString::fromStdString(folder.string()), QString::fromStdString(problem)));
        return nullptr;
    }
    auto* dialog = new ReproductionDialog(reproductionPlan(ReproductionScale::Quick), folder, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReproductionDialog::reportWritten, dialog,
            [](const QString& pdf) { QDesktopServices::openUrl(QUrl::fromLocalFile(pdf)); });
    dialog->show();
    dialog->start();
    return dialog;
}

} // namespace collapse::ui
