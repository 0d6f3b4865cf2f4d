#pragma once

#include <QObject>
#include <QTimer>

namespace collapse::ui {

class RunController;

// Which generation is on stage, and the clock that moves it: playback steps through what every side has
// computed, one generation per tick, and stops at the end of a finished run. The window draws whatever
// generation it is told.
class Playback : public QObject {
    Q_OBJECT

public:
    explicit Playback(const RunController& runs, QObject* parent = nullptr);

    int shown() const { return shown_; }
    bool isPlaying() const { return playing_; }

    // Shows `generation` (clamped to what has been computed) without pausing.
    void show(int generation);
    // Pauses and shows `generation`.
    void goTo(int generation);
    // Nothing shown: a new run is on its way.
    void clear();
    void setPlaying(bool playing);
    // Play at the end of a finished run starts again from generation 0.
    void togglePlay();
    // Pauses and moves by `delta` generations.
    void step(int delta);
    void setGenerationsPerSecond(int generationsPerSecond);

signals:
    void shownChanged(int generation);
    void playingChanged(bool playing);

private:
    void tick();

    const RunController& runs_;
    QTimer timer_;
    int shown_ = -1;
    bool playing_ = false;
};

} // namespace collapse::ui
