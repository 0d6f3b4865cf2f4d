#pragma once

#include "app/cli/command.h"
#include "core/scenario_sources.h"

#include <QSize>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QApplication;

namespace collapse {
class Engine;
struct GenerationSnapshot;
} // namespace collapse

namespace collapse::cli {

// Set by SIGINT or SIGTERM once prepareToRun() has run: long commands stop and write nothing half.
extern std::atomic<bool> interrupted;

// A whole number from 1 to `max`; UsageError naming `option` otherwise.
int parsePositive(const std::string& option, const std::string& text, int max);
// WxH, or where `named` also 720p, 1080p or 4K.
QSize parseSize(const std::string& text, bool named);
// "7" or "0,50,100": generations from 0 (the option's name goes into the message).
std::vector<int> parseGenerations(const std::string& text, const std::string& option = "--generation");
// A finite number.
double parseNumber(const std::string& option, const std::string& text);

// Refuses, before any work, an output that could not be written: a missing or read-only folder, or a
// file where a folder must go (and the other way round).
void checkOutputTarget(const std::string& option, const std::string& path, bool folder);
// A figure's size and resolution as writePaintedFigure takes them, checked before any work.
void checkFigureSize(const std::optional<QSize>& size, const std::optional<int>& dpi);

// The options that choose a scenario, shared by run, share, export and sweep: --preset, --scenario,
// --share, --model, --set, --samples, --generations, --replicates, --seed, and --threads.
std::vector<Option> withScenarioOptions(std::vector<Option> own);
struct ScenarioOptions {
    ScenarioRequest request;
    std::optional<int> threads;
};
// Takes one of the scenario options into `options`; false when `given` is not one of them.
bool readScenarioOption(const GivenOption& given, ScenarioOptions& options);

// Prints "generation g of N" (or "frame f of N") now and then, so long runs show they are alive without
// flooding a log.
class ProgressReporter {
public:
    // `counted` names what is counted, e.g. "generation" or "side: frame".
    explicit ProgressReporter(std::string counted);
    void update(int done, int total);

private:
    std::string counted_;
    std::chrono::steady_clock::time_point lastPrint_ = std::chrono::steady_clock::now();
};

// Sets the thread count and catches SIGINT and SIGTERM (which set `interrupted`).
void prepareToRun(const std::optional<int>& threads);
// Runs one scenario and hands each generation to `receive`; false when interrupted.
bool runScenario(const std::string& label, const Scenario& scenario, Engine& engine,
                 const std::function<void(GenerationSnapshot&&)>& receive);
// Drawing needs Qt's GUI classes; with no screen to show anything, on the offscreen platform. `argc` must
// outlive the application.
std::unique_ptr<QApplication> drawingApplication(int& argc, char** argv);

} // namespace collapse::cli
