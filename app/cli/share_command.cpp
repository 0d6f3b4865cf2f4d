// collapselab-cli share: the share code and collapselab:// link of a scenario or a comparison.

#include "app/cli/commands.h"
#include "app/cli/common.h"
#include "core/share_code.h"

#include <iostream>

namespace collapse::cli {

namespace {

int share(const Invocation& invocation)
{
    ScenarioOptions options;
    for (const GivenOption& given : parseArguments(shareCommand(), invocation.arguments).options) {
        readScenarioOption(given, options);
    }
    const std::string code = shareCode(resolveScenarios(options.request));
    std::cout << code << '\n' << shareLink(code) << '\n';
    return kExitDone;
}

} // namespace

const Command& shareCommand()
{
    static const Command command{
        "share",
        "share [--preset NAME | --scenario FILE | --share CODE] [--model NAME] [--set KEY=VALUE]...\n"
        "    [--samples M] [--generations N] [--replicates R] [--seed S]",
        "print a scenario's share code and link",
        "share prints the share code of the scenario (or comparison) on one line and its collapselab:// link on\n"
        "the next. --share CODE, which every command that takes --preset takes, and the window's --share or\n"
        "link open exactly that scenario again: the same CSVs. A sweep preset's code holds its scenario, not\n"
        "its grid.\n",
        withScenarioOptions({}),
        {},
        share};
    return command;
}

} // namespace collapse::cli
