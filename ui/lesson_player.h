#pragma once

#include "core/lesson.h"

#include <QFrame>

class QGridLayout;
class QLabel;
class QPushButton;

namespace collapse::ui {

class MainWindow;
class ParameterPanel;
class Session;

// A lesson played in the window (core/lesson.h): above the stage, the step's question and its answers;
// the run opens at the step's start generation, and the reveal plays it to the step's reveal, marks the
// right answer and explains. PageDown (what a presenter's remote sends for "next") reveals, then goes on
// to the next step; PageUp goes back. Keys 1 to 4 choose an answer. Only the step's unlocked keys can be
// changed in the panel.
class LessonPlayer : public QFrame {
    Q_OBJECT

public:
    LessonPlayer(Session& session, ParameterPanel& panel, QWidget* parent = nullptr);

    // Opens step `step` (counted from 0) of `lesson`.
    void play(Lesson lesson, int step = 0);
    // Leaves the lesson: every key unlocked, the player hidden.
    void stop();
    bool isPlaying() const { return !lesson_.steps.empty(); }

    int step() const { return step_; }
    // What the stage shows during the step.
    StageLayout stageLayout() const { return lesson_.steps.at(static_cast<std::size_t>(step_)).stage; }
    bool isRevealed() const { return revealed_; }
    int chosenAnswer() const { return chosen_; } // −1: none yet
    // The generation the step's reveal plays to.
    int revealGeneration() const { return lesson_.steps.at(static_cast<std::size_t>(step_)).reveal; }

    // PageDown: reveal the step, or go on to the next one once it is revealed.
    void next();
    // PageUp: back to the previous step (its question unanswered again).
    void previous();
    void reveal();
    void choose(int answer);
    // The type and colours of the theme and of presenter mode.
    void refreshStyle();

signals:
    // The step shown changed (its number from 0), or the lesson ended.
    void stepChanged(int step);
    // Whether what would give the answer away (the charts of the whole run) is to be hidden: from a
    // step's opening to its reveal.
    void answerHidden(bool hidden);

private:
    void openStep();
    void showStep();
    void onGenerationShown(int generation);
    void onRunCompleted();

    Session& session_;
    ParameterPanel& panel_;
    Lesson lesson_;
    int step_ = 0;
    int chosen_ = -1;
    bool revealed_ = false;
    bool playingToReveal_ = false;
    bool opening_ = false; // the player itself is opening a step's scenarios

    QLabel* heading_;
    QLabel* question_;
    std::vector<QPushButton*> answers_;
    QGridLayout* answersGrid_ = nullptr;
    QPushButton* revealButton_;
    QLabel* explanation_;
};

} // namespace collapse::ui
