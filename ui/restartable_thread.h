#pragma once

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <functional>

namespace collapse::ui {

// A thread that runs one job at a time for the window, after Qt's Mandelbrot example: restart() hands a
// job in under a mutex and returns its request number; the thread sets the running job's cancel flag
// (which the job checks often), then starts the new one. stop() cancels without a new job. The window
// drops whatever a signal of an older request still carries. Derived classes call abortAndWait() in their
// destructor, before their signals go away; no thread is left behind.
class RestartableThread : public QThread {
    Q_OBJECT

public:
    // The work: `request` is the number restart() returned, `cancel` set once it is superseded.
    using Job = std::function<void(quint64 request, const std::atomic<bool>& cancel)>;

    explicit RestartableThread(QObject* parent = nullptr) : QThread(parent) {}
    ~RestartableThread() override;

    quint64 restart(Job job);
    void stop();
    // Cancels the work and waits for the thread to end, for an owner whose data the job reads.
    void abortAndWait();
    // Cancels the work and lets the thread end when the job next looks at its flag, without waiting: for
    // a thread whose job reads nothing of its owner's (retire()).
    void abort();
    // Ends the thread in its own time and then deletes it, its signals cut from everything now: the
    // window goes on at once, where waiting could take as long as one generation of a slow model.
    void retire();

protected:
    void run() override;

private:
    QMutex mutex_;
    QWaitCondition wake_;
    Job pending_;
    quint64 request_ = 0;
    quint64 started_ = 0;
    bool abort_ = false;
    std::atomic<bool> cancel_{false};
};

} // namespace collapse::ui
