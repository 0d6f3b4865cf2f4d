#pragma once

#include "app/cli/command.h"

namespace collapse::cli {

// Each command, declared in its own file (app/cli/<name>_command.cpp); the table (command_table.cpp)
// lists them.
const Command& runCommand();
const Command& presetsCommand();
const Command& lessonsCommand();
const Command& lessonHandoutCommand();
const Command& exportCommand();
const Command& sweepCommand();
const Command& sweepMergeCommand();
const Command& reproduceCommand();
const Command& pretrainCommand();
const Command& shareCommand();
const Command& helpCommand();
const Command& completionCommand();

} // namespace collapse::cli
