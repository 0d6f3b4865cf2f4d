#pragma once

#include "core/scenario.h"
#include "ui/plot_painting.h"

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
    // Without its legend, when one legend serves several stages side by side.
    void setLegendShown(bool shown);
    // One of many chains drawn small (the many-chains view): compact, its plot in a bare frame that
    // leaves the tick labels and axis titles to the eye (every chain has the same axes), and its
    // heading the caption alone, since all of them show the transport's generation.
    void setSmallMultiple(bool small);
    bool isSmallMultiple() const { return smallMultiple_; }
    // What the heading shows and makes room for: the side's name in a comparison, before the generation
    // ("replace · Generation 4"); every side's name on stage, so that all headings take the type the
    // longest needs; and the last generation of the run, the widest number the heading will show.
    struct Heading {
        QString caption;
        QStringList captionsOnStage;
        int lastGeneration = 99999;
        bool operator==(const Heading&) const = default;
    };
    void setHeading(const Heading& heading);
    // What the legend explains; the stage's own entries.
    virtual QVector<LegendEntry> legendEntries() const { return {}; }

protected:
    // What stays the same for the whole run (axes, legend, the original); the widget caches it.
    virtual void renderBackground(QPainter& painter, const QRectF& area) const = 0;
    // The generation on stage, drawn over the background every frame.
    virtual void renderForeground(QPainter& painter, const QRectF& area) const = 0;
    // The background must be drawn again (a new scenario).
    void invalidateBackground();

    // The parts of a stage's area: the heading along the top, the legend under it (none when compact),
    // and the body the picture fills. The same area always gives the same frame, so the cached background
    // and the generation drawn over it line up, whatever the status says.
    struct Frame {
        QRectF heading;
        QRectF legend;
        QVector<LegendEntry> legendEntries; // what the legend strip explains (none when compact)
        QRectF body;
        bool statusBelowTitle = false; // a narrow stage puts the status on a line of its own
        int titleLines = 1;
        QFont titleFont; // every side's title in the type the longest side name needs
        int statusLines = 1; // below the title
    };
    Frame frame(const QRectF& area) const;
    // The frame the area would have with `entries` in its legend.
    Frame frame(const QRectF& area, const QVector<LegendEntry>& entries) const;
    // The entries for the legend in `area`: all of legendEntries(), unless a small area leaves out the
    // parts of the picture that some of them explain.
    virtual QVector<LegendEntry> legendEntriesFor(const QRectF& area) const;
    // Room around a plot for its tick labels and axis titles: kPlotMargins, or a few pixels for a small
    // multiple.
    PlotMargins plotMargins() const;
    // The axes of a plot showing the data rectangle `shown`, with ticks and titles (drawAxes,
    // drawAxisTitles), or a small multiple's frame.
    void drawPlotAxes(QPainter& painter, const QRectF& plot, const QRectF& shown, const QString& xTitle,
                      const QString& yTitle) const;
    // The widest status the heading may show, to reserve its room ("mass beyond …: 99.9%").
    virtual QString statusExample() const { return {}; }
    // Where the heading and legend start from the area's left edge (a plot's left axis, say).
    virtual double headingIndent() const { return 16.0; }
    // A square picture (a 2-D scatter): where the area is wide, its legend goes beside it, not above.
    virtual bool squareBody() const { return false; }
    // The heading while no generation is shown yet ("The original distribution").
    virtual QString waitingTitle() const = 0;
    // The stage's heading: "Generation g" (or waitingTitle() while none is shown), and once a generation
    // is shown, `status` in its colour beside it or, when the stage is narrow, under it.
    void drawHeading(QPainter& painter, const Frame& frame, const QString& status, const QColor& statusColour) const;
    // The legend in its strip of the frame.
    void drawFrameLegend(QPainter& painter, const Frame& frame) const;
    // "mass in the original's tails: 6.1%", the status of the stages that show a tail mass.
    static QString tailMassStatus(const QString& percent);

    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

    int shownGeneration_ = -1;

private:
    // The longest each side's heading can be, one per side on stage: "real-50 · Generation 99", or with
    // `waiting` the heading before the first generation.
    QStringList widestTitles(bool waiting) const;
    // "caption · Generation g", or `shown` alone without a caption, or the caption alone where the
    // heading leaves the generation out.
    QString titleWith(const QString& caption, const QString& shown) const;

    bool compact_ = false;
    bool smallMultiple_ = false;
    bool legendShown_ = true;
    Heading heading_;
    QPixmap background_;
};

// Earlier generations for a stage's fading trail: up to eight, evenly spaced so that about 60 steps
// span the whole run.
QVector<int> trailGenerations(int generation, int total);

} // namespace collapse::ui
