#pragma once

// Qiao et al. 2026 ("When sample selection bias precipitates model collapse", arXiv:2606.13732) in
// `collapselab-cli reproduce`, on any model that scores samples by a biased target: n = 300 samples a
// generation for 200 generations, accumulating every generation's data or replacing it, with and without
// keeping the α = 0.1 of n/α candidates nearest the target; judged by the dispersion ratio at t = 200.

#include "core/reproduction.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace collapse {

struct SelectionBiasSetting {
    std::string id;    // figures/<id>.png; its runs are <id>-accumulate, <id>-accumulate-biased, …
    std::string title;
    std::string setting;
    std::string difference;
    nlohmann::json model; // the model's keys: "model" and its own
    int replicates = 20;
    // What the paper reports accumulating without selection, and the range it spans ([low, high]; a single
    // value where low = high): ours agrees where its 10–90% band meets the range.
    std::string accumulatePaper;
    double accumulateLow = 1.0;
    double accumulateHigh = 1.0;
    // Each chain's dispersion ratio Disp(P_t) / Disp(P_0), Disp = E‖X − X′‖² = 2 tr Cov, at a generation.
    std::function<std::vector<double>(const RunResults& results, int generation)> dispersionRatios;
};

// Qiao et al.'s t = 200: the runs' last generation.
inline constexpr int kSelectionBiasGeneration = 200;

ReproductionExperiment selectionBiasExperiment(SelectionBiasSetting setting);

} // namespace collapse
