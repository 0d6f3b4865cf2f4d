#include "ui/stages/shared/points_stage.h"

#include "core/data_error.h"
#include "ui/contour.h"
#include "ui/plot_painting.h"
#include "ui/run_history.h"
#include "ui/theme.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

namespace {

constexpr int kRegionPoints = 121;
constexpr double kStripGap = 8.0;

// The original's density as contours: a Gaussian kernel density estimate of its fixed sample (bandwidth
// a fortieth of the view) on a grid, cut at the levels that enclose 50% and 90% of the sample (the
// highest-density regions of those masses).
QVector<QLineF> densityContours(const Samples& points, const QRectF& view)
{
    constexpr int kGrid = 100;
    const double bandwidth = view.width() / 40.0;
    const auto density = [&](const Eigen::Vector2d& at) {
        return (-(points.colwise() - at).colwise().squaredNorm().array() / (2.0 * bandwidth * bandwidth)).exp().sum();
    };
    Eigen::MatrixXd grid(kGrid, kGrid);
    for (int j = 0; j < kGrid; ++j) {
        for (int i = 0; i < kGrid; ++i) {
            grid(i, j) = density({view.left() + view.width() * i / (kGrid - 1), view.top() + view.height() * j / (kGrid - 1)});
        }
    }
    std::vector<double> atPoints(static_cast<std::size_t>(points.cols()));
    for (Eigen::Index k = 0; k < points.cols(); ++k) {
        atPoints[static_cast<std::size_t>(k)] = density(points.col(k));
    }
    std::sort(atPoints.begin(), atPoints.end());
    QVector<QLineF> contours;
    for (const double mass : {0.5, 0.9}) {
        contours += contourSegments(grid, atPoints[static_cast<std::size_t>((1.0 - mass) * static_cast<double>(atPoints.size()))], view);
    }
    return contours;
}

QColor faded(const QColor& colour, double opacity)
{
    QColor result = colour;
    result.setAlphaF(static_cast<float>(std::min(1.0, opacity)));
    return result;
}

} // namespace

QVector<QPointF> pointsOf(const Eigen::Ref<const Eigen::MatrixXd>& samples)
{
    QVector<QPointF> points;
    points.reserve(samples.cols());
    for (Eigen::Index i = 0; i < samples.cols(); ++i) {
        points.append(QPointF(samples(0, i), samples(1, i)));
    }
    return points;
}

PointsStage::PointsStage(OriginalOf originalOf, StripOf stripOf, QString stripLegend, QWidget* parent)
    : StageView(parent), originalOf_(std::move(originalOf)), stripOf_(std::move(stripOf)), stripLegend_(std::move(stripLegend))
{
    setMinimumSize(260, 180);
}

void PointsStage::setScenario(const Scenario& scenario)
{
    ring_ = false;
    contours_.clear();
    region_.clear();
    central_.reset();
    try {
        const Original original = originalOf_(scenario);
        const Samples& reference = original.reference;
        ring_ = original.ring;
        central_.emplace(reference, 0.95);
        const Eigen::Matrix2Xd boundary = central_->boundary(kRegionPoints);
        for (Eigen::Index i = 0; i < boundary.cols(); ++i) {
            region_.append(QPointF(boundary(0, i), boundary(1, i)));
        }
        // A square view around the original and its region, with room for samples that wander.
        const QRectF box = QPolygonF(pointsOf(reference)).boundingRect().united(region_.boundingRect());
        const double half = 0.6 * std::max(box.width(), box.height());
        view_ = QRectF(box.center().x() - half, box.center().y() - half, 2 * half, 2 * half);
        contours_ = densityContours(reference, view_);
    } catch (const DataError&) {
        view_ = QRectF(-4, -4, 8, 8);
    }
    invalidateBackground();
    clearGeneration();
}

void PointsStage::clearGeneration()
{
    shownGeneration_ = -1;
    inside_.clear();
    outside_.clear();
    previous_.clear();
    strip_ = {};
    update();
}

void PointsStage::showGeneration(const RunHistory& history, int generation)
{
    const SnapshotPointer& snapshot = history.at(generation);
    if (snapshot->model == nullptr || !central_) {
        return;
    }
    shownGeneration_ = generation;
    const Samples& samples = snapshot->samples;
    const auto outside = central_->outside(samples);
    inside_.clear();
    outside_.clear();
    for (Eigen::Index i = 0; i < samples.cols(); ++i) {
        (outside[i] ? outside_ : inside_).append(QPointF(samples(0, i), samples(1, i)));
    }
    previous_ = generation > 0 ? pointsOf(history.at(generation - 1)->samples) : QVector<QPointF>();
    strip_ = stripOf_ ? stripOf_(*snapshot->model) : Strip();
    precision_ = history.shownValue(generation, sample_metrics::precision);
    modesKept_ = ring_ ? history.shownValue(generation, sample_metrics::modesKept) : 0.0;
    update();
}

QString PointsStage::status() const
{
    if (ring_) {
        return tr("modes kept: %1 of 8").arg(static_cast<int>(std::lround(modesKept_)));
    }
    return tr("samples like the original: %1").arg(percentText(precision_));
}

QString PointsStage::statusExample() const
{
    return ring_ ? tr("modes kept: %1 of 8").arg(8) : tr("samples like the original: %1").arg(QStringLiteral("99.9%"));
}

QString PointsStage::waitingTitle() const
{
    return tr("The original points");
}

QVector<LegendEntry> PointsStage::legendEntries() const
{
    QVector<LegendEntry> entries{{colours::original, Qt::SolidLine, tr("original (50%, 90%)")},
            {colours::tails, Qt::DashLine, tr("original's central 95%")},
            {colours::points, Qt::NoPen, tr("samples")},
            {colours::tails, Qt::NoPen, tr("samples in the tails")},
            {faded(colours::model, colours::fadedOpacity), Qt::NoPen, tr("previous generation")}};
    if (stripOf_) {
        entries.append({colours::accent, Qt::SolidLine, stripLegend_});
    }
    return entries;
}

PointsStage::Layout PointsStage::layOut(const QRectF& area) const
{
    const QRectF body = frame(area).body;
    Layout layout;
    // The strip along the bottom, five square panels (or one a cloud), where the model has one and there is
    // room.
    const int panels = std::max<int>(1, static_cast<int>(std::max<qsizetype>(strip_.clouds.size(), 5)));
    const PlotMargins margins = plotMargins();
    const double panel = std::min(0.22 * body.height(), (body.width() - margins.left - margins.right) / panels - kStripGap);
    const bool strip = stripOf_ && panel >= 40.0;
    const double label = QFontMetricsF(scaledFont(sizes::bodyPoint)).height();
    const QRectF above = strip ? body.adjusted(0, 0, 0, -(panel + 2.0 * kStripGap + label)) : body;
    const QRectF available = above.adjusted(margins.left, margins.top, -margins.right, -margins.bottom);
    const double side = std::max(10.0, std::min(available.width(), available.height()));
    layout.plot = QRectF(available.center().x() - side / 2, available.top(), side, side);
    if (strip) {
        const double width = panels * panel + (panels - 1) * kStripGap;
        const double left = body.center().x() - width / 2;
        for (int i = 0; i < panels; ++i) {
            layout.strip.append(QRectF(left + i * (panel + kStripGap), body.bottom() - label - panel - kStripGap, panel, panel));
        }
    }
    return layout;
}

QTransform PointsStage::dataToPlot(const QRectF& plot) const
{
    QTransform transform;
    transform.translate(plot.left(), plot.bottom());
    transform.scale(plot.width() / view_.width(), -plot.height() / view_.height());
    transform.translate(-view_.left(), -view_.top());
    return transform;
}

void PointsStage::renderBackground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    painter.save();
    drawPlotAxes(painter, layout.plot, view_, QObject::tr("x\u2081"), QObject::tr("x\u2082"));
    painter.setClipRect(layout.plot);
    painter.setTransform(dataToPlot(layout.plot), true);
    // Solid: a contour comes as many short segments, which a dash pattern would restart on each.
    painter.setPen(cosmeticPen(colours::original, 2.0));
    painter.drawLines(contours_);
    painter.setPen(cosmeticPen(colours::tails, 2.0, Qt::DashLine));
    painter.drawPolyline(region_);
    painter.restore();
    drawFrameLegend(painter, frame(area));
}

void PointsStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    drawHeading(painter, frame(area), status(), colours::tailsText);
    painter.save();
    painter.setClipRect(layout.plot.adjusted(1, 1, -1, -1));
    painter.setTransform(dataToPlot(layout.plot), true);
    // Thousands of points: dots sized to the plot, so that a small plot still shows the shape they make.
    const double dot = std::clamp(layout.plot.width() / 140.0, 1.5, 4.0);
    painter.setPen(cosmeticPen(faded(colours::model, 0.5 * colours::fadedOpacity), 0.75 * dot));
    painter.drawPoints(previous_.constData(), static_cast<int>(previous_.size()));
    painter.setPen(cosmeticPen(colours::points, dot));
    painter.drawPoints(inside_.constData(), static_cast<int>(inside_.size()));
    painter.setPen(cosmeticPen(colours::tails, 1.25 * dot));
    painter.drawPoints(outside_.constData(), static_cast<int>(outside_.size()));
    painter.restore();

    // The strip: a cloud at each step, one point's path drawn in the last panel.
    QPolygonF path;
    for (const auto& cloud : strip_.clouds) {
        if (!cloud.isEmpty()) {
            path.append(cloud.front());
        }
    }
    for (int i = 0; i < layout.strip.size() && i < strip_.clouds.size(); ++i) {
        const QRectF panel = layout.strip[i];
        painter.save();
        painter.setPen(cosmeticPen(colours::axis, 1.0));
        painter.drawRect(panel);
        painter.setPen(colours::text);
        painter.setFont(scaledFont(sizes::bodyPoint));
        painter.drawText(QRectF(panel.left() - kStripGap, panel.bottom() + 2, panel.width() + 2 * kStripGap,
                                QFontMetricsF(painter.font()).height()),
                         Qt::AlignHCenter | Qt::AlignTop, tr("t = %1").arg(strip_.steps[i]));
        painter.setClipRect(panel.adjusted(1, 1, -1, -1));
        painter.setTransform(dataToPlot(panel), true);
        painter.setPen(cosmeticPen(colours::points, 2.0));
        painter.drawPoints(strip_.clouds[i].constData(), static_cast<int>(strip_.clouds[i].size()));
        if (i + 1 == strip_.clouds.size()) {
            painter.setPen(cosmeticPen(colours::accent, 2.0));
            painter.drawPolyline(path);
        }
        painter.setPen(cosmeticPen(colours::accent, 7.0));
        if (!strip_.clouds[i].isEmpty()) {
            painter.drawPoint(strip_.clouds[i].front());
        }
        painter.restore();
    }
}

} // namespace collapse::ui
