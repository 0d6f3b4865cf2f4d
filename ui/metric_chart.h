#pragma once

#include "core/metric.h"
#include "ui/plot_painting.h"
#include "ui/run_history.h"

#include <QChartView>
#include <QString>
#include <QVector>

#include <array>
#include <limits>
#include <vector>

class QAreaSeries;
class QCategoryAxis;
class QChart;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLineSeries;

namespace collapse::ui {

class ChartDecorations;

// One metric over generations, on Qt Charts: the median across replicates as a line over its 10–90% band
// (the distributions are heavy-tailed, so no mean), a marker at the generation on stage, and the
// original's value as a dotted reference line where there is one. A value that does not exist is a gap
// in the line (Qt Charts draws no gaps, so each unbroken run is a series of its own).
//
// The chart lays itself out for the room it has — a title wrapped onto a second line, fewer ticks, no
// axis title when short — so that no label is ever cut. Its y axis never leaves the metric's own range
// (a probability stays in [0, 1]) and follows the medians of the generations in view: a band that
// reaches far beyond them is cut at the plot's edge, with a mark where it continues. Stacked charts
// share their plot's left edge (setPlotLeft), so that generation g sits at the same x in each.
//
// A user can question it: hovering shows a crosshair and each side's median and band at that
// generation; dragging across generations, the wheel and the keyboard (+, −, 0, Esc) zoom, which the
// chart asks of its panel so that every chart shows the same range; the legend hides and shows what it
// names; the context menu copies the data as CSV or saves the chart alone as a figure.
class MetricChart : public QChartView {
    Q_OBJECT

public:
    // The smallest a chart may be: a row of four under two stages on a 1024-pixel screen.
    static constexpr QSize kSmallest{140, 100};
    // One wheel step or key press shows this fraction of the generations in view.
    static constexpr double kZoomStep = 0.8;

    // Linear, or for a quantity that is always negative and spans orders of magnitude (a log-likelihood
    // that plunges as the model forgets), its negative on a logarithmic axis.
    enum class Scale { Linear, NegatedLog };

    // What the legend can hide: each side's median and band, and the original's value.
    enum class Part { FirstMedian, FirstBand, SecondMedian, SecondBand, Original };
    static constexpr int kParts = 5;

    // `title` replaces the metric's own title (for a scale that shows it transformed).
    explicit MetricChart(const MetricDescriptor& metric, Scale scale = Scale::Linear, const QString& title = QString(),
                         QWidget* parent = nullptr);
    ~MetricChart() override;

    const MetricDescriptor& metric() const { return *metric_; }
    QString title() const { return title_; }
    // A new run: the x axis spans all its generations; `reference` is the original's value (NaN: none).
    void resetRun(int generations, double reference);
    // Takes median and band from the history, and those of the second side of a comparison, drawn
    // dashed in another colour on the same axes.
    void updateData(const RunHistory& history, const RunHistory* comparison = nullptr);
    // A comparison's two sides by name, in a legend under the title; an empty `second` names the parts of
    // one side instead, where there is room.
    void setSideLabels(const QString& first, const QString& second);
    void setCurrentGeneration(int generation);
    // Markers at several generations at once (the small multiples of a paper figure).
    void setMarkedGenerations(const QVector<int>& generations);
    // The plot's left edge, in pixels from the chart's left; a negative value lets the chart choose.
    void setPlotLeft(double left);
    // The room the y tick labels need at `size`: the smallest plot left edge that shows them whole.
    double requiredPlotLeft(const QSizeF& size) const;
    // The title's type as a fraction of its full size; charts shown together share the smallest, so
    // that no title looks louder than its neighbour's.
    void setTitleScale(double scale);
    // The largest fraction at which the title fits `size` on its fewest lines.
    double requiredTitleScale(const QSizeF& size) const;
    // Lines thinned to what each device pixel column shows (the window); figures keep every point, as a
    // vector file may be zoomed.
    void setThinned(bool thinned);

    // The generations in view, [first, last]; all of them unless zoomed.
    double firstShown() const { return from_; }
    double lastShown() const { return to_; }
    bool isZoomed() const { return zoomed_; }
    // Shows generations [first, last] (at least two generations wide, within the run); resetZoom() shows
    // them all again. The panel calls these for every chart when one asks (rangeRequested).
    void showGenerations(double first, double last);
    void resetZoom();
    // The range that zooming by `factor` (below 1: in) around `generation` asks for.
    QPair<double, double> zoomedRange(double factor, double generation) const;

    bool isShown(Part part) const { return shown_[static_cast<int>(part)]; }
    void setShown(Part part, bool shown);
    // The legend's entries, as drawn, with what each hides and where it is in the chart's coordinates.
    struct LegendHit {
        QRectF area;
        QVector<Part> parts;
    };
    QVector<LegendHit> legendHits() const;

    // What hovering at `generation` shows: the generation, and each side's median and band.
    QString valuesAt(int generation) const;
    // The label shown now, empty when the pointer is not over the plot.
    QString hoverText() const;
    // Every generation's median and band of each side, as CSV with a header, in the metric's own units.
    QString dataCsv() const;
    // A number as the hover label and the CSV's readers see it: four significant digits.
    static QString valueText(double value);

    int pointCount() const;
    double medianAt(int generation) const;
    // The plot's rectangle when the chart is drawn at `size`.
    QRectF plotArea(const QSizeF& size) const;
    // The x of `generation` in the plot as the chart shows it now, in the chart's coordinates.
    double xOfGeneration(double generation) const;

    // Draws the chart, markers included, as vectors where the painter's device has them; on the
    // theme's background, or on nothing when not `opaque`. The chart takes the size of `area` to draw it:
    // call it on a chart that is not shown (a figure's own).
    void render(QPainter& painter, const QRectF& area, bool opaque = true);
    // The two layers of render() apart: the chart, which changes only with its data, and the markers.
    void renderChart(QPainter& painter, const QRectF& area, bool opaque = true);
    void renderMarkers(QPainter& painter, const QRectF& area);

signals:
    // The user zoomed: the panel shows [first, last] in every chart.
    void rangeRequested(double first, double last);
    void resetRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;

private:
    // One side's values over generations, as the history holds them.
    struct Series {
        QVector<double> median, q10, q90;
    };
    // The pieces of one side on the chart: a band, a median and edge marks per unbroken run.
    struct SideSeries {
        std::vector<QAreaSeries*> bands;
        std::vector<QLineSeries*> medians;
        std::vector<QLineSeries*> overflows;
    };
    struct Layout;
    Layout layOut(const QSizeF& size) const;
    // `plotLeft` negative: the room the y labels need.
    Layout layOut(const QSizeF& size, double plotLeft) const;

    // The chart laid out at `size` and its series refilled: after any change of data, size or range.
    void relayOut(const QSizeF& size);
    void fillSeries(const Layout& layout);
    // Enough pieces for `runs` unbroken runs per side, added to the chart in drawing order.
    void ensurePieces(const std::array<int, 2>& bandRuns, const std::array<int, 2>& medianRuns,
                      const std::array<int, 2>& overflowRuns);
    void styleSeries();
    void placeMarkers();
    void followRange();
    void showHover(const QPointF& position);
    void hideHover();
    void saveFigure();

    // A value as the axis shows it: itself, or log10 of its negative.
    double shown(double value) const;
    Series shownSeries(int side) const;
    QString yLabel(double tick, double step) const;
    // The legend's entries: the two sides when comparing, else median, band and original.
    QVector<LegendEntry> legendEntries() const;
    QVector<QVector<Part>> legendParts() const;
    double generationAt(double x) const;

    const MetricDescriptor* metric_;
    Scale scale_;
    QString title_;
    Series sides_[2];
    bool hasSide_[2] = {false, false};
    QString sideLabels_[2];
    double reference_ = std::numeric_limits<double>::quiet_NaN();
    int generations_ = 1;
    double low_ = 0.0;
    double high_ = 1.0;
    double from_ = 0.0;
    double to_ = 1.0;
    bool zoomed_ = false;
    double plotLeft_ = -1.0;
    double titleScale_ = 1.0;
    bool thinned_ = true;
    std::array<bool, kParts> shown_{true, true, true, true, true};
    QVector<int> marked_{0};

    QChart* chart_;
    QCategoryAxis* xAxis_;
    QCategoryAxis* yAxis_;
    SideSeries pieces_[2];
    QLineSeries* referenceLine_;
    ChartDecorations* decorations_;
    std::vector<QGraphicsLineItem*> markers_;
    QGraphicsLineItem* crosshair_;
    QGraphicsLineItem* level_;
    QGraphicsRectItem* hoverBox_;
    QGraphicsSimpleTextItem* hoverLabel_;
    QGraphicsRectItem* selection_;
    double dragStart_ = -1.0;
    QString hoverText_;
};

} // namespace collapse::ui
