#include "ui/restartable_thread.h"

#include <QMutexLocker>

namespace collapse::ui {

RestartableThread::~RestartableThread()
{
    abortAndWait();
}

void RestartableThread::abortAndWait()
{
    abort();
    wait();
}

void RestartableThread::abort()
{
    QMutexLocker lock(&mutex_);
    abort_ = true;
    cancel_ = true;
    wake_.wakeOne();
}

void RestartableThread::retire()
{
    disconnect();
    connect(this, &QThread::finished, this, &QObject::deleteLater);
    abort();
    // Ended already (or never started): no finished() is to come.
    if (!isRunning()) {
        deleteLater();
    }
}

quint64 RestartableThread::restart(Job job)
{
    QMutexLocker lock(&mutex_);
    pending_ = std::move(job);
    ++request_;
    cancel_ = true;
    if (!isRunning()) {
        // Idle priority (SCHED_IDLE on Linux, inherited by the OpenMP threads this thread starts): the
        // work uses every core the window leaves free, and the window never waits for it.
        start(QThread::IdlePriority);
    } else {
        wake_.wakeOne();
    }
    return request_;
}

void RestartableThread::stop()
{
    QMutexLocker lock(&mutex_);
    started_ = request_;
    cancel_ = true;
}

void RestartableThread::run()
{
    forever {
        Job job;
        quint64 request = 0;
        {
            QMutexLocker lock(&mutex_);
            while (!abort_ && started_ == request_) {
                wake_.wait(&mutex_);
            }
            if (abort_) {
                return;
            }
            job = pending_;
            request = request_;
            started_ = request_;
            cancel_ = false;
        }
        job(request, cancel_);
    }
}

} // namespace collapse::ui
