// collapselab-cli sweep-merge: the shards of a sweep, from one folder or several, assembled into the
// sweep.csv one machine would write.

#include "app/cli/commands.h"
#include "app/cli/common.h"
#include "core/sweep_folder.h"

#include <iostream>

namespace collapse::cli {

namespace {

int mergeSweeps(const Invocation& invocation)
{
    const ParsedArguments parsed = parseArguments(sweepMergeCommand(), invocation.arguments);
    std::optional<std::string> out;
    for (const GivenOption& given : parsed.options) {
        out = given.value; // --out is its only option
    }
    if (!out || parsed.operands.empty()) {
        throw UsageError("sweep-merge takes the sweep folders and --out DIR");
    }
    checkOutputTarget("--out", *out, true);
    const std::vector<std::filesystem::path> folders(parsed.operands.begin(), parsed.operands.end());
    mergeSweepFolders(folders, *out);
    std::cerr << "collapselab-cli: merged " << folders.size() << " folder(s) into " << *out << "/sweep.csv\n";
    return kExitDone;
}

} // namespace

const Command& sweepMergeCommand()
{
    static const Command command{
        "sweep-merge",
        "sweep-merge DIR... --out DIR",
        "assemble a sweep's shards into one sweep.csv",
        "sweep-merge assembles the cells of a sweep run in shards (sweep --shard K/N), from one shared folder\n"
        "or several, into the sweep.csv one machine writes, and names any missing cell.\n",
        {{"--out", ValueKind::Folder}},
        "DIR...",
        mergeSweeps};
    return command;
}

} // namespace collapse::cli
