#include "core/memory_estimate.h"

#include "core/engine.h"
#include "core/model_registry.h"
#include "core/number_text.h"
#include "core/training_set.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace collapse {

namespace {

// A chain holds its drawn samples, the human samples, its training set and the fitted model's view of
// them: about four copies of a generation's data (and, accumulating, every generation's).
constexpr double kCopiesPerChain = 4.0;
// The rest of the program (Qt, the libraries, the window): room left beside the estimate.
constexpr double kShareForOneRun = 0.8;

} // namespace

MemoryEstimate estimateRunMemory(const Scenario& scenario)
{
    const ModelDescriptor& model = scenario.model();
    const double values = model.valuesPerSample ? model.valuesPerSample(scenario) : 1.0;
    const double replicates = scenario.replicates;
    const double generations = scenario.generations;
    // Accumulating keeps every generation's data: the pool ends with M per generation. Augmenting keeps
    // the real data and λM new samples, which the model draws.
    const bool augment = scenario.policy == Policy::Augment;
    const double augmentedRatio = static_cast<double>(augmentedCount(scenario)) / scenario.samples;
    const double keptGenerations = scenario.policy == Policy::Replace ? 1.0
                                   : augment                          ? 1.0 + augmentedRatio
                                                                      : generations;
    // Selection draws 1/α candidates for each synthetic sample.
    const double candidates = scenario.selection == Selection::None ? 1.0 : 1.0 / scenario.selectionKeep;
    const double drawnCopies = kCopiesPerChain * (augment ? std::max(1.0, augmentedRatio) : 1.0) * candidates;
    MemoryEstimate estimate;
    const double modelBytes = model.modelBytes ? model.modelBytes(scenario) : 0.0;
    estimate.chainBytes =
        replicates * ((drawnCopies + keptGenerations) * scenario.samples * values * sizeof(double) + modelBytes);
    const double columns = 1.0 + static_cast<double>(model.metrics.size());
    estimate.historyBytes = generations * replicates * columns * sizeof(double);
    const double shownSamples = std::min<double>(scenario.samples, values > 2.0 ? double(kDisplayImageCap) : double(kDisplaySampleCap));
    estimate.shownBytes = generations * shownSamples * values * sizeof(double);
    const double smallStageSamples =
        std::min<double>(scenario.samples, values > 2.0 ? double(kSmallStageImageCap) : double(kSmallStageSampleCap));
    estimate.smallStagesBytes = generations * std::min<double>(kManyChainsShown - 1, replicates - 1.0) * smallStageSamples * values * sizeof(double);
    return estimate;
}

double machineMemoryBytes()
{
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    return pages > 0 && pageSize > 0 ? static_cast<double>(pages) * static_cast<double>(pageSize) : 1e300;
}

std::string bytesText(double bytes)
{
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int unit = 0;
    while (bytes >= 1024.0 && unit < 6) {
        bytes /= 1024.0;
        ++unit;
    }
    char text[64];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.3g %s", bytes, units[unit]);
    return text;
}

void checkFitsInMemory(const Scenario& scenario, RunKeeping keeping, int parallel, double available)
{
    const MemoryEstimate estimate = estimateRunMemory(scenario);
    const double chains = estimate.chainBytes * std::max(1, parallel);
    const double history = (keeping == RunKeeping::Summary ? 0.0 : estimate.historyBytes) +
                           (keeping == RunKeeping::MetricsAndStage || keeping == RunKeeping::MetricsAndManyStages ? estimate.shownBytes : 0.0) +
                           (keeping == RunKeeping::MetricsAndManyStages ? estimate.smallStagesBytes : 0.0);
    const double needed = chains + history;
    const double room = kShareForOneRun * available;
    if (needed <= room) {
        return;
    }
    // The keys to change: those of the larger part.
    const std::string augmentKey = scenario.syntheticSamples > 0
                                       ? "\"synthetic_samples\" (" + std::to_string(scenario.syntheticSamples) + "), "
                                       : "\"synthetic_ratio\" (" + formatNumber(scenario.syntheticRatio) + "), ";
    const std::string keys = chains >= history
                                 ? std::string(scenario.policy == Policy::Replace   ? ""
                                             : scenario.policy == Policy::Augment ? augmentKey
                                                                                  : "\"policy\" (accumulating keeps every generation's data), ") +
                                       "\"samples\" (" + std::to_string(scenario.samples) + ") or \"replicates\" (" +
                                       std::to_string(scenario.replicates) + ")"
                                 : "\"generations\" (" + std::to_string(scenario.generations) + ") or \"replicates\" (" +
                                       std::to_string(scenario.replicates) + ")";
    const std::string fewerCandidates = chains >= history && scenario.selection != Selection::None
                                            ? ", or \"selection_keep\" (" + formatNumber(scenario.selectionKeep) + ") larger"
                                            : "";
    throw ScenarioError("this run would need about " + bytesText(needed) + " of memory and the machine has " +
                        bytesText(available) + "; make " + keys + " smaller" + fewerCandidates);
}

} // namespace collapse
