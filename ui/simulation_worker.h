#pragma once

#include "core/scenario.h"
#include "ui/snapshot.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <memory>

namespace collapse::ui {

// The one thread that runs the engine for the window. The window hands a scenario in with restart();
// the thread cancels whatever it is running (the engine checks the flag before every generation and
// replicate), starts the new run and emits each finished generation as an immutable snapshot by
// queued signal. Every signal carries the number of the request it answers, so the window can drop
// what a cancelled run still had in flight. The destructor aborts and waits: no thread is left behind.
class SimulationWorker : public QThread {
    Q_OBJECT

public:
    explicit SimulationWorker(QObject* parent = nullptr);
    ~SimulationWorker() override;

    // Cancels the current run and starts `scenario`, its snapshots carrying chain `shownReplicate`;
    // returns the request number its signals carry.
    quint64 restart(const Scenario& scenario, int shownReplicate = 0);
    // Cancels the current run and waits for the next restart().
    void stop();

signals:
    // The run's data is loaded and its first generation is being computed.
    void runStarted(quint64 request);
    void generationReady(quint64 request, const collapse::ui::SnapshotPointer& snapshot);
    void runFinished(quint64 request);
    void runFailed(quint64 request, const QString& message);

protected:
    void run() override;

private:
    QMutex mutex_;
    QWaitCondition wake_;
    Scenario pending_;
    int pendingReplicate_ = 0;
    quint64 request_ = 0;
    quint64 started_ = 0;
    bool abort_ = false;
    std::atomic<bool> cancel_{false};
};

} // namespace collapse::ui
