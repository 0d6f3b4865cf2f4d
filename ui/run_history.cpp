#include "ui/run_history.h"

#include "core/model_registry.h"
#include "core/results.h"

#include <limits>
#include <stdexcept>

namespace collapse::ui {

void RunHistory::reset(const Scenario& scenario)
{
    scenario_ = scenario;
    columns_ = metricColumnsOf(scenario.model());
    snapshots_.clear();
    snapshots_.reserve(scenario.generations);
    bands_ = QVector<Band>(static_cast<qsizetype>(columns_.size()));
    moreChains_.clear();
}

void RunHistory::append(GenerationSnapshot&& snapshot)
{
    append(std::make_shared<const GenerationSnapshot>(std::move(snapshot)));
}

void RunHistory::append(const SnapshotPointer& snapshot, const QVector<SnapshotPointer>& moreChains)
{
    if (moreChains_.empty() && !moreChains.isEmpty()) {
        for (const SnapshotPointer& chain : moreChains) {
            RunHistory& alone = moreChains_.emplace_back();
            alone.reset(scenario_);
            alone.chainAlone_ = chain->shownReplicate;
        }
    }
    // Every generation carries the same chains: a history never holds some generations of a chain.
    if (static_cast<qsizetype>(moreChains_.size()) != moreChains.size()) {
        throw std::logic_error("a generation carries " + std::to_string(moreChains.size()) + " chains drawn small, not " +
                               std::to_string(moreChains_.size()));
    }
    for (std::size_t k = 0; k < moreChains_.size(); ++k) {
        moreChains_[k].append(moreChains[static_cast<qsizetype>(k)]);
    }
    snapshots_.append(snapshot);
    for (qsizetype c = 0; c < bands_.size(); ++c) {
        const auto values = snapshot->metrics.col(static_cast<Eigen::Index>(c));
        const Eigen::Index present = values.size() - values.array().isNaN().count();
        const bool typical = 2 * present >= values.size();
        const ColumnSummary& summary = snapshot->summaries[static_cast<std::size_t>(c)];
        const double missing = std::numeric_limits<double>::quiet_NaN();
        bands_[c].median.append(typical ? summary.median : missing);
        bands_[c].q10.append(typical ? summary.q10 : missing);
        bands_[c].q90.append(typical ? summary.q90 : missing);
    }
}

int RunHistory::columnOf(const MetricDescriptor& metric) const
{
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (columns_[c] == metric.name) {
            return static_cast<int>(c);
        }
    }
    return -1;
}

int RunHistory::requiredColumn(const MetricDescriptor& metric) const
{
    const int column = columnOf(metric);
    if (column < 0) {
        throw std::logic_error("the " + std::string(scenario_.model().name) + " model has no metric \"" +
                               std::string(metric.name) + "\"");
    }
    return column;
}

const RunHistory::Band& RunHistory::band(const MetricDescriptor& metric) const
{
    return bands_[requiredColumn(metric)];
}

double RunHistory::value(int generation, int replicate, const MetricDescriptor& metric) const
{
    return snapshots_[generation]->metrics(replicate, requiredColumn(metric));
}

double RunHistory::shownValue(int generation, const MetricDescriptor& metric) const
{
    const GenerationSnapshot& snapshot = *snapshots_[generation];
    // A chain's own history holds its row alone.
    return snapshot.metrics(chainAlone_ < 0 ? snapshot.shownReplicate : 0, requiredColumn(metric));
}

QVector<SnapshotPointer> chainsAlone(GenerationSnapshot& snapshot)
{
    QVector<SnapshotPointer> chains;
    for (GenerationSnapshot::Chain& chain : snapshot.moreChains) {
        auto alone = std::make_shared<GenerationSnapshot>();
        alone->generation = snapshot.generation;
        alone->metrics = snapshot.metrics.row(chain.replicate);
        alone->summaries = summariseColumns(alone->metrics);
        alone->shownReplicate = chain.replicate;
        alone->model = std::move(chain.model);
        alone->samples = std::move(chain.samples);
        chains.append(std::move(alone));
    }
    snapshot.moreChains.clear();
    return chains;
}

void computeHistory(RunHistory& history, const Scenario& scenario, int shownReplicate)
{
    Engine engine(scenario);
    engine.setShownReplicate(shownReplicate);
    history.reset(scenario);
    engine.run([&history](GenerationSnapshot&& snapshot) { history.append(std::move(snapshot)); });
}

} // namespace collapse::ui
