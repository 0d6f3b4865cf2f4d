#include "ui/metric_chart.h"

#include "ui/theme.h"

#include <QAreaSeries>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace collapse::ui {

namespace {

constexpr double kNoReference = std::numeric_limits<double>::quiet_NaN();

QList<QPointF> pointsOf(const QVector<double>& values)
{
    QList<QPointF> points;
    points.reserve(values.size());
    for (int g = 0; g < values.size(); ++g) {
        if (std::isfinite(values[g])) {
            points.append(QPointF(g, values[g]));
        }
    }
    return points;
}

} // namespace

MetricChart::MetricChart(const MetricDescriptor& metric, QWidget* parent)
    : QWidget(parent), metric_(&metric), scene_(new QGraphicsScene(this)), chart_(new QChart),
      reference_(new QLineSeries), xAxis_(new QValueAxis), yAxis_(new QValueAxis), referenceValue_(kNoReference)
{
    chart_->setTitle(QCoreApplication::translate("Metrics", metric.title.data()));
    chart_->setTitleFont(scaledFont(sizes::bodyPoint + 1, true));
    chart_->legend()->hide();
    chart_->legend()->setFont(scaledFont(sizes::bodyPoint));
    chart_->legend()->setLabelColor(colours::text);
    chart_->setMargins(QMargins(4, 4, 4, 4));
    chart_->setBackgroundRoundness(0);
    chart_->setBackgroundBrush(colours::background);
    chart_->setTitleBrush(colours::text);
    chart_->setAnimationOptions(QChart::NoAnimation);

    // Each side: its band's two edges are not series of the chart, only of the area series, which does
    // not own them: this widget does.
    const QColor lineColours[] = {colours::model, colours::accent};
    const QColor bandColours[] = {colours::band, colours::accentBand};
    for (int side = 0; side < 2; ++side) {
        SideSeries& series = sides_[side];
        series.median = new QLineSeries;
        series.upper = new QLineSeries(this);
        series.lower = new QLineSeries(this);
        series.band = new QAreaSeries(series.upper, series.lower);
        series.band->setBrush(bandColours[side]);
        series.band->setPen(Qt::NoPen);
        series.median->setPen(QPen(lineColours[side], sizes::lineWidth, side == 0 ? Qt::SolidLine : Qt::DashLine));
        chart_->addSeries(series.band);
    }
    reference_->setPen(QPen(colours::original, 1.5, Qt::DotLine));
    chart_->addSeries(reference_);
    for (const SideSeries& series : sides_) {
        chart_->addSeries(series.median);
    }
    const QFont axisFont = scaledFont(sizes::bodyPoint);
    for (QValueAxis* axis : {xAxis_, yAxis_}) {
        axis->setLabelsFont(axisFont);
        axis->setGridLineColor(colours::grid);
        axis->setLabelsBrush(colours::text);
        axis->setTitleBrush(colours::text);
        axis->setLinePenColor(colours::axis);
    }
    xAxis_->setLabelFormat("%d");
    xAxis_->setTickType(QValueAxis::TicksDynamic);
    xAxis_->setTickAnchor(0.0);
    xAxis_->setTitleText(tr("generation"));
    xAxis_->setTitleFont(axisFont);
    yAxis_->setTickCount(5);
    yAxis_->setLabelFormat("%.5g");
    chart_->addAxis(xAxis_, Qt::AlignBottom);
    chart_->addAxis(yAxis_, Qt::AlignLeft);
    for (QAbstractSeries* series : chart_->series()) {
        series->attachAxis(xAxis_);
        series->attachAxis(yAxis_);
    }
    scene_->addItem(chart_);
    setMinimumSize(260, 180);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void MetricChart::resetRun(int generations, double reference)
{
    referenceValue_ = reference;
    xAxis_->setRange(0, std::max(1, generations - 1));
    xAxis_->setTickInterval(niceTickStep(std::max(1, generations - 1), 4));
    for (const SideSeries& side : sides_) {
        for (QLineSeries* series : {side.median, side.upper, side.lower}) {
            series->clear();
        }
    }
    reference_->clear();
    if (std::isfinite(reference)) {
        reference_->replace(QList<QPointF>{{0.0, reference}, {double(std::max(1, generations - 1)), reference}});
    }
    yAxis_->setRange(std::isfinite(reference) ? reference - 1.0 : 0.0, std::isfinite(reference) ? reference + 1.0 : 1.0);
    marked_ = {0};
    invalidate();
}

void MetricChart::setSideLabels(const QString& first, const QString& second)
{
    sides_[0].median->setName(first);
    sides_[1].median->setName(second);
    const bool comparing = !second.isEmpty();
    chart_->legend()->setVisible(comparing);
    if (comparing) {
        // The legend names the two medians; bands and the reference line speak for themselves.
        for (QLegendMarker* marker : chart_->legend()->markers()) {
            marker->setVisible(marker->series() == sides_[0].median || marker->series() == sides_[1].median);
        }
        chart_->legend()->setAlignment(Qt::AlignTop);
    }
    invalidate();
}

void MetricChart::updateData(const RunHistory& history, const RunHistory* comparison)
{
    // The y range covers both bands, the reference and a margin.
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    const RunHistory* histories[] = {&history, comparison};
    for (int side = 0; side < 2; ++side) {
        static const RunHistory::Band none;
        const RunHistory::Band& band = histories[side] != nullptr ? histories[side]->band(*metric_) : none;
        sides_[side].median->replace(pointsOf(band.median));
        sides_[side].upper->replace(pointsOf(band.q90));
        sides_[side].lower->replace(pointsOf(band.q10));
        for (const auto* values : {&band.q10, &band.q90, &band.median}) {
            for (const double v : *values) {
                if (std::isfinite(v)) {
                    low = std::min(low, v);
                    high = std::max(high, v);
                }
            }
        }
    }
    if (std::isfinite(referenceValue_)) {
        low = std::min(low, referenceValue_);
        high = std::max(high, referenceValue_);
    }
    if (std::isfinite(low) && std::isfinite(high)) {
        const double margin = std::max(0.06 * (high - low), 1e-9 + 1e-6 * std::abs(high));
        // A quantity that cannot be negative (a spread, a mass) keeps its axis at zero or above.
        yAxis_->setRange(low >= 0.0 ? std::max(0.0, low - margin) : low - margin, high + margin);
        yAxis_->applyNiceNumbers();
    }
    invalidate();
}

void MetricChart::setCurrentGeneration(int generation)
{
    setMarkedGenerations({generation});
}

void MetricChart::setMarkedGenerations(const QVector<int>& generations)
{
    if (generations != marked_) {
        marked_ = generations;
        update();
    }
}

void MetricChart::invalidate()
{
    cache_ = QPixmap();
    update();
}

void MetricChart::resizeEvent(QResizeEvent*)
{
    invalidate();
}

void MetricChart::fitTo(const QSizeF& size)
{
    if (chart_->size() != size) {
        chart_->resize(size);
        scene_->setSceneRect(QRectF(QPointF(0, 0), size));
    }
}

void MetricChart::paintEvent(QPaintEvent*)
{
    fitTo(size());
    if (cache_.isNull()) {
        cache_ = paintedPixmap(*this, [this](QPainter& painter) {
            scene_->render(&painter, QRectF(QPointF(0, 0), size()), scene_->sceneRect());
        });
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, cache_);
    painter.setRenderHint(QPainter::Antialiasing);
    drawMarker(painter);
}

void MetricChart::drawMarker(QPainter& painter) const
{
    const QRectF plot = chart_->plotArea();
    painter.setPen(QPen(colours::marker, 2.5));
    for (const int generation : marked_) {
        const double x = chart_->mapToPosition(QPointF(generation, yAxis_->min()), sides_[0].median).x();
        if (x >= plot.left() - 1 && x <= plot.right() + 1) {
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
    }
}

void MetricChart::render(QPainter& painter, const QRectF& area, bool opaque)
{
    renderChart(painter, area, opaque);
    renderMarkers(painter, area);
}

void MetricChart::renderChart(QPainter& painter, const QRectF& area, bool opaque)
{
    fitTo(area.size());
    chart_->setBackgroundVisible(opaque);
    painter.save();
    painter.translate(area.topLeft());
    painter.setRenderHint(QPainter::Antialiasing);
    scene_->render(&painter, QRectF(QPointF(0, 0), area.size()), scene_->sceneRect());
    painter.restore();
    chart_->setBackgroundVisible(true);
}

void MetricChart::renderMarkers(QPainter& painter, const QRectF& area)
{
    fitTo(area.size());
    painter.save();
    painter.translate(area.topLeft());
    painter.setRenderHint(QPainter::Antialiasing);
    drawMarker(painter);
    painter.restore();
}

int MetricChart::pointCount() const
{
    return static_cast<int>(sides_[0].median->count());
}

double MetricChart::medianAt(int generation) const
{
    for (const QPointF& point : sides_[0].median->points()) {
        if (static_cast<int>(point.x()) == generation) {
            return point.y();
        }
    }
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace collapse::ui
