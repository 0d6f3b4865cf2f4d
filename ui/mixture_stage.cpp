#include "mixture_stage.h"

#include "central_region.h"
#include "contour.h"
#include "mixture_experiments.h"
#include "run_history.h"
#include "theme.h"

#include <QPainter>
#include <QPainterPath>

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace collapse::ui {

namespace {

constexpr int kGridPoints = 400;
constexpr int kHistogramBins = 80;
constexpr int kTrailLength = 8;
constexpr int kDensityImageSize = 240;
constexpr int kRegionGridSize = 200;
// Margins of the plot inside the stage, in pixels: room for the axis labels.
constexpr double kMarginLeft = 84.0, kMarginRight = 24.0, kMarginTop = 52.0, kMarginBottom = 64.0;

const MixtureModel* mixtureOf(const SnapshotPointer& snapshot)
{
    return dynamic_cast<const MixtureModel*>(snapshot->model.get());
}

// Earlier generations for the trail: evenly spaced so that about 60 steps span the whole run.
QVector<int> trailGenerations(int generation, int total)
{
    QVector<int> result;
    const int spacing = std::max(1, total / 60);
    for (int i = kTrailLength; i >= 1; --i) {
        const int earlier = generation - i * spacing;
        if (earlier >= 0) {
            result.append(earlier);
        }
    }
    return result;
}

double tailMassOf(const RunHistory& history, int generation)
{
    const auto column = history.columns().indexOf("tail_mass");
    return column < 0 ? 0.0 : history.at(generation)->metrics(0, column);
}

QString tickLabel(double value, double step)
{
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    return QString::number(std::abs(value) < step * 1e-6 ? 0.0 : value, 'f', decimals);
}

// Draws the frame, the ticks and their labels of a plot that maps `data` onto `plot`.
void drawAxes(QPainter& painter, const QRectF& plot, const QRectF& data, bool yTicks)
{
    painter.save();
    painter.setPen(QPen(colours::axis, 1.5));
    painter.setFont(scaledFont(sizes::bodyPoint));
    painter.drawRect(plot);
    const QFontMetricsF metrics(painter.font());
    const double xStep = niceTickStep(data.width(), 8);
    for (double x = std::ceil(data.left() / xStep) * xStep; x <= data.right() + 1e-9; x += xStep) {
        const double px = plot.left() + (x - data.left()) / data.width() * plot.width();
        painter.drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + 6));
        const QString label = tickLabel(x, xStep);
        painter.drawText(QPointF(px - metrics.horizontalAdvance(label) / 2, plot.bottom() + 8 + metrics.ascent()), label);
    }
    if (yTicks) {
        const double yStep = niceTickStep(data.height(), 5);
        for (double y = std::ceil(data.top() / yStep) * yStep; y <= data.bottom() + 1e-9; y += yStep) {
            const double py = plot.bottom() - (y - data.top()) / data.height() * plot.height();
            painter.drawLine(QPointF(plot.left() - 6, py), QPointF(plot.left(), py));
            const QString label = tickLabel(y, yStep);
            painter.drawText(QPointF(plot.left() - 10 - metrics.horizontalAdvance(label), py + metrics.ascent() / 2 - 2),
                             label);
        }
    }
    painter.restore();
}

QString percentText(double fraction)
{
    if (fraction <= 0.0) {
        return QStringLiteral("0%");
    }
    if (fraction < 0.001) {
        return QStringLiteral("< 0.1%");
    }
    return QStringLiteral("%1%").arg(100.0 * fraction, 0, 'f', 1);
}

// A legend in the plot's top-left corner: a swatch and a label per entry.
struct LegendEntry {
    QColor colour;
    Qt::PenStyle style;  // Qt::NoPen: a filled swatch
    QString label;
};

void drawLegend(QPainter& painter, const QRectF& plot, const QVector<LegendEntry>& entries)
{
    painter.save();
    painter.setFont(scaledFont(sizes::bodyPoint));
    const QFontMetricsF metrics(painter.font());
    double width = 0.0;
    for (const auto& entry : entries) {
        width = std::max(width, metrics.horizontalAdvance(entry.label));
    }
    const double line = metrics.height() + 4;
    const QRectF box(plot.left() + 10, plot.top() + 10, width + 56, line * static_cast<double>(entries.size()) + 10);
    painter.setPen(QPen(colours::grid, 1));
    QColor fill = colours::background;
    fill.setAlpha(225);
    painter.setBrush(fill);
    painter.drawRect(box);
    for (int i = 0; i < entries.size(); ++i) {
        const double y = box.top() + 5 + line * i + line / 2;
        const QRectF swatch(box.left() + 8, y - 6, 30, 12);
        if (entries[i].style == Qt::NoPen) {
            painter.fillRect(swatch, entries[i].colour);
        } else {
            painter.setPen(QPen(entries[i].colour, 3, entries[i].style));
            painter.drawLine(QPointF(swatch.left(), y), QPointF(swatch.right(), y));
        }
        painter.setPen(colours::text);
        painter.drawText(QPointF(box.left() + 46, y + metrics.ascent() / 2 - 2), entries[i].label);
    }
    painter.restore();
}

void drawAxisTitles(QPainter& painter, const QRectF& plot, const QString& x, const QString& y)
{
    painter.save();
    painter.setFont(scaledFont(sizes::bodyPoint));
    painter.setPen(colours::text);
    const QFontMetricsF metrics(painter.font());
    painter.drawText(QPointF(plot.right() - metrics.horizontalAdvance(x), plot.bottom() + 8 + 2 * metrics.height()), x);
    painter.translate(plot.left() - kMarginLeft + 4 + metrics.ascent(), plot.top() + metrics.horizontalAdvance(y));
    painter.rotate(-90);
    painter.drawText(QPointF(0, 0), y);
    painter.restore();
}

QPen cosmeticPen(const QColor& colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, width, style, Qt::RoundCap, Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
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

// DensityStage ---------------------------------------------------------------------------------------

DensityStage::DensityStage(QWidget* parent) : StageView(parent)
{
    setMinimumSize(400, 300);
}

QVector<double> DensityStage::densityOn(const GaussianMixture& mixture) const
{
    const Eigen::Map<const Eigen::RowVectorXd> points(grid_.constData(), grid_.size());
    const Eigen::VectorXd logDensity = mixture.logDensity(points);
    QVector<double> density(grid_.size());
    for (int i = 0; i < grid_.size(); ++i) {
        density[i] = std::exp(logDensity[i]);
    }
    return density;
}

void DensityStage::setScenario(const Scenario& scenario)
{
    const GaussianMixture original = originalMixture(scenario);
    double lowest = original.component(0).mean[0];
    double highest = lowest;
    for (const auto& component : original.components()) {
        lowest = std::min(lowest, component.mean[0]);
        highest = std::max(highest, component.mean[0]);
    }
    xMin_ = lowest - 4.5;
    xMax_ = highest + 4.5;
    grid_.resize(kGridPoints);
    for (int i = 0; i < kGridPoints; ++i) {
        grid_[i] = xMin_ + (xMax_ - xMin_) * i / (kGridPoints - 1);
    }
    original_ = densityOn(original);
    // Room above the original's peak, so that a narrowing model's rising peak stays in view for a while.
    yMax_ = 2.2 * *std::max_element(original_.begin(), original_.end());
    invalidateBackground();
    const double logThreshold = CentralRegion(original).logDensityThreshold();
    outsideRegion_.resize(kGridPoints);
    for (int i = 0; i < kGridPoints; ++i) {
        outsideRegion_[i] = std::log(original_[i]) < logThreshold;
    }
    clearGeneration();
}

void DensityStage::clearGeneration()
{
    shownGeneration_ = -1;
    current_.clear();
    trail_.clear();
    histogram_.clear();
    update();
}

void DensityStage::showGeneration(const RunHistory& history, int generation)
{
    const SnapshotPointer& snapshot = history.at(generation);
    const MixtureModel* model = mixtureOf(snapshot);
    if (model == nullptr) {
        return;
    }
    shownGeneration_ = generation;
    current_ = densityOn(model->mixture());
    trail_.clear();
    for (const int earlier : trailGenerations(generation, history.scenario().generations)) {
        if (const MixtureModel* old = mixtureOf(history.at(earlier))) {
            trail_.append(densityOn(old->mixture()));
        }
    }
    histogram_ = QVector<double>(kHistogramBins, 0.0);
    const double binWidth = (xMax_ - xMin_) / kHistogramBins;
    const auto& samples = snapshot->samples;
    for (Eigen::Index i = 0; i < samples.cols(); ++i) {
        const auto bin = static_cast<int>(std::floor((samples(0, i) - xMin_) / binWidth));
        if (bin >= 0 && bin < kHistogramBins) {
            histogram_[bin] += 1.0;
        }
    }
    for (double& count : histogram_) {
        count /= static_cast<double>(std::max<Eigen::Index>(samples.cols(), 1)) * binWidth;
    }
    tailMass_ = tailMassOf(history, generation);
    update();
}

QRectF DensityStage::plotArea(const QRectF& area) const
{
    return area.adjusted(kMarginLeft, kMarginTop, -kMarginRight, -kMarginBottom);
}

QTransform DensityStage::dataToPlot(const QRectF& plot) const
{
    QTransform transform;
    transform.translate(plot.left(), plot.bottom());
    transform.scale(plot.width() / (xMax_ - xMin_), -plot.height() / yMax_);
    transform.translate(-xMin_, 0.0);
    return transform;
}

QPainterPath DensityStage::curve(const QVector<double>& values, int stride) const
{
    QPainterPath path;
    for (int i = 0; i < grid_.size(); i += stride) {
        // Clipped well above the axes, so that a needle-thin peak does not make a huge path.
        const QPointF point(grid_[i], std::min(values[i], 4.0 * yMax_));
        i == 0 ? path.moveTo(point) : path.lineTo(point);
    }
    return path;
}

void DensityStage::renderBackground(QPainter& painter, const QRectF& area) const
{
    painter.save();
    const QRectF plot = plotArea(area);
    drawAxes(painter, plot, QRectF(xMin_, 0.0, xMax_ - xMin_, yMax_), true);
    drawAxisTitles(painter, plot, QObject::tr("x"), QObject::tr("density"));
    painter.setClipRect(plot);
    painter.setTransform(dataToPlot(plot), true);
    // Where the central region ends.
    for (int i = 0; i + 1 < grid_.size(); ++i) {
        if (outsideRegion_[i] != outsideRegion_[i + 1]) {
            painter.setPen(cosmeticPen(colours::tails, 1.5, Qt::DashLine));
            painter.drawLine(QPointF(grid_[i], 0.0), QPointF(grid_[i], yMax_));
        }
    }
    painter.strokePath(curve(original_), cosmeticPen(colours::original, sizes::lineWidth, Qt::DashLine));
    painter.restore();

    QColor histogramSwatch = colours::samples;
    histogramSwatch.setAlpha(110);
    QColor tailSwatch = colours::tails;
    tailSwatch.setAlpha(150);
    QColor trailSwatch = colours::model;
    trailSwatch.setAlpha(90);
    if (compact()) {
        return;
    }
    drawLegend(painter, plot,
               {{colours::original, Qt::DashLine, QObject::tr("original")},
                {colours::model, Qt::SolidLine, QObject::tr("model, this generation")},
                {trailSwatch, Qt::SolidLine, QObject::tr("earlier generations")},
                {histogramSwatch, Qt::NoPen, QObject::tr("its samples")},
                {tailSwatch, Qt::NoPen, QObject::tr("its mass in the original's tails")}});
}

void DensityStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    const QRectF plot = plotArea(area);
    drawHeading(painter, area, kMarginLeft, tr("The original distribution"),
                tr("mass beyond the original's central 95%: %1").arg(percentText(tailMass_)), colours::tails);
    painter.save();
    painter.setClipRect(plot.adjusted(1, 1, -1, -1));
    painter.setTransform(dataToPlot(plot), true);

    if (!histogram_.isEmpty()) {
        const double binWidth = (xMax_ - xMin_) / kHistogramBins;
        QColor fill = colours::samples;
        fill.setAlpha(110);
        for (int b = 0; b < histogram_.size(); ++b) {
            painter.fillRect(QRectF(xMin_ + b * binWidth, 0.0, binWidth * 0.92, histogram_[b]), fill);
        }
    }
    for (int t = 0; t < trail_.size(); ++t) {
        QColor faded = colours::model;
        faded.setAlphaF(static_cast<float>(0.08 + 0.3 * (t + 1) / (static_cast<double>(trail_.size()) + 1.0)));
        painter.strokePath(curve(trail_[t], 2), cosmeticPen(faded, 2.0));
    }
    if (!current_.isEmpty()) {
        // The model's mass in the original's tails, shaded under its density: one polygon per stretch
        // of the grid outside the region, all filled at once.
        QColor shade = colours::tails;
        shade.setAlpha(150);
        QPainterPath tails;
        int start = -1;
        for (int i = 0; i <= grid_.size(); ++i) {
            const bool outside = i < grid_.size() && outsideRegion_[i];
            if (outside && start < 0) {
                start = i;
            } else if (!outside && start >= 0) {
                QPolygonF stretch;
                stretch << QPointF(grid_[start], 0.0);
                for (int j = start; j < i; ++j) {
                    stretch << QPointF(grid_[j], std::min(current_[j], 4.0 * yMax_));
                }
                stretch << QPointF(grid_[i - 1], 0.0);
                tails.addPolygon(stretch);
                tails.closeSubpath();
                start = -1;
            }
        }
        painter.fillPath(tails, shade);
        painter.strokePath(curve(current_), cosmeticPen(colours::model, sizes::lineWidth + 0.5));
    }
    painter.restore();

    // A peak that has outgrown the axes is marked, with its height.
    if (!current_.isEmpty()) {
        const auto peak = std::max_element(current_.begin(), current_.end());
        if (*peak > yMax_) {
            const double px = plot.left() + (grid_[peak - current_.begin()] - xMin_) / (xMax_ - xMin_) * plot.width();
            painter.save();
            painter.setPen(colours::model);
            painter.setFont(scaledFont(sizes::bodyPoint, true));
            painter.drawText(QRectF(px - 80, plot.top() + 4, 160, 24), Qt::AlignCenter,
                             QObject::tr("peak %1 \u2191").arg(*peak, 0, 'g', 3));
            painter.restore();
        }
    }
}

// ScatterStage ---------------------------------------------------------------------------------------

ScatterStage::ScatterStage(QWidget* parent) : StageView(parent)
{
    setMinimumSize(400, 400);
}

void ScatterStage::setScenario(const Scenario& scenario)
{
    original_ = originalMixture(scenario);
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
    tailMass_ = tailMassOf(history, generation);
    update();
}

QRectF ScatterStage::plotArea(const QRectF& area) const
{
    // A square plot, centred, so that circles look round.
    const QRectF available = area.adjusted(kMarginLeft, kMarginTop, -kMarginRight, -kMarginBottom);
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
    drawAxes(painter, plot, view_, true);
    drawAxisTitles(painter, plot, QObject::tr("x\u2081"), QObject::tr("x\u2082"));
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
    if (compact()) {
        return;
    }
    drawLegend(painter, plot,
               {{colours::original, Qt::DashLine, QObject::tr("original: 1\u03C3 and 2\u03C3")},
                {colours::tails, Qt::SolidLine, QObject::tr("original's central 95%")},
                {colours::model, Qt::SolidLine, QObject::tr("fitted components: 1\u03C3 and 2\u03C3")},
                {colours::secondary, Qt::SolidLine, QObject::tr("model density: 50% and 90% contours")},
                {colours::points, Qt::NoPen, QObject::tr("samples")},
                {colours::tails, Qt::NoPen, QObject::tr("samples in the tails")}});
}

void ScatterStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    const QRectF plot = plotArea(area);
    drawHeading(painter, area, kMarginLeft, tr("The original distribution"),
                tr("mass beyond the original's central 95%: %1").arg(percentText(tailMass_)), colours::tails);
    painter.save();
    painter.setClipRect(plot.adjusted(1, 1, -1, -1));
    if (!density_.isNull()) {
        painter.drawImage(plot, density_);
    }
    painter.setTransform(dataToPlot(plot), true);
    for (int t = 0; t < trail_.size(); ++t) {
        QColor faded = colours::model;
        faded.setAlphaF(static_cast<float>(0.1 + 0.3 * (t + 1) / (static_cast<double>(trail_.size()) + 1.0)));
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
