#pragma once

#include "core/scenario.h"

#include <QPixmap>
#include <QVector>
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

    // The whole picture into `area`: the background, then the generation over it; on white, or on
    // nothing when not `opaque` (a figure with a transparent background).
    void render(QPainter& painter, const QRectF& area, bool opaque = true) const;
    // The two layers of render() apart, for animations that draw the unchanging background once.
    void renderBackgroundLayer(QPainter& painter, const QRectF& area, bool opaque = true) const;
    void renderForegroundLayer(QPainter& painter, const QRectF& area) const;

    int shownGeneration() const { return shownGeneration_; }
    // Compact: no legend and no status beside the heading, for the small panels of a paper figure.
    void setCompact(bool compact) { compact_ = compact; }
    bool compact() const { return compact_; }

protected:
    // What stays the same for the whole run (axes, legend, the original); the widget caches it.
    virtual void renderBackground(QPainter& painter, const QRectF& area) const = 0;
    // The generation on stage, drawn over the background every frame.
    virtual void renderForeground(QPainter& painter, const QRectF& area) const = 0;
    // The background must be drawn again (a new scenario).
    void invalidateBackground();
    // The stage's heading: "Generation g" (or `beforeFirst` while none is shown) at `left`, and after
    // it, once a generation is shown, one line of `status` in its colour.
    void drawHeading(QPainter& painter, const QRectF& area, double left, const QString& beforeFirst,
                     const QString& status, const QColor& statusColour) const;

    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

    int shownGeneration_ = -1;

private:
    bool compact_ = false;
    QPixmap background_;
};

// Earlier generations for a stage's fading trail: up to eight, evenly spaced so that about 60 steps
// span the whole run.
QVector<int> trailGenerations(int generation, int total);

} // namespace collapse::ui
