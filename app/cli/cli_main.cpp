// collapselab-cli: runs Collapse Lab scenarios headless and writes their metrics, figures and animations
// (README.md, "The command line"). Each command lives in its own file; the table (command_table.cpp)
// lists them.

#include "app/cli/command.h"
#include "core/data_error.h"
#include "core/scenario.h"
#include "ui/figure_export.h"

#include <algorithm>
#include <iostream>

using namespace collapse;
using namespace collapse::cli;

namespace {

bool asksForHelp(const std::vector<std::string>& arguments)
{
    return std::any_of(arguments.begin(), arguments.end(),
                       [](const std::string& argument) { return argument == "--help" || argument == "-h"; });
}

int dispatch(int& argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << toolHelp();
        return args.empty() ? kExitBadInput : kExitDone;
    }
    if (args[0] == "--version") {
        std::cout << "collapselab-cli " << COLLAPSELAB_VERSION << '\n';
        return kExitDone;
    }
    const Command* command = findCommand(args[0]);
    if (command == nullptr) {
        std::string names;
        for (const Command& known : commandTable()) {
            if (!names.empty()) {
                names += ", ";
            }
            names += known.name;
        }
        throw UsageError("unknown command \"" + args[0] + "\" (commands: " + names + ")");
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (asksForHelp(rest)) {
        std::cout << commandHelp(*command);
        return kExitDone;
    }
    return command->run(Invocation{rest, argc, argv});
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return dispatch(argc, argv);
    } catch (const UsageError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitBadInput;
    } catch (const ScenarioError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitBadInput;
    } catch (const DataError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitBadInput;
    } catch (const ui::ExportError& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitFailure;
    } catch (const std::exception& error) {
        std::cerr << "collapselab-cli: " << error.what() << '\n';
        return kExitFailure;
    }
}
