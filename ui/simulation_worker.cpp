#include "ui/simulation_worker.h"

#include "ui/run_history.h"

namespace collapse::ui {

SimulationWorker::SimulationWorker(QObject* parent) : RestartableThread(parent)
{
    qRegisterMetaType<SnapshotPointer>();
    qRegisterMetaType<QVector<SnapshotPointer>>();
}

SimulationWorker::~SimulationWorker()
{
    abortAndWait();
}

quint64 SimulationWorker::restart(const Scenario& scenario, int shownReplicate, const std::vector<int>& moreReplicates)
{
    return RestartableThread::restart([this, scenario, shownReplicate, moreReplicates](quint64 request,
                                                                                       const std::atomic<bool>& cancel) {
        try {
            Engine engine(scenario);
            engine.setShownReplicate(shownReplicate);
            engine.setMoreShownReplicates(moreReplicates);
            const auto outcome = engine.run(
                [&](GenerationSnapshot&& snapshot) {
                    const QVector<SnapshotPointer> moreChains = chainsAlone(snapshot);
                    emit generationReady(request, std::make_shared<const GenerationSnapshot>(std::move(snapshot)), moreChains);
                },
                &cancel);
            if (outcome == Engine::Outcome::Finished) {
                emit runFinished(request);
            }
        } catch (const std::exception& error) {
            emit runFailed(request, QString::fromUtf8(error.what()));
        }
    });
}

} // namespace collapse::ui
