#pragma once

#include "core/metric.h"
#include "ui/run_history.h"

#include <QPixmap>
#include <QWidget>

class QAreaSeries;
class QChart;
class QGraphicsScene;
class QLineSeries;
class QValueAxis;

namespace collapse::ui {

// One metric over generations: the median across replicates as a line over its 10–90% band (the
// distributions are heavy-tailed, so no mean), a marker at the generation on stage, and the original's
// value as a dotted reference line where there is one.
//
// The chart (Qt Charts) is drawn into a cached pixmap whenever its data changes; moving the marker, which
// happens every animation frame, only draws the pixmap and a line.
class MetricChart : public QWidget {
    Q_OBJECT

public:
    explicit MetricChart(const MetricDescriptor& metric, QWidget* parent = nullptr);

    const MetricDescriptor& metric() const { return *metric_; }
    // A new run: the x axis spans all its generations; `reference` is the original's value (NaN: none).
    void resetRun(int generations, double reference);
    // Redraws median and band from the history (cheap enough for a few times a second), and those of
    // the second side of a comparison, dashed in another colour on the same axes.
    void updateData(const RunHistory& history, const RunHistory* comparison = nullptr);
    // A comparison's two sides by name, in a legend; an empty `second` hides the legend.
    void setSideLabels(const QString& first, const QString& second);
    void setCurrentGeneration(int generation);
    // Markers at several generations at once (the small multiples of a paper figure).
    void setMarkedGenerations(const QVector<int>& generations);

    int pointCount() const;
    double medianAt(int generation) const;
    // Draws the chart, markers included, as vectors where the painter's device has them; on white, or
    // on nothing when not `opaque`.
    void render(QPainter& painter, const QRectF& area, bool opaque = true);
    // The two layers of render() apart: the chart, which changes only with its data, and the markers.
    void renderChart(QPainter& painter, const QRectF& area, bool opaque = true);
    void renderMarkers(QPainter& painter, const QRectF& area);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void invalidate();
    // Lays the chart out at `size` (a costly step, skipped when the size is unchanged).
    void fitTo(const QSizeF& size);
    void drawMarker(QPainter& painter) const;

    const MetricDescriptor* metric_;
    QGraphicsScene* scene_;
    QChart* chart_;
    QPixmap cache_;
    struct SideSeries {
        QLineSeries* median;
        QLineSeries* upper;
        QLineSeries* lower;
        QAreaSeries* band;
    };
    SideSeries sides_[2];
    QLineSeries* reference_;
    QValueAxis* xAxis_;
    QValueAxis* yAxis_;
    QVector<int> marked_{0};
    double referenceValue_;
};

} // namespace collapse::ui
