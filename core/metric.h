#pragma once

#include "core/parameters.h"

#include <limits>
#include <string_view>

namespace collapse {

// One column of metrics.csv (core/README.md lists them all with their formulas). Models declare theirs
// as constants in their folder, and everything that reads a metric — charts, narration, sweeps — names
// it through its descriptor, never through a string of its own. A model names the ones that play a role
// in its ModelDescriptor (MetricRoles).
struct MetricDescriptor {
    std::string_view name;        // the CSV column
    std::string_view title;       // a chart's title (translatable, context "Metrics")
    std::string_view description; // one sentence: what is measured, and of what
    // The values it can take: charts never show an axis beyond them (a probability stays in [0, 1]).
    double lowest = -std::numeric_limits<double>::infinity();
    double highest = std::numeric_limits<double>::infinity();
};

namespace common_metrics {

inline constexpr MetricDescriptor trainSize{
    "train_size", COLLAPSE_TRANSLATABLE("Metrics", "Training-set size"),
    "Points (images, sequences) in the generation's training set: M, or more when data accumulates.", 0.0};

inline constexpr MetricDescriptor tailMass{
    "tail_mass", COLLAPSE_TRANSLATABLE("Metrics", "Mass in the original's tails"),
    "Probability the model puts outside the central 95% region of the original: 5% at the start, 0 once the "
    "tails are gone.",
    0.0, 1.0};

} // namespace common_metrics

} // namespace collapse
