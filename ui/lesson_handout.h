#pragma once

#include "core/lesson.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace collapse::ui {

class RunHistory;

// A lesson's handout for students (`collapselab-cli lesson-handout`): each step's question and answers,
// the picture at its reveal with the right answer marked, its explanation, and the share code that opens
// the step at home; as Markdown and as a PDF with each step on a page of its own.
struct LessonHandout {
    std::string markdown;
    QByteArray pdf;
};

// `runs[s]` holds step s's sides, computed to the step's reveal at least.
LessonHandout lessonHandout(const Lesson& lesson, const std::vector<std::vector<const RunHistory*>>& runs);

} // namespace collapse::ui
