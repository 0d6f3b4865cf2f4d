// collapselab-cli lessons: the bundled lessons, one line each.

#include "app/cli/commands.h"
#include "core/lesson.h"

#include <cstdio>

namespace collapse::cli {

namespace {

int listLessons(const Invocation& invocation)
{
    parseArguments(lessonsCommand(), invocation.arguments);
    for (const Lesson& lesson : builtinLessons()) {
        std::printf("%-24s %s (%zu steps)\n", lesson.name.c_str(), lesson.title.c_str(), lesson.steps.size());
    }
    return kExitDone;
}

} // namespace

const Command& lessonsCommand()
{
    static const Command command{"lessons",
                                 "lessons",
                                 "list the bundled lessons",
                                 "lessons lists the bundled lessons in teaching order, with their titles and how many\n"
                                 "steps each has; `collapselab --lesson NAME` plays one in the window.\n",
                                 {},
                                 {},
                                 listLessons};
    return command;
}

} // namespace collapse::cli
