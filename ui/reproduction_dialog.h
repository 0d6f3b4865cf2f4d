#pragma once

#include "core/reproduction.h"
#include "ui/restartable_thread.h"

#include <QDialog>
#include <QString>

#include <filesystem>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace collapse::ui {

class PaperReproduction;

// The thread that computes a reproduction's runs for the dialog (a RestartableThread, so Cancel and
// closing the window stop it within a generation).
class ReproductionWorker : public RestartableThread {
    Q_OBJECT

public:
    explicit ReproductionWorker(QObject* parent = nullptr) : RestartableThread(parent) {}
    ~ReproductionWorker() override;

    quint64 restart(PaperReproduction& reproduction);

signals:
    void progressed(quint64 request, int run, int runs, const QString& name, int generation, int generations);
    void computed(quint64 request);
    void failed(quint64 request, const QString& message);
};

// Help ▸ Reproduce the Paper…: runs a reproduction plan on the worker with a progress bar and Cancel, then
// writes the report into `folder` (whole or not at all) and says where. The window opens the PDF.
class ReproductionDialog : public QDialog {
    Q_OBJECT

public:
    ReproductionDialog(ReproductionPlan plan, std::filesystem::path folder, QWidget* parent = nullptr);
    ~ReproductionDialog() override;

    // Help ▸ Reproduce the Paper…: the quick scale into <parentFolder>/paper-reproduction (asked for when
    // empty), started at once in a dialog of `window`'s; the PDF opens when it is written. Null when
    // nothing was started (no folder chosen, or one that cannot be written, which a message says).
    static ReproductionDialog* reproduceQuickly(QWidget* window, QString parentFolder = {});

    // Starts the runs (once); Cancel stops them and writes nothing.
    void start();
    bool isRunning() const { return running_; }
    QString statusText() const;
    int progressPercent() const;

signals:
    void reportWritten(const QString& pdfPath);

private:
    void showProgress(quint64 request, int run, int runs, const QString& name, int generation, int generations);
    void writeReport(quint64 request);
    void fail(quint64 request, const QString& message);
    void cancel();
    void finish(const QString& status);

    std::unique_ptr<PaperReproduction> reproduction_;
    std::filesystem::path folder_;
    ReproductionWorker* worker_;
    quint64 request_ = 0;
    bool running_ = false;
    qint64 startedMs_ = 0;
    QLabel* status_;
    QProgressBar* progress_;
    QPushButton* cancelOrClose_;
};

} // namespace collapse::ui
