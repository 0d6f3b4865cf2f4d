#include "ui/stages/gmm/scatter_stage.h"

#include "core/central_region.h"
#include "core/mixture_model.h"
#include "core/models/gmm/gmm_model.h"
#include "ui/contour.h"
#include "ui/plot_painting.h"
#include "ui/run_history.h"
#include "ui/theme.h"

#include <QPainter>
#include <QPainterPath>

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace collapse::ui {

namespace {

constexpr int kDensityImageSize = 240;
constexpr int kRegionGridSize = 200;

const MixtureModel* mixtureOf(const SnapshotPointer& snapshot)
{
    return dynamic_cast<const MixtureModel*>(snapshot->model.get());
}

// The ellipse {x : (x - mean)^T covariance^{-1} (x - mean) = radius²}.
QPainterPath ellipsePath(const Eigen::VectorXd& mean, const Eigen::MatrixXd& covariance, double radius)
{
    const Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eigen(covariance.topLeftCorner<2, 2>());
    const Eigen::Matrix2d axes =
        eigen.eigenvectors() * eigen.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal() * radius;
    QPainterPath path;
    constexpr int steps = 72;
    for (int i = 0; i <= steps; ++i) {
        const double angle = 2.0 * std::numbers::pi * i / steps;
        const Eigen::Vector2d point = mean.head<2>() + axes * Eigen::Vector2d(std::cos(angle), std::sin(angle));
        if (i == 0) {
            path.moveTo(point.x(), point.y());
        } else {
            path.lineTo(point.x(), point.y());
        }
    }
    return path;
}

} // namespace

ScatterStage::ScatterStage(QWidget* parent) : StageView(parent)
{
    setMinimumSize(260, 180);
}

void ScatterStage::setScenario(const Scenario& scenario)
{
    original_ = originalMixture(scenario.as<GmmSettings>());
    double reach = 0.0;
    for (const auto& component : original_->components()) {
        reach = std::max(reach, component.mean.cwiseAbs().maxCoeff());
    }
    const double half = reach + 4.0;
    view_ = QRectF(-half, -half, 2 * half, 2 * half);
    logThreshold_ = CentralRegion(*original_).logDensityThreshold();
    // The central region's boundary: the contour of ln p_0 at the threshold.
    Eigen::MatrixXd values(kRegionGridSize, kRegionGridSize);
    Samples points(2, kRegionGridSize);
    for (int j = 0; j < kRegionGridSize; ++j) {
        for (int i = 0; i < kRegionGridSize; ++i) {
            points.col(i) << view_.left() + view_.width() * i / (kRegionGridSize - 1),
                view_.top() + view_.height() * j / (kRegionGridSize - 1);
        }
        values.col(j) = original_->logDensity(points);
    }
    regionBoundary_ = contourSegments(values, logThreshold_, view_);
    invalidateBackground();
    clearGeneration();
}

void ScatterStage::clearGeneration()
{
    shownGeneration_ = -1;
    current_.reset();
    trail_.clear();
    inside_.clear();
    outside_.clear();
    density_ = QImage();
    contours_.clear();
    update();
}

void ScatterStage::showGeneration(const RunHistory& history, int generation)
{
    const SnapshotPointer& snapshot = history.at(generation);
    const MixtureModel* model = mixtureOf(snapshot);
    if (model == nullptr || !original_) {
        return;
    }
    shownGeneration_ = generation;
    current_ = model->mixture();
    trail_.clear();
    for (const int earlier : trailGenerations(generation, history.scenario().generations)) {
        if (const MixtureModel* old = mixtureOf(history.at(earlier))) {
            trail_.append(old->mixture());
        }
    }
    // Samples inside and outside the original's central region.
    const Samples& samples = snapshot->samples;
    const Eigen::VectorXd logOriginal = original_->logDensity(samples);
    inside_.clear();
    outside_.clear();
    for (Eigen::Index i = 0; i < samples.cols(); ++i) {
        (logOriginal[i] < logThreshold_ ? outside_ : inside_).append(QPointF(samples(0, i), samples(1, i)));
    }
    // The model's density as a soft image: brightness by density relative to the image's peak.
    density_ = QImage(kDensityImageSize, kDensityImageSize, QImage::Format_ARGB32_Premultiplied);
    Samples row(2, kDensityImageSize);
    Eigen::MatrixXd logDensity(kDensityImageSize, kDensityImageSize);
    for (int j = 0; j < kDensityImageSize; ++j) {
        for (int i = 0; i < kDensityImageSize; ++i) {
            row.col(i) << view_.left() + view_.width() * (i + 0.5) / kDensityImageSize,
                view_.top() + view_.height() * (j + 0.5) / kDensityImageSize;
        }
        logDensity.col(j) = current_->logDensity(row);
    }
    const double peak = logDensity.maxCoeff();
    // Contours of the model's density at the levels that enclose 50% and 90% of its samples (the
    // highest-density regions of those masses); a component narrower than the grid shows as its
    // ellipses only.
    contours_.clear();
    if (samples.cols() > 10) {
        std::vector<double> atSamples(static_cast<std::size_t>(samples.cols()));
        const Eigen::VectorXd logAtSamples = current_->logDensity(samples);
        std::copy(logAtSamples.begin(), logAtSamples.end(), atSamples.begin());
        std::sort(atSamples.begin(), atSamples.end());
        const QRectF cellCentres(view_.left() + view_.width() * 0.5 / kDensityImageSize,
                                 view_.top() + view_.height() * 0.5 / kDensityImageSize,
                                 view_.width() * (kDensityImageSize - 1.0) / kDensityImageSize,
                                 view_.height() * (kDensityImageSize - 1.0) / kDensityImageSize);
        for (const double mass : {0.5, 0.9}) {
            const double level = atSamples[static_cast<std::size_t>((1.0 - mass) * static_cast<double>(atSamples.size()))];
            contours_ += contourSegments(logDensity, level, cellCentres);
        }
    }
    for (int j = 0; j < kDensityImageSize; ++j) {
        auto* line = reinterpret_cast<QRgb*>(density_.scanLine(kDensityImageSize - 1 - j));
        for (int i = 0; i < kDensityImageSize; ++i) {
            const double level = std::exp(logDensity(i, j) - peak);
            const int alpha = static_cast<int>(std::lround(150.0 * std::sqrt(level)));
            line[i] = qPremultiply(qRgba(colours::model.red(), colours::model.green(), colours::model.blue(), alpha));
        }
    }
    tailMass_ = history.shownValue(generation, common_metrics::tailMass);
    update();
}

QString ScatterStage::waitingTitle() const
{
    return tr("The original distribution");
}

QString ScatterStage::statusExample() const
{
    return tailMassStatus(QStringLiteral("99.9%"));
}

QVector<LegendEntry> ScatterStage::legendEntries() const
{
    return {{colours::original, Qt::DashLine, QObject::tr("original: 1\u03C3 and 2\u03C3")},
            {colours::tails, Qt::SolidLine, QObject::tr("original's central 95%")},
            {colours::model, Qt::SolidLine, QObject::tr("fitted components: 1\u03C3 and 2\u03C3")},
            {colours::secondary, Qt::SolidLine, QObject::tr("model density: 50% and 90% contours")},
            {colours::points, Qt::NoPen, QObject::tr("samples")},
            {colours::tails, Qt::NoPen, QObject::tr("samples in the tails")}};
}

QRectF ScatterStage::plotArea(const QRectF& area) const
{
    // A square plot, centred, so that circles look round.
    const QRectF available =
        frame(area).body.adjusted(plotMargins().left, plotMargins().top, -plotMargins().right, -plotMargins().bottom);
    const double side = std::min(available.width(), available.height());
    return QRectF(available.center().x() - side / 2, available.top(), side, side);
}

QTransform ScatterStage::dataToPlot(const QRectF& plot) const
{
    QTransform transform;
    transform.translate(plot.left(), plot.bottom());
    transform.scale(plot.width() / view_.width(), -plot.height() / view_.height());
    transform.translate(-view_.left(), -view_.top());
    return transform;
}

void ScatterStage::renderBackground(QPainter& painter, const QRectF& area) const
{
    painter.save();
    const QRectF plot = plotArea(area);
    drawPlotAxes(painter, plot, view_, QObject::tr("x\u2081"), QObject::tr("x\u2082"));
    painter.setClipRect(plot);
    painter.setTransform(dataToPlot(plot), true);
    // Solid: the boundary comes as many short segments, which a dash pattern would restart on each.
    painter.setPen(cosmeticPen(colours::tails, 2.0));
    painter.drawLines(regionBoundary_);
    if (original_) {
        for (const auto& component : original_->components()) {
            for (const double radius : {1.0, 2.0}) {
                painter.strokePath(ellipsePath(component.mean, component.covariance, radius),
                                   cosmeticPen(colours::original, 2.0, Qt::DashLine));
            }
        }
    }
    painter.restore();
    drawFrameLegend(painter, frame(area));
}

void ScatterStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    const QRectF plot = plotArea(area);
    drawHeading(painter, frame(area), tailMassStatus(percentText(tailMass_)), colours::tailsText);
    painter.save();
    painter.setClipRect(plot.adjusted(1, 1, -1, -1));
    if (!density_.isNull()) {
        painter.drawImage(plot, density_);
    }
    painter.setTransform(dataToPlot(plot), true);
    for (int t = 0; t < trail_.size(); ++t) {
        QColor faded = colours::model;
        faded.setAlphaF(static_cast<float>(std::min(
            1.0, colours::fadedOpacity * (0.1 + 0.3 * (t + 1) / (static_cast<double>(trail_.size()) + 1.0)))));
        for (const auto& component : trail_[t].components()) {
            painter.strokePath(ellipsePath(component.mean, component.covariance, 2.0), cosmeticPen(faded, 1.5));
        }
    }
    painter.setPen(cosmeticPen(colours::secondary, 2.5));
    painter.drawLines(contours_);
    painter.setPen(cosmeticPen(colours::points, 4.0));
    painter.drawPoints(inside_.constData(), static_cast<int>(inside_.size()));
    painter.setPen(cosmeticPen(colours::tails, 6.0));
    painter.drawPoints(outside_.constData(), static_cast<int>(outside_.size()));
    if (current_) {
        for (const auto& component : current_->components()) {
            const double width = 1.5 + 3.0 * std::sqrt(component.weight);
            for (const double radius : {1.0, 2.0}) {
                painter.strokePath(ellipsePath(component.mean, component.covariance, radius),
                                   cosmeticPen(colours::model, width));
            }
        }
    }
    painter.restore();
}

} // namespace collapse::ui
