#pragma once

#include "core/metric.h"
#include "core/scenario.h"
#include "ui/metric_chart.h"
#include "ui/stage_view.h"

#include <QString>
#include <QVector>

#include <functional>
#include <limits>
#include <memory>
#include <string_view>

namespace collapse::ui {

// A metric the window charts for a model, with the original's value as a reference line (NaN: none),
// and how its axis shows it.
struct ChartedMetric {
    ChartedMetric(const MetricDescriptor* charted, double originalValue = std::numeric_limits<double>::quiet_NaN(),
                  MetricChart::Scale axis = MetricChart::Scale::Linear, QString ownTitle = QString())
        : metric(charted), reference(originalValue), scale(axis), title(std::move(ownTitle))
    {
    }
    const MetricDescriptor* metric;
    double reference;
    MetricChart::Scale scale;
    QString title; // empty: the metric's own
};

// Everything the window knows of one model's picture: its stage, the metrics it charts and the words
// for its capacity. Each model's folder (ui/stages/<name>/) declares one; the registry lists them.
struct StageEntry {
    std::string_view model; // the model's name, as in its ModelDescriptor
    // Which picture a scenario needs ("density", "scatter"): a change of it makes a new stage.
    std::function<QString(const Scenario&)> kind;
    std::function<std::unique_ptr<StageView>(const Scenario&)> make;
    // The charts beside the stage, headline first.
    std::function<QVector<ChartedMetric>(const Scenario&)> charts;
    // The capacity slider's value in words ("3 components").
    std::function<QString(const Scenario&)> capacityText;
};

// Every registered stage, one per registered model.
const QVector<const StageEntry*>& registeredStages();
// The stage of a scenario's model; a model without one is a programming error (std::logic_error).
const StageEntry& stageEntryFor(const Scenario& scenario);

} // namespace collapse::ui
