#pragma once

#include "scenario.h"

#include <QWidget>

#include <memory>

class QPainter;

namespace collapse::ui {

class RunHistory;

// The model's own view of one generation, the centre of the window. It draws through render(), so the
// same picture goes to the screen, an image or a vector file. Axes stay at the original's scale for
// the whole run, so that the narrowing shows instead of being rescaled away.
class StageView : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    // A new run: sets the axes and the original's outline.
    virtual void setScenario(const Scenario& scenario) = 0;
    // Shows `generation` of the history, with a fading trail of earlier generations.
    virtual void showGeneration(const RunHistory& history, int generation) = 0;
    // Nothing received yet: the original alone.
    virtual void clearGeneration() = 0;
    virtual void render(QPainter& painter, const QRectF& area) const = 0;

    int shownGeneration() const { return shownGeneration_; }

protected:
    void paintEvent(QPaintEvent* event) override;

    int shownGeneration_ = -1;
};

// Which stage a scenario needs; a change of kind means a new StageView.
enum class StageKind { Density1D, Scatter2D };
StageKind stageKindFor(const Scenario& scenario);
std::unique_ptr<StageView> makeStageView(StageKind kind, QWidget* parent = nullptr);

} // namespace collapse::ui
