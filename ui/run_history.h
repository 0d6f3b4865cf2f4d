#pragma once

#include "core/metric.h"
#include "core/scenario.h"
#include "ui/snapshot.h"

#include <QVector>

namespace collapse::ui {

// Every generation received for the current run, so that any of them can be revisited, with the
// across-replicate summary of every metric that the charts draw.
class RunHistory {
public:
    // A metric's summary across replicates per generation. Where fewer than half of the chains have a
    // value (the hue of blue cats once most chains have none), there is no typical value: median and band
    // are NaN, a gap in the chart, though summary.csv keeps the statistics of the chains that have one.
    struct Band {
        QVector<double> median, q10, q90;
    };

    // A new run: its columns are train_size and the model's metrics (ModelDescriptor::metrics).
    void reset(const Scenario& scenario);
    // A generation, and in the many-chains view the same generation of the chains drawn small
    // (chainsAlone() of the engine's snapshot).
    void append(const SnapshotPointer& snapshot, const QVector<SnapshotPointer>& moreChains = {});
    void append(GenerationSnapshot&& snapshot);

    const Scenario& scenario() const { return scenario_; }
    int size() const { return static_cast<int>(snapshots_.size()); }
    bool isEmpty() const { return snapshots_.isEmpty(); }
    const SnapshotPointer& at(int generation) const { return snapshots_[generation]; }
    // The summary of a metric over the generations received so far. Asking for a metric the model does
    // not measure is a programming error: it throws std::logic_error.
    const Band& band(const MetricDescriptor& metric) const;
    // One replicate's value of a metric at a generation (NaN where it does not exist); throws
    // std::logic_error for a metric the model does not measure.
    double value(int generation, int replicate, const MetricDescriptor& metric) const;
    // The chain on stage's value of a metric at a generation.
    double shownValue(int generation, const MetricDescriptor& metric) const;
    // The metric's column in a snapshot's metrics, or -1.
    int columnOf(const MetricDescriptor& metric) const;

    // The chains drawn small in the many-chains view, each with a history of its own in which it is the
    // chain on stage, in the order the engine was asked for them; none outside that view.
    const std::vector<RunHistory>& moreChains() const { return moreChains_; }
    // The chain a history of moreChains() follows (counted from 0); -1 for a run's own history.
    int chainAlone() const { return chainAlone_; }

private:
    int requiredColumn(const MetricDescriptor& metric) const;

    Scenario scenario_;
    std::vector<std::string_view> columns_;
    QVector<SnapshotPointer> snapshots_;
    QVector<Band> bands_;
    std::vector<RunHistory> moreChains_;
    int chainAlone_ = -1;
};

// Takes the chains drawn small out of an engine's snapshot, as snapshots of their own in which each is
// the chain on stage: its row of metrics, its model and its samples.
QVector<SnapshotPointer> chainsAlone(GenerationSnapshot& snapshot);

// Runs `scenario` to the end on this thread into `history`, for pictures made without a window, with
// chain `shownReplicate` on stage.
void computeHistory(RunHistory& history, const Scenario& scenario, int shownReplicate = 0);

} // namespace collapse::ui
