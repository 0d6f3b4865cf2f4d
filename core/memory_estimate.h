#pragma once

#include "core/scenario.h"

#include <string>

namespace collapse {

// What a run keeps in memory at its largest, estimated before it starts (core/README.md, "Memory"), so
// that a run that cannot fit is refused with the estimate and the key to change rather than failing
// after minutes, or taking the machine down with it.
struct MemoryEstimate {
    double chainBytes = 0.0;    // every chain's samples, training set and fitted model
    double historyBytes = 0.0;  // every generation's metric row of every chain, kept for the CSVs and charts
    double shownBytes = 0.0;    // every generation's samples of the chain on stage, which the window keeps
    double smallStagesBytes = 0.0; // and of the eight chains drawn small beside it in the many-chains view
};
MemoryEstimate estimateRunMemory(const Scenario& scenario);

// What a run, a sweep's cell or the window keeps of a run besides its chains.
enum class RunKeeping {
    Summary,          // a sweep's cell: a few summary rows
    Metrics,          // the command line: every generation's metrics
    MetricsAndStage,  // the window: also every generation's samples of the chain on stage
    MetricsAndManyStages, // the window's many-chains view: and of eight more chains, drawn small
};

// The machine's physical memory in bytes.
double machineMemoryBytes();

// "1.5 GiB", "300 MiB".
std::string bytesText(double bytes);

// Throws ScenarioError when `parallel` runs of `scenario` at once, keeping what `keeping` says, would need
// more than `available` bytes: the message gives the estimate and names the keys that make it large.
void checkFitsInMemory(const Scenario& scenario, RunKeeping keeping, int parallel = 1,
                       double available = machineMemoryBytes());

} // namespace collapse
