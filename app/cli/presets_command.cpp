// collapselab-cli presets: the built-in presets, one line each.

#include "app/cli/commands.h"
#include "core/scenario_sources.h"

#include <cstdio>

namespace collapse::cli {

namespace {

int listPresets(const Invocation& invocation)
{
    parseArguments(presetsCommand(), invocation.arguments);
    for (const auto& preset : builtinPresets()) {
        std::printf("%-22s %s%s\n", preset.name.c_str(), preset.title.c_str(),
                    preset.isComparison() ? " (comparison)" : preset.sweep ? " (sweep)" : "");
    }
    return kExitDone;
}

} // namespace

const Command& presetsCommand()
{
    static const Command command{"presets",
                                 "presets",
                                 "list the built-in presets",
                                 "presets lists the built-in presets with their titles, in teaching order; comparisons and\n"
                                 "sweeps are marked.\n",
                                 {},
                                 {},
                                 listPresets};
    return command;
}

} // namespace collapse::cli
