#include "ui/lesson_player.h"

#include "ui/parameter_panel.h"
#include "ui/playback.h"
#include "ui/run_controller.h"
#include "ui/session.h"
#include "ui/theme.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace collapse::ui {

namespace {

// Answers go side by side while together they hold at most this many characters (a row of a 1024-pixel
// projector), two to a row while each holds at most the second, else one to a row: every row the
// answers do not need is room for the stage.
constexpr std::size_t kOneRowAnswers = 60;
constexpr std::size_t kMediumAnswer = 44;

} // namespace

LessonPlayer::LessonPlayer(Session& session, ParameterPanel& panel, QWidget* parent)
    : QFrame(parent), session_(session), panel_(panel), heading_(new QLabel), question_(new QLabel),
      revealButton_(new QPushButton), explanation_(new QLabel)
{
    setObjectName(QStringLiteral("lessonPlayer"));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Lesson"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->setSpacing(4);
    question_->setWordWrap(true);
    explanation_->setWordWrap(true);
    // The step's place and the button that goes on share a line; the answers are laid out under the
    // question as their length allows (answersGrid_, showStep()).
    auto* top = new QHBoxLayout;
    top->addWidget(heading_, 1);
    revealButton_->setFocusPolicy(Qt::NoFocus);
    connect(revealButton_, &QPushButton::clicked, this, &LessonPlayer::next);
    top->addWidget(revealButton_);
    layout->addLayout(top);
    layout->addWidget(question_);
    answersGrid_ = new QGridLayout;
    answersGrid_->setSpacing(4);
    for (int i = 0; i < static_cast<int>(kMostAnswers); ++i) {
        // A child from the start: a step with fewer answers leaves the others out of the grid, hidden.
        auto* answer = new QPushButton(this);
        answer->setCheckable(true);
        answer->setFocusPolicy(Qt::NoFocus);
        connect(answer, &QPushButton::clicked, this, [this, i] { choose(i); });
        answers_.push_back(answer);
    }
    layout->addLayout(answersGrid_);
    layout->addWidget(explanation_);

    // What a presenter's remote sends, on the whole window: the lesson goes on wherever the focus is.
    const auto shortcut = [this, parent](QKeySequence keys, auto slot) {
        auto* key = new QShortcut(keys, parent != nullptr ? parent : this, slot);
        key->setContext(Qt::WindowShortcut);
        connect(this, &LessonPlayer::stepChanged, key, [this, key] { key->setEnabled(isPlaying()); });
        key->setEnabled(false);
    };
    shortcut(QKeySequence(Qt::Key_PageDown), [this] { next(); });
    shortcut(QKeySequence(Qt::Key_PageUp), [this] { previous(); });
    for (int i = 0; i < static_cast<int>(kMostAnswers); ++i) {
        shortcut(QKeySequence(Qt::Key_1 + i), [this, i] { choose(i); });
    }

    // Something else opened (a preset, a file, a share code): the lesson is over.
    connect(&session_, &Session::presetNoteChanged, this, [this] {
        if (isPlaying() && !opening_) {
            stop();
        }
    });
    connect(&session_.playback(), &Playback::shownChanged, this, &LessonPlayer::onGenerationShown);
    connect(&session_.runs(), &RunController::completed, this, &LessonPlayer::onRunCompleted);
    hide();
}

void LessonPlayer::play(Lesson lesson, int step)
{
    lesson_ = std::move(lesson);
    step_ = std::clamp(step, 0, static_cast<int>(lesson_.steps.size()) - 1);
    openStep();
    show();
}

void LessonPlayer::stop()
{
    lesson_ = Lesson();
    panel_.setUnlockedKeys(std::nullopt);
    hide();
    emit answerHidden(false);
    emit stepChanged(-1);
}

void LessonPlayer::next()
{
    if (!isPlaying()) {
        return;
    }
    if (!revealed_) {
        reveal();
    } else if (step_ + 1 < static_cast<int>(lesson_.steps.size())) {
        ++step_;
        openStep();
    }
}

void LessonPlayer::previous()
{
    if (isPlaying() && step_ > 0) {
        --step_;
        openStep();
    }
}

void LessonPlayer::choose(int answer)
{
    if (!isPlaying() || revealed_ || answer < 0 ||
        answer >= static_cast<int>(lesson_.steps[static_cast<std::size_t>(step_)].answers.size())) {
        return;
    }
    chosen_ = answer;
    showStep();
}

void LessonPlayer::reveal()
{
    if (!isPlaying() || revealed_) {
        return;
    }
    revealed_ = true;
    const LessonStep& step = lesson_.steps[static_cast<std::size_t>(step_)];
    // Played from the start generation to the reveal, at the transport's speed.
    playingToReveal_ = true;
    session_.playback().goTo(step.start);
    session_.playback().setPlaying(true);
    showStep();
    emit answerHidden(false);
}

void LessonPlayer::openStep()
{
    revealed_ = false;
    playingToReveal_ = false;
    chosen_ = -1;
    const LessonStep& step = lesson_.steps[static_cast<std::size_t>(step_)];
    opening_ = true;
    session_.open(step.scenarios);
    opening_ = false;
    panel_.setUnlockedKeys(step.unlocked);
    showStep();
    emit answerHidden(true);
    emit stepChanged(step_);
}

void LessonPlayer::showStep()
{
    const LessonStep& step = lesson_.steps[static_cast<std::size_t>(step_)];
    const auto lessonText = [](const std::string& text) { return QCoreApplication::translate("Lessons", text.c_str()); };
    heading_->setText(tr("%1 — step %2 of %3").arg(lessonText(lesson_.title)).arg(step_ + 1).arg(lesson_.steps.size()));
    question_->setText(lessonText(step.question));
    for (std::size_t i = 0; i < answers_.size(); ++i) {
        QPushButton* answer = answers_[i];
        const bool exists = i < step.answers.size();
        answer->setVisible(exists);
        if (!exists) {
            continue;
        }
        const bool right = static_cast<int>(i) == step.correct;
        answer->setText(QStringLiteral("%1  %2%3")
                            .arg(i + 1)
                            .arg(lessonText(step.answers[i]))
                            .arg(revealed_ && right ? QStringLiteral("  ✓") : QString()));
        answer->setChecked(static_cast<int>(i) == chosen_);
        answer->setProperty("verdict", !revealed_ ? QString() : right ? QStringLiteral("right")
                                                  : static_cast<int>(i) == chosen_ ? QStringLiteral("wrong")
                                                                                  : QString());
    }
    // Short answers side by side; longer ones two to a row, or one, so that none is cut on a projector.
    std::size_t longest = 0;
    std::size_t total = 0;
    for (const std::string& answer : step.answers) {
        const auto length = static_cast<std::size_t>(lessonText(answer).size());
        longest = std::max(longest, length);
        total += length;
    }
    const int columns = total <= kOneRowAnswers ? static_cast<int>(step.answers.size()) : longest <= kMediumAnswer ? 2 : 1;
    for (std::size_t i = 0; i < answers_.size(); ++i) {
        answersGrid_->removeWidget(answers_[i]);
        if (i < step.answers.size()) {
            answersGrid_->addWidget(answers_[i], static_cast<int>(i) / columns, static_cast<int>(i) % columns);
        }
    }
    revealButton_->setText(!revealed_ ? tr("Reveal (PgDn)")
                           : step_ + 1 < static_cast<int>(lesson_.steps.size()) ? tr("Next step (PgDn)")
                                                                                 : tr("Last step"));
    revealButton_->setEnabled(!revealed_ || step_ + 1 < static_cast<int>(lesson_.steps.size()));
    explanation_->setText(revealed_ ? lessonText(step.explanation) : QString());
    explanation_->setVisible(revealed_);
    refreshStyle();
}

void LessonPlayer::onGenerationShown(int generation)
{
    if (!isPlaying()) {
        return;
    }
    const LessonStep& step = lesson_.steps[static_cast<std::size_t>(step_)];
    // Before the reveal the stage holds at the start; the reveal stops at its generation.
    if (!revealed_ && generation > step.start) {
        session_.playback().goTo(step.start);
    } else if (playingToReveal_ && generation >= step.reveal) {
        playingToReveal_ = false;
        session_.playback().goTo(step.reveal);
    }
}

void LessonPlayer::onRunCompleted()
{
    if (!isPlaying()) {
        return;
    }
    const LessonStep& step = lesson_.steps[static_cast<std::size_t>(step_)];
    session_.playback().goTo(revealed_ && !playingToReveal_ ? step.reveal : step.start);
    if (playingToReveal_) {
        session_.playback().setPlaying(true);
    }
}

void LessonPlayer::refreshStyle()
{
    heading_->setFont(scaledFont(sizes::bodyPoint));
    question_->setFont(scaledFont(sizes::narrationPoint, true));
    explanation_->setFont(scaledFont(sizes::headingPoint));
    for (QPushButton* answer : answers_) {
        answer->setFont(scaledFont(sizes::valuePoint));
        const QString verdict = answer->property("verdict").toString();
        answer->setStyleSheet(verdict == QLatin1String("right")   ? QStringLiteral("background: %1; color: white;").arg(colours::secondary.name())
                              : verdict == QLatin1String("wrong") ? QStringLiteral("background: %1; color: white;").arg(colours::tails.name())
                                                                  : QString());
    }
    revealButton_->setFont(scaledFont(sizes::valuePoint, true));
    // An orange edge, as the preset's note has: what the lecture asks, above what the run shows.
    setStyleSheet(QStringLiteral("QFrame#lessonPlayer { background: %1; border-left: 6px solid %2; } QLabel { color: %3; }")
                      .arg(colours::panel.name(), colours::accent.name(), colours::text.name()));
}

} // namespace collapse::ui
