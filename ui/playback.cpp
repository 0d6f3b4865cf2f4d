#include "ui/playback.h"

#include "ui/run_controller.h"

#include <algorithm>

namespace collapse::ui {

Playback::Playback(const RunController& runs, QObject* parent) : QObject(parent), runs_(runs)
{
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &Playback::tick);
}

void Playback::show(int generation)
{
    const int available = runs_.availableGenerations();
    if (available <= 0) {
        return;
    }
    shown_ = std::clamp(generation, 0, available - 1);
    emit shownChanged(shown_);
}

void Playback::goTo(int generation)
{
    setPlaying(false);
    show(generation);
}

void Playback::clear()
{
    shown_ = -1;
}

void Playback::setPlaying(bool playing)
{
    playing_ = playing;
    if (playing) {
        timer_.start();
    } else {
        timer_.stop();
    }
    emit playingChanged(playing);
}

void Playback::togglePlay()
{
    if (!playing_ && runs_.isComplete() && shown_ == runs_.availableGenerations() - 1) {
        show(0);
    }
    setPlaying(!playing_);
}

void Playback::step(int delta)
{
    setPlaying(false);
    show(shown_ + delta);
}

void Playback::setGenerationsPerSecond(int generationsPerSecond)
{
    timer_.setInterval(1000 / generationsPerSecond);
}

void Playback::tick()
{
    if (shown_ + 1 < runs_.availableGenerations()) {
        show(shown_ + 1);
    } else if (runs_.isComplete() && shown_ >= 0) {
        setPlaying(false);
    }
}

} // namespace collapse::ui
