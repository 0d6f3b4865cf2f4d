#include "ui/chart_panel.h"

#include "ui/metric_chart.h"
#include "ui/run_controller.h"
#include "ui/stages/stage_registry.h"

#include <QGridLayout>

#include <algorithm>

namespace collapse::ui {

namespace {
// While generations stream in, one chart is redrawn per tick.
constexpr int kChartRefreshMs = 70;
// Below this height a chart is too short to read, and the charts go two to a row.
constexpr int kShortestChart = 150;
// Two charts to a row need at least this width each.
constexpr int kNarrowestChart = 280;
} // namespace

ChartPanel::ChartPanel(const RunController& runs, QWidget* parent)
    : QWidget(parent), runs_(runs), grid_(new QGridLayout(this))
{
    grid_->setContentsMargins(0, 0, 0, 0);
    refreshTimer_.setSingleShot(true);
    refreshTimer_.setInterval(kChartRefreshMs);
    connect(&refreshTimer_, &QTimer::timeout, this, &ChartPanel::refreshNext);
}

void ChartPanel::rebuild(bool fresh)
{
    const Scenario& first = runs_.side(0).scenario;
    const auto metrics = stageEntryFor(first).charts(first);
    if (fresh || charts_.isEmpty() || chartedModel_ != &first.model()) {
        qDeleteAll(charts_);
        charts_.clear();
        for (const ChartedMetric& charted : metrics) {
            auto* chart = new MetricChart(*charted.metric, charted.scale, charted.title);
            connect(chart, &MetricChart::rangeRequested, this, &ChartPanel::showGenerations);
            connect(chart, &MetricChart::resetRequested, this, &ChartPanel::resetZoom);
            charts_.append(chart);
        }
        columns_ = 0;
        chartedModel_ = &first.model();
    }
    for (int i = 0; i < charts_.size(); ++i) {
        charts_[i]->resetRun(first.generations, metrics[i].reference);
        charts_[i]->setSideLabels(runs_.side(0).label, runs_.sideCount() > 1 ? runs_.side(1).label : QString());
    }
    arrange();
}

void ChartPanel::refreshAll()
{
    for (MetricChart* chart : charts_) {
        chart->updateData(runs_.side(0).history, runs_.sideCount() > 1 ? &runs_.side(1).history : nullptr);
    }
    align();
}

void ChartPanel::generationsArrived()
{
    // Every chart is behind now: go round them all once more.
    chartsBehind_ = static_cast<int>(charts_.size());
    if (!refreshTimer_.isActive()) {
        refreshTimer_.start();
    }
}

void ChartPanel::refreshNext()
{
    if (charts_.isEmpty() || chartsBehind_ <= 0) {
        return;
    }
    nextChart_ = (nextChart_ + 1) % static_cast<int>(charts_.size());
    charts_[nextChart_]->updateData(runs_.side(0).history, runs_.sideCount() > 1 ? &runs_.side(1).history : nullptr);
    align();
    if (--chartsBehind_ > 0) {
        refreshTimer_.start();
    }
}

void ChartPanel::setCurrentGeneration(int generation)
{
    currentGeneration_ = generation;
    for (MetricChart* chart : charts_) {
        chart->setCurrentGeneration(generation);
    }
}

void ChartPanel::showGenerations(double first, double last)
{
    for (MetricChart* chart : charts_) {
        chart->showGenerations(first, last);
    }
    align();
}

void ChartPanel::resetZoom()
{
    for (MetricChart* chart : charts_) {
        chart->resetZoom();
    }
    align();
}

void ChartPanel::zoomIn()
{
    if (!charts_.isEmpty()) {
        const auto [first, last] = charts_.front()->zoomedRange(MetricChart::kZoomStep, currentGeneration_);
        showGenerations(first, last);
    }
}

void ChartPanel::zoomOut()
{
    if (!charts_.isEmpty()) {
        const auto [first, last] = charts_.front()->zoomedRange(1.0 / MetricChart::kZoomStep, currentGeneration_);
        showGenerations(first, last);
    }
}

void ChartPanel::setPlacement(bool below, int belowColumns)
{
    below_ = below;
    belowColumns_ = belowColumns;
    columns_ = 0;
    arrange();
}

void ChartPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    arrange();
}

void ChartPanel::arrange()
{
    if (charts_.isEmpty()) {
        return;
    }
    // Beside the stages: one column while each chart keeps a readable height, else two to a row. Under
    // them: one row while each chart keeps a readable width, else two rows.
    const int count = static_cast<int>(charts_.size());
    const int columns = below_ ? std::min(belowColumns_, count)
                               : (height() / count < kShortestChart && width() >= 2 * kNarrowestChart ? 2 : 1);
    if (columns != columns_) {
        columns_ = columns;
        for (MetricChart* chart : charts_) {
            grid_->removeWidget(chart);
        }
        for (int i = 0; i < count; ++i) {
            grid_->addWidget(charts_[i], i / columns, i % columns);
        }
    }
    align();
}

void ChartPanel::align()
{
    double titleScale = 1.0;
    for (MetricChart* chart : charts_) {
        titleScale = std::min(titleScale, chart->requiredTitleScale(chart->size()));
    }
    for (MetricChart* chart : charts_) {
        chart->setTitleScale(titleScale);
    }
    // Charts in one column share their plot's left edge, so a generation sits at one x in all of them.
    for (int column = 0; column < columns_; ++column) {
        double left = 0.0;
        for (int i = column; i < charts_.size(); i += columns_) {
            left = std::max(left, charts_[i]->requiredPlotLeft(charts_[i]->size()));
        }
        for (int i = column; i < charts_.size(); i += columns_) {
            charts_[i]->setPlotLeft(left);
        }
    }
}

} // namespace collapse::ui
