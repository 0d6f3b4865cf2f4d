#include "app/cli/common.h"

#include "core/engine.h"
#include "core/output_files.h"
#include "ui/animation_export.h"
#include "ui/theme.h"

#include <QApplication>

#include <omp.h>

#include <cmath>
#include <csignal>
#include <iostream>

namespace collapse::cli {

std::atomic<bool> interrupted{false};

namespace {

extern "C" void onInterrupt(int)
{
    interrupted.store(true);
}

// A command-line value as JSON (jsonFromCommandLineValue), its problem named with the option.
nlohmann::json commandLineValue(const std::string& option, const std::string& text)
{
    try {
        return jsonFromCommandLineValue(text);
    } catch (const ScenarioError& error) {
        throw UsageError(option + ": " + error.what());
    }
}

} // namespace

int parsePositive(const std::string& option, const std::string& text, int max)
{
    try {
        std::size_t used = 0;
        const long value = std::stol(text, &used);
        if (used == text.size() && value >= 1 && value <= max) {
            return static_cast<int>(value);
        }
    } catch (const std::exception&) {
    }
    throw UsageError(option + " must be a whole number from 1 to " + std::to_string(max) + ", not \"" + text + "\"");
}

QSize parseSize(const std::string& text, bool named)
{
    if (named) {
        for (const auto& frameSize : ui::kFrameSizes) {
            if (QString::fromStdString(text).compare(QLatin1String(frameSize.name), Qt::CaseInsensitive) == 0) {
                return frameSize.size;
            }
        }
    }
    const auto x = text.find('x');
    if (x != std::string::npos) {
        try {
            return QSize(parsePositive("--size", text.substr(0, x), 16384),
                         parsePositive("--size", text.substr(x + 1), 16384));
        } catch (const UsageError&) {
        }
    }
    throw UsageError("--size takes WIDTHxHEIGHT" + std::string(named ? " or 720p, 1080p, 4K" : "") + ", not \"" +
                     text + "\"");
}

std::vector<int> parseGenerations(const std::string& text, const std::string& option)
{
    std::vector<int> generations;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, comma - start);
        try {
            std::size_t used = 0;
            const long value = std::stol(item, &used);
            if (used != item.size() || value < 0 || value > 1'000'000) {
                throw UsageError("");
            }
            generations.push_back(static_cast<int>(value));
        } catch (const std::exception&) {
            throw UsageError(option + " takes G or G,G,... with whole numbers from 0, not \"" + text + "\"");
        }
        start = comma + 1;
    }
    return generations;
}

double parseNumber(const std::string& option, const std::string& text)
{
    try {
        std::size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size() && std::isfinite(value)) {
            return value;
        }
    } catch (const std::exception&) {
    }
    throw UsageError(option + " takes a number, not \"" + text + "\"");
}

void checkOutputTarget(const std::string& option, const std::string& path, bool folder)
{
    if (const std::string problem = outputTargetProblem(path, folder); !problem.empty()) {
        throw UsageError(option + " " + path + ": " + problem);
    }
}

void checkFigureSize(const std::optional<QSize>& size, const std::optional<int>& dpi)
{
    if (size && (size->width() < 64 || size->height() < 64)) {
        throw UsageError("--size: a figure is 64 to 16384 pixels wide and high, not " + std::to_string(size->width()) + "x" +
                         std::to_string(size->height()));
    }
    if (dpi && *dpi < 10) {
        throw UsageError("--dpi must be from 10 to 2400, not " + std::to_string(*dpi));
    }
}

std::vector<Option> withScenarioOptions(std::vector<Option> own)
{
    std::vector<Option> options = {
        {"--preset", ValueKind::Preset},   {"--scenario", ValueKind::File},  {"--share", ValueKind::Word},
        {"--model", ValueKind::Model},
        {"--set", ValueKind::Word},        {"--samples", ValueKind::Word},   {"--generations", ValueKind::Word},
        {"--replicates", ValueKind::Word}, {"--seed", ValueKind::Word},      {"--threads", ValueKind::Word},
    };
    options.insert(options.end(), own.begin(), own.end());
    return options;
}

bool readScenarioOption(const GivenOption& given, ScenarioOptions& options)
{
    const std::string& option = given.name;
    const std::string& value = given.value;
    if (option == "--preset") {
        options.request.preset = value;
    } else if (option == "--scenario") {
        options.request.file = value;
    } else if (option == "--share") {
        options.request.share = value;
    } else if (option == "--threads") {
        options.threads = parsePositive(option, value, 1024);
    } else if (option == "--set") {
        const auto equals = value.find('=');
        if (equals == std::string::npos || equals == 0) {
            throw UsageError("--set takes KEY=VALUE, not \"" + value + "\"");
        }
        const std::string key = value.substr(0, equals);
        options.request.overrides.push_back({"--set " + value, key, commandLineValue("--set " + key, value.substr(equals + 1))});
    } else if (option == "--model") {
        // A name, not whatever JSON the text happens to be.
        options.request.overrides.push_back({option + " " + value, "model", nlohmann::json(value)});
    } else if (option == "--samples" || option == "--generations" || option == "--replicates" || option == "--seed") {
        options.request.overrides.push_back({option + " " + value, option.substr(2), commandLineValue(option, value)});
    } else {
        return false;
    }
    return true;
}

ProgressReporter::ProgressReporter(std::string counted) : counted_(std::move(counted)) {}

void ProgressReporter::update(int done, int total)
{
    const auto now = std::chrono::steady_clock::now();
    if (done < total && now - lastPrint_ < std::chrono::seconds(1)) {
        return;
    }
    lastPrint_ = now;
    std::cerr << "collapselab-cli: " << counted_ << ' ' << done << " of " << total << '\n';
}

void prepareToRun(const std::optional<int>& threads)
{
    if (threads) {
        omp_set_num_threads(*threads);
    }
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

bool runScenario(const std::string& label, const Scenario& scenario, Engine& engine,
                 const std::function<void(GenerationSnapshot&&)>& receive)
{
    if (const std::string note = engine.experiment().setUpNote(); !note.empty()) {
        std::cerr << "collapselab-cli: " << label << (label.empty() ? "" : ": ") << note << '\n';
    }
    ProgressReporter progress((label.empty() ? "" : label + ": ") + "generation");
    const auto outcome = engine.run(
        [&](GenerationSnapshot&& snapshot) {
            const int finished = snapshot.generation + 1;
            receive(std::move(snapshot));
            progress.update(finished, scenario.generations);
        },
        &interrupted);
    if (outcome == Engine::Outcome::Cancelled) {
        std::cerr << "collapselab-cli: interrupted; nothing was written\n";
        return false;
    }
    return true;
}

std::unique_ptr<QApplication> drawingApplication(int& argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    auto application = std::make_unique<QApplication>(argc, argv);
    ui::applyApplicationFont();
    return application;
}

} // namespace collapse::cli
