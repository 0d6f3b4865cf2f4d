#pragma once

#include "run_history.h"

#include <QChartView>

class QAreaSeries;
class QLineSeries;
class QValueAxis;

namespace collapse::ui {

// One metric over generations: the median across replicates as a line over its 10–90% band (the
// distributions are heavy-tailed, so no mean), a marker at the generation on stage, and the original's
// value as a dotted reference line where there is one.
class MetricChart : public QChartView {
    Q_OBJECT

public:
    MetricChart(QString column, const QString& title, QWidget* parent = nullptr);

    const QString& column() const { return column_; }
    // A new run: the x axis spans all its generations; `reference` is the original's value (NaN: none).
    void resetRun(int generations, double reference);
    // Redraws median and band from the history (cheap enough for a few times a second).
    void updateData(const RunHistory& history);
    void setCurrentGeneration(int generation);

    int pointCount() const;
    double medianAt(int generation) const;

private:
    void updateMarker();

    QString column_;
    QLineSeries* median_;
    QLineSeries* upper_;
    QLineSeries* lower_;
    QAreaSeries* band_;
    QLineSeries* marker_;
    QLineSeries* reference_;
    QValueAxis* xAxis_;
    QValueAxis* yAxis_;
    int generation_ = 0;
    double referenceValue_;
};

// What the window charts for each model, with a plain title; the first column is the stage's tail mass.
struct ChartedMetric {
    QString column;
    QString title;
    double reference;  // the original's value, NaN for none
};
QVector<ChartedMetric> chartedMetrics(const Scenario& scenario);

} // namespace collapse::ui
