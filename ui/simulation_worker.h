#pragma once

#include "core/scenario.h"
#include "ui/restartable_thread.h"
#include "ui/snapshot.h"

#include <QVector>

#include <vector>

namespace collapse::ui {

// The thread that runs the engine for one side of the window (a RestartableThread). restart() cancels
// whatever it is running (the engine checks the flag before every generation and replicate), starts the
// new run and emits each finished generation as an immutable snapshot by queued signal. Every signal
// carries the number of the request it answers, so the window can drop what a cancelled run still had
// in flight.
class SimulationWorker : public RestartableThread {
    Q_OBJECT

public:
    explicit SimulationWorker(QObject* parent = nullptr);
    ~SimulationWorker() override;

    // Cancels the current run and starts `scenario`, its snapshots carrying chain `shownReplicate` and,
    // drawn small, `moreReplicates`; returns the request number its signals carry.
    quint64 restart(const Scenario& scenario, int shownReplicate = 0, const std::vector<int>& moreReplicates = {});

signals:
    // A generation, with the chains drawn small as snapshots of their own (chainsAlone()).
    void generationReady(quint64 request, const collapse::ui::SnapshotPointer& snapshot,
                         const QVector<collapse::ui::SnapshotPointer>& moreChains);
    void runFinished(quint64 request);
    void runFailed(quint64 request, const QString& message);
};

} // namespace collapse::ui
