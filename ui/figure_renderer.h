#pragma once

#include "ui/metric_chart.h"
#include "ui/run_history.h"
#include "ui/stage_view.h"

#include <QImage>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace collapse::ui {

// What an exported picture shows: the stage, the metric charts, or both side by side as in the window.
enum class ExportView { Stage, Metrics, Both };
std::optional<ExportView> exportViewNamed(const QString& name);

// One run to draw, with the label it carries when two are shown side by side.
struct LabelledHistory {
    QString label;
    const RunHistory* history;
};

// Draws runs offscreen with the window's own stage and chart classes, so an exported figure or frame
// is what the window shows. It holds its own views, never shown; the histories must outlive it.
// Drawing goes through QPainter only, so the same call makes a PNG, an SVG, a PDF or a video frame.
class FigureRenderer {
public:
    FigureRenderer(QVector<LabelledHistory> runs, ExportView view);
    ~FigureRenderer();

    // Generations every run has reached.
    int generationCount() const;
    ExportView view() const { return view_; }

    // One generation filling `area`: per run the stage with its "what you are seeing" line and the
    // charts with a marker at `generation`. Not `opaque`: no background is painted.
    void render(QPainter& painter, const QRectF& area, int generation, bool opaque = true);
    // The same picture into a whole image (of any device pixel ratio), for animations: what does not
    // change between generations (chart curves, stage axes, labels) is drawn once per frame size and
    // copied, and only the generation is drawn over it.
    void renderFrame(QImage& frame, int generation);

    // Small multiples: the stage at each of `generations` in a grid, with the charts beneath marking all
    // of them (when the view includes the metrics). The layout of a paper's "generation by generation"
    // figure.
    void renderSmallMultiples(QPainter& painter, const QRectF& area, const QVector<int>& generations,
                              bool opaque = true);
    // The size that gives each small multiple `panelSize`.
    QSizeF smallMultiplesSize(int panels, const QSizeF& panelSize) const;
    static QSizeF smallMultiplesSize(int panels, const QSizeF& panelSize, ExportView view, int runs);
    // The size of one small multiple unless another is asked for.
    static constexpr QSizeF kPanelSize{360.0, 270.0};
    // A paper figure's caption: each run's model and every key of its scenario, and how to read the
    // picture.
    QString caption() const;

private:
    struct RunViews {
        QString label;
        const RunHistory* history;
        std::unique_ptr<StageView> stage;
        std::vector<std::unique_ptr<MetricChart>> charts;
    };

    // Which parts a drawing pass paints.
    enum class Layers { All, Unchanging, Generation };

    void renderLayers(QPainter& painter, const QRectF& area, int generation, bool opaque, Layers layers);
    void renderRun(RunViews& run, QPainter& painter, const QRectF& area, int generation, bool opaque, Layers layers);
    void renderCharts(RunViews& run, QPainter& painter, const QRectF& area, bool oneRow, bool opaque, Layers layers);
    void renderChart(MetricChart& chart, QPainter& painter, const QRectF& area, bool opaque, Layers layers);
    void renderStageWithNarration(RunViews& run, QPainter& painter, const QRectF& area, int generation,
                                  bool opaque, Layers layers);
    // Draws the run's label when there is more than one run; returns the area left beneath it.
    QRectF drawRunLabel(const RunViews& run, QPainter& painter, const QRectF& area) const;

    std::vector<RunViews> runs_;
    ExportView view_;
    // The unchanging layers of the last frame size.
    QImage unchangingFrame_;
};

} // namespace collapse::ui
