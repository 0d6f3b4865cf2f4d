#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace collapse::cli {

// Exit statuses (README.md, "The command line").
inline constexpr int kExitDone = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Bad input on the command line: one line on stderr, exit status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What an option's value is, for the shell to complete it.
enum class ValueKind {
    None,   // a flag: --transparent
    Word,   // anything typed: --set KEY=VALUE, --samples 100
    File,   // a file to read or write
    Folder, // a folder
    Preset, // a built-in preset's name
    Model,  // a model's name
    Choice, // one of `choices`
};

struct Option {
    std::string_view name; // "--out"
    ValueKind value = ValueKind::None;
    std::string_view choices = {}; // Choice: the words, separated by spaces
};

// What a command is given: its arguments after its name, and the program's own argc and argv, which
// the commands that draw hand to Qt's application (argc must outlive it).
struct Invocation {
    std::vector<std::string> arguments;
    int& argc;
    char** argv;
};

// One command of collapselab-cli: its name, how it is called, what it does and its entry point. The
// table of them (commandTable) is the one place a command is registered: the tool's help, each
// command's --help, the parsing of options and the shell completion are made from it.
struct Command {
    std::string_view name;
    std::string_view synopsis;    // how it is called, after "collapselab-cli "; continuation lines indented
    std::string_view summary;     // one line for the list of commands
    std::string_view description; // what it does, for its --help
    std::vector<Option> options;
    std::string_view operands = {}; // what stands without an option ("DIR...", "COMMAND"); empty: nothing
    int (*run)(const Invocation& invocation) = nullptr;
};

// Every command, in the order the help lists them.
const std::vector<Command>& commandTable();
// The command of this name, or null.
const Command* findCommand(std::string_view name);

// An option as given on the command line, with its value ("" for a flag).
struct GivenOption {
    std::string name;
    std::string value;
};
struct ParsedArguments {
    std::vector<GivenOption> options; // in the order given
    std::vector<std::string> operands;
};
// Splits `arguments` by the command's options; throws UsageError for an option the command does not
// take, a missing value, or an operand it does not take.
ParsedArguments parseArguments(const Command& command, const std::vector<std::string>& arguments);

// The help of the tool (every command's synopsis and summary) and of one command.
std::string toolHelp();
std::string commandHelp(const Command& command);
// A bash completion script for collapselab-cli, made from the table (the package installs it).
std::string bashCompletion();

} // namespace collapse::cli
