#include "ui/run_controller.h"

#include "core/memory_estimate.h"
#include "core/model_registry.h"
#include "core/output_files.h"
#include "core/results.h"
#include "core/scenario.h"
#include "ui/simulation_worker.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace collapse::ui {

RunController::RunController(QObject* parent) : QObject(parent)
{
    restartTimer_.setSingleShot(true);
    restartTimer_.setInterval(kRestartDelayMs);
    connect(&restartTimer_, &QTimer::timeout, this, &RunController::restartNow);
}

RunController::~RunController()
{
    stop();
}

void RunController::addSide()
{
    auto side = std::make_unique<Side>();
    const std::size_t index = sides_.size();
    const quint64 serial = side->serial = ++nextSerial_;
    side->worker = new SimulationWorker(this);
    connect(side->worker, &SimulationWorker::generationReady, this,
            [=, this](quint64 request, const SnapshotPointer& snapshot, const QVector<SnapshotPointer>& moreChains) {
                if (Side* current = sideFor(index, serial, request)) {
                    current->history.append(snapshot, moreChains);
                    emit generationArrived(static_cast<int>(index));
                }
            });
    connect(side->worker, &SimulationWorker::runFinished, this, [=, this](quint64 request) {
        if (Side* current = sideFor(index, serial, request)) {
            keep(*current);
            finishSide(index);
        }
    });
    connect(side->worker, &SimulationWorker::runFailed, this, [=, this](quint64 request, const QString& message) {
        if (sideFor(index, serial, request) != nullptr) {
            complete_ = true;
            failed_ = true;
            failure_ = message;
            emit failed(message);
        }
    });
    sides_.push_back(std::move(side));
}

void RunController::setSides(const std::vector<LabelledScenario>& scenarios)
{
    while (sides_.size() > scenarios.size()) {
        sides_.back()->worker->retire();
        sides_.pop_back();
    }
    while (sides_.size() < scenarios.size()) {
        addSide();
    }
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        sides_[i]->label = QString::fromStdString(scenarios[i].label);
        sides_[i]->scenario = scenarios[i].scenario;
    }
    emit sidesChanged();
    restartNow();
}

void RunController::changeScenarios(const std::vector<LabelledScenario>& scenarios)
{
    if (scenarios.size() != sides_.size()) {
        setSides(scenarios);
        return;
    }
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        sides_[i]->scenario = scenarios[i].scenario;
    }
    restartTimer_.start();
}

void RunController::finishSide(std::size_t index)
{
    sides_[index]->complete = true;
    if (std::all_of(sides_.begin(), sides_.end(), [](const auto& each) { return each->complete; })) {
        complete_ = true;
        runMilliseconds_ = clock_.elapsed();
        emit completed();
    }
}

std::string RunController::cacheKey(const Scenario& scenario) const
{
    return serializeScenario(scenario) + "chain " + std::to_string(std::min(shownChain_, scenario.replicates - 1)) +
           (manyChains_ ? " and more" : "");
}

std::vector<int> RunController::moreChainsOf(const Scenario& scenario) const
{
    std::vector<int> more;
    if (!manyChains_) {
        return more;
    }
    const int shown = std::min(shownChain_, scenario.replicates - 1);
    for (int chain = 0; chain < scenario.replicates && static_cast<int>(more.size()) < kManyChainsShown - 1; ++chain) {
        if (chain != shown) {
            more.push_back(chain);
        }
    }
    return more;
}

void RunController::keep(const Side& side)
{
    std::size_t bytes = 0;
    for (int g = 0; g < side.history.size(); ++g) {
        const SnapshotPointer& snapshot = side.history.at(g);
        bytes += sizeof(double) * static_cast<std::size_t>(snapshot->metrics.size() + snapshot->samples.size());
        for (const RunHistory& chain : side.history.moreChains()) {
            bytes += sizeof(double) * static_cast<std::size_t>(chain.at(g)->metrics.size() + chain.at(g)->samples.size());
        }
    }
    // Keyed by the scenario the run was made with: the side's may have been edited since.
    const std::string key = cacheKey(side.history.scenario());
    if (bytes > kCachedBytes / 2 || kept(key) != nullptr) {
        return;
    }
    cache_.push_back({key, side.history, bytes});
    // The oldest go first.
    std::size_t total = 0;
    for (const CachedRun& run : cache_) {
        total += run.bytes;
    }
    while (cache_.size() > kCachedRuns || total > kCachedBytes) {
        total -= cache_.front().bytes;
        cache_.erase(cache_.begin());
    }
}

const RunHistory* RunController::kept(const std::string& key) const
{
    for (const CachedRun& run : cache_) {
        if (run.key == key) {
            return &run.history;
        }
    }
    return nullptr;
}

void RunController::restartNow()
{
    restartTimer_.stop();
    complete_ = false;
    failed_ = false;
    failure_.clear();
    clock_.start();
    // A run that cannot fit in memory is not started: the window says why and keeps its values. The
    // sides share the machine.
    for (const auto& side : sides_) {
        try {
            checkFitsInMemory(side->scenario, manyChains_ ? RunKeeping::MetricsAndManyStages : RunKeeping::MetricsAndStage, 1,
                              machineMemoryBytes() / static_cast<double>(sides_.size()));
        } catch (const ScenarioError& error) {
            for (const auto& stopped : sides_) {
                stopped->worker->stop();
                stopped->request = 0;
                stopped->history.reset(stopped->scenario);
            }
            complete_ = true;
            failed_ = true;
            failure_ = QString::fromUtf8(error.what());
            emit restarted();
            emit failed(failure_);
            return;
        }
    }
    std::vector<std::size_t> fromCache;
    for (std::size_t i = 0; i < sides_.size(); ++i) {
        Side& side = *sides_[i];
        side.complete = false;
        if (const RunHistory* run = kept(cacheKey(side.scenario))) {
            // Computed before: the same numbers, at once.
            side.worker->stop();
            side.request = 0;
            side.history = *run;
            fromCache.push_back(i);
        } else {
            side.request = side.worker->restart(side.scenario, std::min(shownChain_, side.scenario.replicates - 1),
                                                moreChainsOf(side.scenario));
            side.history.reset(side.scenario);
        }
    }
    emit restarted();
    for (const std::size_t i : fromCache) {
        emit generationArrived(static_cast<int>(i));
        finishSide(i);
    }
}

void RunController::stop()
{
    restartTimer_.stop();
    for (const auto& side : sides_) {
        side->worker->stop();
    }
}

void RunController::setShownChain(int chain)
{
    if (chain == shownChain_) {
        return;
    }
    shownChain_ = chain;
    restartNow();
}

void RunController::setManyChains(bool many)
{
    if (many == manyChains_) {
        return;
    }
    manyChains_ = many;
    restartNow();
}

int RunController::typicalChain() const
{
    if (sides_.empty() || sides_.front()->history.isEmpty()) {
        return 0;
    }
    const RunHistory& history = sides_.front()->history;
    const int last = history.size() - 1;
    const MetricDescriptor& headline = *history.scenario().model().roles.headline;
    std::vector<std::pair<double, int>> ranked;
    for (int replicate = 0; replicate < history.scenario().replicates; ++replicate) {
        const double value = history.value(last, replicate, headline);
        if (!std::isnan(value)) {
            ranked.emplace_back(value, replicate);
        }
    }
    if (ranked.empty()) {
        return 0;
    }
    const auto middle = ranked.begin() + static_cast<std::ptrdiff_t>((ranked.size() - 1) / 2);
    std::nth_element(ranked.begin(), middle, ranked.end());
    return middle->second;
}

std::vector<LabelledScenario> RunController::sideScenarios() const
{
    std::vector<LabelledScenario> scenarios;
    for (const auto& side : sides_) {
        scenarios.push_back({side->label.toStdString(), side->scenario});
    }
    return scenarios;
}

int RunController::availableGenerations() const
{
    int available = std::numeric_limits<int>::max();
    for (const auto& side : sides_) {
        available = std::min(available, side->history.size());
    }
    return sides_.empty() ? 0 : available;
}

RunController::Side* RunController::sideFor(std::size_t index, quint64 serial, quint64 request) const
{
    // Signals queued before a side was removed, or before its run was cancelled, are dropped.
    if (index >= sides_.size() || sides_[index]->serial != serial || sides_[index]->request != request) {
        return nullptr;
    }
    return sides_[index].get();
}

void RunController::saveRunData(const QString& folder) const
{
    OutputFiles files(folder.toStdString());
    for (const auto& side : sides_) {
        const RunHistory& history = side->history;
        RunResults results;
        for (const std::string_view column : metricColumnsOf(history.scenario().model())) {
            results.columns.emplace_back(column);
        }
        for (int generation = 0; generation < history.size(); ++generation) {
            results.generations.push_back(history.at(generation)->metrics);
        }
        const std::filesystem::path base(folder.toStdString());
        addRunFiles(files, sides_.size() > 1 ? base / side->label.toStdString() : base, results, history.scenario());
    }
    files.commit();
}

QString RunController::statusText() const
{
    const Scenario& first = side(0).scenario;
    if (!complete_) {
        return tr("Computing: %1 of %2 generations").arg(availableGenerations()).arg(first.generations);
    }
    const QString seconds = QString::number(static_cast<double>(runMilliseconds_) / 1000.0, 'f', 1);
    return first.replicates == 1 ? tr("%1 generations of one chain in %2 s").arg(availableGenerations()).arg(seconds)
                                 : tr("%1 generations of %2 chains in %3 s").arg(availableGenerations()).arg(first.replicates).arg(seconds);
}

} // namespace collapse::ui
