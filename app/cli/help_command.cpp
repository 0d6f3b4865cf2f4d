// collapselab-cli help and completion: what the table of commands says of itself.

#include "app/cli/commands.h"

#include <iostream>

namespace collapse::cli {

namespace {

int showHelp(const Invocation& invocation)
{
    const ParsedArguments parsed = parseArguments(helpCommand(), invocation.arguments);
    if (parsed.operands.size() > 1) {
        throw UsageError("help takes one command");
    }
    if (parsed.operands.empty()) {
        std::cout << toolHelp();
        return kExitDone;
    }
    const Command* command = findCommand(parsed.operands.front());
    if (command == nullptr) {
        throw UsageError("unknown command \"" + parsed.operands.front() + "\" (see collapselab-cli --help)");
    }
    std::cout << commandHelp(*command);
    return kExitDone;
}

int printCompletion(const Invocation& invocation)
{
    const ParsedArguments parsed = parseArguments(completionCommand(), invocation.arguments);
    if (parsed.operands.size() != 1 || parsed.operands.front() != "bash") {
        throw UsageError("completion takes the shell's name: bash");
    }
    std::cout << bashCompletion();
    return kExitDone;
}

} // namespace

const Command& helpCommand()
{
    static const Command command{"help",
                                 "help [COMMAND]",
                                 "say what the tool or one command does",
                                 "help lists the commands; help COMMAND says what that one does and takes, as COMMAND --help.\n",
                                 {},
                                 "COMMAND",
                                 showHelp};
    return command;
}

const Command& completionCommand()
{
    static const Command command{
        "completion",
        "completion bash",
        "print the shell's completion script",
        "completion bash prints a bash completion script for collapselab-cli's commands, options, presets and\n"
        "models (the package installs it); source it, or put it where bash-completion looks.\n",
        {},
        "SHELL",
        printCompletion};
    return command;
}

} // namespace collapse::cli
