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
}

void RunHistory::append(GenerationSnapshot&& snapshot)
{
    append(std::make_shared<const GenerationSnapshot>(std::move(snapshot)));
}

void RunHistory::append(const SnapshotPointer& snapshot)
{
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

void computeHistory(RunHistory& history, const Scenario& scenario, int shownReplicate)
{
    Engine engine(scenario);
    engine.setShownReplicate(shownReplicate);
    history.reset(scenario);
    engine.run([&history](GenerationSnapshot&& snapshot) { history.append(std::move(snapshot)); });
}

} // namespace collapse::ui
