#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;
class QSlider;
class QToolButton;

namespace collapse::ui {

// Reset, step back, play/pause, step forward, speed, the chain on stage, a timeline to scrub and
// "Generation g / last". It only reports what the user asks for; the window decides what that means.
class TransportBar : public QWidget {
    Q_OBJECT

public:
    enum class Speed { Slow, Normal, Fast };

    explicit TransportBar(QWidget* parent = nullptr);

    // `available` generations have been computed out of `total`.
    void showPosition(int generation, int available, int total);
    // The chain on stage, counted from 0, out of `chains` (the control hides for a single chain).
    void showChain(int chain, int chains);
    void setPlaying(bool playing);
    // Draws the buttons' symbols again in the current theme's colours.
    void refreshIcons();
    void setSpeed(Speed speed);
    Speed speed() const;
    // One speed slower (negative `steps`) or faster, within the three.
    void changeSpeed(int steps);

    QToolButton* playButton() const { return play_; }
    QToolButton* resetButton() const { return reset_; }
    QToolButton* stepBackButton() const { return stepBack_; }
    QToolButton* stepForwardButton() const { return stepForward_; }
    QSlider* timeline() const { return timeline_; }

    // Generations shown per second at a speed.
    static int generationsPerSecond(Speed speed);

signals:
    void resetRequested();
    void stepBackRequested();
    void playToggled();
    void stepForwardRequested();
    void speedChanged(collapse::ui::TransportBar::Speed speed);
    void scrubbed(int generation);
    // The user picked chain `chain` (counted from 0) for the stage, or asked for the most typical one.
    void chainPicked(int chain);
    void typicalChainRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // Below this width (a 1024-pixel projector) the chain and the position go without their words
    // ("1 of 1000", "499 / 499"; the stage's heading names the generation), leaving the timeline room
    // to scrub.
    static constexpr int kCompactBelow = 1280;
    void showPositionText();

    bool playing_ = false;
    bool compact_ = false;
    int generation_ = 0;
    int available_ = 0;
    int total_ = 0;
    QToolButton* reset_;
    QToolButton* stepBack_;
    QToolButton* play_;
    QToolButton* stepForward_;
    QComboBox* speed_;
    QSpinBox* chain_;
    QToolButton* typical_;
    QSlider* timeline_;
    QLabel* position_;
    bool updating_ = false;
};

} // namespace collapse::ui
