#include "ui/simulation_worker.h"

namespace collapse::ui {

SimulationWorker::SimulationWorker(QObject* parent) : RestartableThread(parent)
{
    qRegisterMetaType<SnapshotPointer>();
}

SimulationWorker::~SimulationWorker()
{
    abortAndWait();
}

quint64 SimulationWorker::restart(const Scenario& scenario, int shownReplicate)
{
    return RestartableThread::restart([this, scenario, shownReplicate](quint64 request, const std::atomic<bool>& cancel) {
        try {
            Engine engine(scenario);
            engine.setShownReplicate(shownReplicate);
            const auto outcome = engine.run(
                [&](GenerationSnapshot&& snapshot) {
                    emit generationReady(request, std::make_shared<const GenerationSnapshot>(std::move(snapshot)));
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
