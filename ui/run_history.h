#pragma once

#include "scenario.h"
#include "simulation_worker.h"

#include <QStringList>
#include <QVector>

namespace collapse::ui {

// Every generation received for the current run, so that any of them can be revisited, with the
// across-replicate summary of every metric that the charts draw.
class RunHistory {
public:
    struct Band {
        QVector<double> median, q10, q90;
    };

    void reset(const Scenario& scenario, const QStringList& columns);
    void reset(const Scenario& scenario, const std::vector<std::string>& columns);
    void append(const SnapshotPointer& snapshot);
    void append(GenerationSnapshot&& snapshot);

    const Scenario& scenario() const { return scenario_; }
    const QStringList& columns() const { return columns_; }
    int size() const { return static_cast<int>(snapshots_.size()); }
    bool isEmpty() const { return snapshots_.isEmpty(); }
    const SnapshotPointer& at(int generation) const { return snapshots_[generation]; }
    // The summary of a metric over the generations received so far; empty when there is no such metric.
    const Band& band(const QString& column) const;

private:
    Scenario scenario_;
    QStringList columns_;
    QVector<SnapshotPointer> snapshots_;
    QVector<Band> bands_;
    Band empty_;
};

// Runs `scenario` to the end on this thread into `history`, for pictures made without a window.
void computeHistory(RunHistory& history, const Scenario& scenario);

} // namespace collapse::ui
