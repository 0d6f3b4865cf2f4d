#pragma once

// Lessons (README.md, "Lessons"): a lecture as a file the window plays. Each step opens a preset or a
// scenario, shows it at a start generation, asks a question with two to four answers, plays the run to
// its reveal generation and explains what happened; the keys it leaves unlocked are the only ones a
// student may change. Each step also says what the run must show at the reveal for its right answer
// to be right (`shows`), so a test can play every step and hold the lesson to the simulation.

#include "core/results.h"
#include "core/scenario_sources.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace collapse {

// What the run shows at a step's reveal when its right answer is right: the median over chains of
// `metric` on side `side`, below or above a yardstick — a number, the same median at the step's start,
// or the other side's median at the reveal — times `factor`.
struct LessonClaim {
    enum class Direction { Below, Above };
    enum class Yardstick { Number, Start, OtherSide };
    std::string metric;
    int side = 0;
    Direction direction = Direction::Below;
    Yardstick yardstick = Yardstick::Start;
    double value = 0.0;  // Number: the yardstick itself
    double factor = 1.0; // Start and OtherSide: the yardstick's multiple
};

// What the window's stage shows (ui/stage_area.h), and a lesson's step asks for: the chain on stage; its
// generation 0 beside the generation on stage; or nine chains at once.
enum class StageLayout { OneChain, ThenAndNow, ManyChains };

struct LessonStep {
    std::string preset; // the preset the step opens, or empty for an inline scenario
    std::vector<LabelledScenario> scenarios; // resolved: the preset's (or the scenario's) with the step's keys
    nlohmann::json source;                   // the step as the file holds it, for writing it back
    int start = 0;
    int reveal = 0;
    std::vector<std::string> unlocked;
    StageLayout stage = StageLayout::OneChain;
    std::string question;
    std::vector<std::string> answers;
    int correct = 0;
    LessonClaim shows;
    std::string explanation;
};

struct Lesson {
    std::string name; // the bundled lesson's name, or the file's stem
    std::string title;
    std::string summary;
    int order = 0; // its place in a course: bundled lessons are listed in this order
    std::vector<LessonStep> steps;
};

// The lesson file format's version, and the bounds a lesson is held to.
inline constexpr int kLessonFormat = 1;
inline constexpr std::size_t kMostLessonSteps = 40;
inline constexpr std::size_t kFewestAnswers = 2;
inline constexpr std::size_t kMostAnswers = 4;
inline constexpr std::size_t kLongestLessonText = 600; // characters of a title, question, answer or explanation

// A lesson from its JSON text; ScenarioError naming `origin`, the step (counted from 1) and the key at
// fault for anything it cannot use: an unknown key, a preset that does not exist, a generation beyond
// the run, a key to unlock the model does not have, a metric it does not measure, a text too long.
Lesson parseLesson(std::string_view text, std::string_view origin, std::string name);
// A lesson file (at most 1 MiB), the same way.
Lesson readLessonFile(const std::filesystem::path& path);
// The lesson as its file holds it: reading it back gives the same lesson.
std::string serializeLesson(const Lesson& lesson);

// The bundled lessons, in teaching order.
const std::vector<Lesson>& builtinLessons();
// A bundled lesson by name, or a lesson file by path; ScenarioError listing the bundled ones otherwise.
Lesson lessonNamed(std::string_view nameOrPath);

// Whether the runs of a step's sides (in the order of its scenarios) show what the step claims; `why`
// gets the two numbers compared, in words.
bool stepShowsItsAnswer(const LessonStep& step, const std::vector<RunResults>& sides, std::string& why);

} // namespace collapse
