#pragma once

#include "core/sweep.h"
#include "ui/restartable_thread.h"

#include <vector>

namespace collapse::ui {

// The thread that runs a sweep's cells for the sweep window (a RestartableThread, with the same
// cancel-and-restart protocol as a run's SimulationWorker): each finished cell leaves by queued signal
// with its rows of sweep.csv, tagged with the request it answers.
class SweepWorker : public RestartableThread {
    Q_OBJECT

public:
    explicit SweepWorker(QObject* parent = nullptr) : RestartableThread(parent) {}
    ~SweepWorker() override;

    // Cancels what runs and starts `cells` of `plan`, the most expensive first; returns the request
    // number the signals carry.
    quint64 restart(const SweepPlan& plan, const std::vector<std::size_t>& cells);

signals:
    void cellFinished(quint64 request, quint64 cell, const QString& rows);
    void sweepFinished(quint64 request);
    void sweepFailed(quint64 request, const QString& message);
};

} // namespace collapse::ui
