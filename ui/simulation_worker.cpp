#include "ui/simulation_worker.h"

#include <QMutexLocker>

namespace collapse::ui {

SimulationWorker::SimulationWorker(QObject* parent) : QThread(parent)
{
    qRegisterMetaType<SnapshotPointer>();
}

SimulationWorker::~SimulationWorker()
{
    {
        QMutexLocker lock(&mutex_);
        abort_ = true;
        cancel_ = true;
        wake_.wakeOne();
    }
    wait();
}

quint64 SimulationWorker::restart(const Scenario& scenario, int shownReplicate)
{
    QMutexLocker lock(&mutex_);
    pending_ = scenario;
    pendingReplicate_ = shownReplicate;
    ++request_;
    cancel_ = true;
    if (!isRunning()) {
        // Idle priority (SCHED_IDLE on Linux, inherited by the OpenMP threads this thread starts): the
        // simulation uses every core the window leaves free, and the window never waits for it.
        start(QThread::IdlePriority);
    } else {
        wake_.wakeOne();
    }
    return request_;
}

void SimulationWorker::stop()
{
    QMutexLocker lock(&mutex_);
    started_ = request_;
    cancel_ = true;
}

void SimulationWorker::run()
{
    forever {
        Scenario scenario;
        int shownReplicate = 0;
        quint64 request = 0;
        {
            QMutexLocker lock(&mutex_);
            while (!abort_ && started_ == request_) {
                wake_.wait(&mutex_);
            }
            if (abort_) {
                return;
            }
            scenario = pending_;
            shownReplicate = pendingReplicate_;
            request = request_;
            started_ = request_;
            cancel_ = false;
        }
        try {
            Engine engine(scenario);
            engine.setShownReplicate(shownReplicate);
            emit runStarted(request);
            const auto outcome = engine.run(
                [&](GenerationSnapshot&& snapshot) {
                    emit generationReady(request, std::make_shared<const GenerationSnapshot>(std::move(snapshot)));
                },
                &cancel_);
            if (outcome == Engine::Outcome::Finished) {
                emit runFinished(request);
            }
        } catch (const std::exception& error) {
            emit runFailed(request, QString::fromUtf8(error.what()));
        }
    }
}

} // namespace collapse::ui
