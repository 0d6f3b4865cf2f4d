#include "run_history.h"

#include "results.h"

namespace collapse::ui {

void RunHistory::reset(const Scenario& scenario, const QStringList& columns)
{
    scenario_ = scenario;
    columns_ = columns;
    snapshots_.clear();
    snapshots_.reserve(scenario.generations);
    bands_ = QVector<Band>(columns.size());
}

void RunHistory::reset(const Scenario& scenario, const std::vector<std::string>& columns)
{
    QStringList names;
    for (const std::string& column : columns) {
        names.append(QString::fromStdString(column));
    }
    reset(scenario, names);
}

void RunHistory::append(GenerationSnapshot&& snapshot)
{
    append(std::make_shared<const GenerationSnapshot>(std::move(snapshot)));
}

void RunHistory::append(const SnapshotPointer& snapshot)
{
    snapshots_.append(snapshot);
    for (int c = 0; c < columns_.size(); ++c) {
        const ColumnSummary summary = summarise(snapshot->metrics.col(c));
        bands_[c].median.append(summary.median);
        bands_[c].q10.append(summary.q10);
        bands_[c].q90.append(summary.q90);
    }
}

const RunHistory::Band& RunHistory::band(const QString& column) const
{
    const auto index = columns_.indexOf(column);
    return index < 0 ? empty_ : bands_[index];
}

void computeHistory(RunHistory& history, const Scenario& scenario)
{
    Engine engine(scenario);
    history.reset(scenario, engine.metricColumns());
    engine.run([&history](GenerationSnapshot&& snapshot) { history.append(std::move(snapshot)); });
}

} // namespace collapse::ui
