#include "ui/sweep_worker.h"

namespace collapse::ui {

SweepWorker::~SweepWorker()
{
    abortAndWait();
}

quint64 SweepWorker::restart(const SweepPlan& plan, const std::vector<std::size_t>& cells)
{
    return RestartableThread::restart([this, plan, cells](quint64 request, const std::atomic<bool>& cancel) {
        try {
            const bool finished = runSweepCells(
                plan, cells,
                [&](std::size_t cell, const std::string& rows) {
                    emit cellFinished(request, cell, QString::fromStdString(rows));
                },
                &cancel);
            if (finished) {
                emit sweepFinished(request);
            }
        } catch (const std::exception& error) {
            emit sweepFailed(request, QString::fromUtf8(error.what()));
        }
    });
}

} // namespace collapse::ui
