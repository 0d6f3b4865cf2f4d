#pragma once

#include "ui/figure_renderer.h"
#include "ui/run_history.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QWidget;

namespace collapse::ui {

class Playback;
class RunController;

// The window's three exports — a figure, an animation, the data — each from its dialog to the files,
// with progress, cancel and a message for what went wrong.
class ExportActions : public QObject {
    Q_OBJECT

public:
    // `status` shows a passing message (the window's status bar).
    ExportActions(QWidget* window, RunController& runs, Playback& playback, std::function<void(const QString&)> status);

    void exportFigure();
    void exportAnimation();
    void exportData();

private:
    // The runs so far, copied so that an export is not disturbed by generations still arriving, with
    // their labels; `labelled` points into `histories`.
    struct ExportRuns {
        std::vector<RunHistory> histories;
        QVector<LabelledHistory> labelled;
    };
    // Empty (after saying why) when nothing has been computed yet.
    std::optional<ExportRuns> runsToExport(const QString& title);

    QWidget* window_;
    RunController& runs_;
    Playback& playback_;
    std::function<void(const QString&)> status_;
};

} // namespace collapse::ui
