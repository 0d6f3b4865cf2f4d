#include "app/cli/commands.h"

#include "core/model_registry.h"
#include "core/scenario_sources.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace collapse::cli {

const std::vector<Command>& commandTable()
{
    static const std::vector<Command> table = {runCommand(),          presetsCommand(),      lessonsCommand(),
                                               lessonHandoutCommand(), shareCommand(),        exportCommand(),
                                               sweepCommand(),        sweepMergeCommand(),   reproduceCommand(),
                                               pretrainCommand(),     helpCommand(),         completionCommand()};
    return table;
}

const Command* findCommand(std::string_view name)
{
    const auto& table = commandTable();
    const auto found = std::find_if(table.begin(), table.end(), [name](const Command& command) { return command.name == name; });
    return found == table.end() ? nullptr : &*found;
}

ParsedArguments parseArguments(const Command& command, const std::vector<std::string>& arguments)
{
    ParsedArguments parsed;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (!argument.starts_with("--")) {
            if (command.operands.empty()) {
                throw UsageError(std::string(command.name) + " takes no \"" + argument + "\" (see collapselab-cli " +
                                 std::string(command.name) + " --help)");
            }
            parsed.operands.push_back(argument);
            continue;
        }
        const auto option = std::find_if(command.options.begin(), command.options.end(),
                                         [&argument](const Option& known) { return known.name == argument; });
        if (option == command.options.end()) {
            throw UsageError("unknown option \"" + argument + "\" (see collapselab-cli " + std::string(command.name) +
                             " --help)");
        }
        if (option->value == ValueKind::None) {
            parsed.options.push_back({argument, {}});
            continue;
        }
        if (i + 1 >= arguments.size()) {
            throw UsageError(argument + " needs a value");
        }
        parsed.options.push_back({argument, arguments[++i]});
    }
    return parsed;
}

namespace {

constexpr std::string_view kProgram = "collapselab-cli";

// The command's synopsis as usage lines, continuation lines aligned after "collapselab-cli <command> ".
std::string usageLines(const Command& command, std::string_view indent)
{
    std::string text;
    std::istringstream lines{std::string(command.synopsis)};
    std::string line;
    const std::string continuation(indent.size() + kProgram.size() + 1 + command.name.size() + 1, ' ');
    while (std::getline(lines, line)) {
        if (line.starts_with("    ")) {
            text += continuation + line.substr(4) + '\n';
        } else {
            text += std::string(indent) + std::string(kProgram) + ' ' + line + '\n';
        }
    }
    return text;
}

} // namespace

std::string toolHelp()
{
    std::string text = "Usage:\n";
    for (const Command& command : commandTable()) {
        text += usageLines(command, "  ");
    }
    text += "  " + std::string(kProgram) + " --help | --version\n\nCommands:\n";
    std::size_t width = 0;
    for (const Command& command : commandTable()) {
        width = std::max(width, command.name.size());
    }
    for (const Command& command : commandTable()) {
        text += "  " + std::string(command.name) + std::string(width + 2 - command.name.size(), ' ') +
                std::string(command.summary) + '\n';
    }
    text += "\n" + std::string(kProgram) + " help COMMAND, or " + std::string(kProgram) +
            " COMMAND --help, tells more of one.\n"
            "Progress goes to stderr; results only to files.\n"
            "Exit status: 0 done, 2 bad input, 1 failure while running.\n";
    return text;
}

std::string commandHelp(const Command& command)
{
    return "Usage:\n" + usageLines(command, "  ") + "\n" + std::string(command.description) +
           "Exit status: 0 done, 2 bad input, 1 failure while running.\n";
}

namespace {

// "a b c".
std::string spaced(const std::vector<std::string>& words)
{
    std::string text;
    for (const std::string& word : words) {
        if (!text.empty()) {
            text += ' ';
        }
        text += word;
    }
    return text;
}

// The words a shell offers for a value of this kind (empty: nothing to offer, the user types it).
std::string completionAction(const Option& option)
{
    const auto words = [](const std::string& list) { return "COMPREPLY=($(compgen -W \"" + list + "\" -- \"$current\"))"; };
    switch (option.value) {
    case ValueKind::Preset: {
        std::vector<std::string> names;
        for (const Preset& preset : builtinPresets()) {
            names.push_back(preset.name);
        }
        return words(spaced(names));
    }
    case ValueKind::Model: {
        std::vector<std::string> names;
        for (const ModelDescriptor* model : registeredModels()) {
            names.emplace_back(model->name);
        }
        return words(spaced(names));
    }
    case ValueKind::Choice:
        return words(std::string(option.choices));
    case ValueKind::File:
        return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- \"$current\")";
    case ValueKind::Folder:
        return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- \"$current\")";
    case ValueKind::Word:
        return "COMPREPLY=()";
    case ValueKind::None:
        break;
    }
    return {};
}

} // namespace

std::string bashCompletion()
{
    std::string commands;
    for (const Command& command : commandTable()) {
        commands += std::string(command.name) + ' ';
    }
    // Each option's value is completed by its kind; an option's kind is the same in every command.
    std::map<std::string_view, std::string> valueActions;
    for (const Command& command : commandTable()) {
        for (const Option& option : command.options) {
            if (option.value != ValueKind::None) {
                valueActions.emplace(option.name, completionAction(option));
            }
        }
    }
    std::string text = "# bash completion for collapselab-cli, written by `collapselab-cli completion bash` from its table\n"
                       "# of commands.\n"
                       "_collapselab_cli()\n{\n"
                       "    local current=\"${COMP_WORDS[COMP_CWORD]}\"\n"
                       "    local previous=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                       "    if [[ $COMP_CWORD -eq 1 ]]; then\n"
                       "        COMPREPLY=($(compgen -W \"" + commands + "--help --version\" -- \"$current\"))\n"
                       "        return\n"
                       "    fi\n"
                       "    case \"$previous\" in\n";
    for (const auto& [name, action] : valueActions) {
        text += "        " + std::string(name) + ") " + action + "; return ;;\n";
    }
    text += "    esac\n    case \"${COMP_WORDS[1]}\" in\n";
    for (const Command& command : commandTable()) {
        std::string options;
        for (const Option& option : command.options) {
            options += std::string(option.name) + ' ';
        }
        options += "--help";
        const std::string offerOptions = "COMPREPLY=($(compgen -W \"" + options + "\" -- \"$current\"))";
        std::string operands;
        if (command.operands == "DIR...") {
            operands = "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- \"$current\")";
        } else if (command.operands == "COMMAND") {
            operands = "COMPREPLY=($(compgen -W \"" + commands + "\" -- \"$current\"))";
        } else if (command.operands == "SHELL") {
            operands = "COMPREPLY=($(compgen -W \"bash\" -- \"$current\"))";
        }
        text += "        " + std::string(command.name) + ")\n";
        if (operands.empty()) {
            text += "            " + offerOptions + " ;;\n";
        } else {
            text += "            if [[ $current == -* ]]; then " + offerOptions + "; else " + operands + "; fi ;;\n";
        }
    }
    text += "    esac\n}\ncomplete -F _collapselab_cli collapselab-cli\n";
    return text;
}

} // namespace collapse::cli
