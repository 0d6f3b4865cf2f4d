#include "ui/stages/shared/density_stage.h"

#include "core/central_region.h"
#include "core/mixture_model.h"
#include "core/model_registry.h"
#include "core/results.h"
#include "ui/plot_painting.h"
#include "ui/run_history.h"
#include "ui/theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

namespace {

constexpr int kGridPoints = 400;
// Bins narrower than this share of the axis are not drawn, however collapsed the samples.
constexpr double kNarrowestBin = 1.0 / 400.0;

// The Freedman–Diaconis bin width, 2 IQR n^(−1/3) (Freedman & Diaconis 1981): wide enough that a
// bar's height estimates the density to within its sampling noise, whatever M is.
double freedmanDiaconisWidth(std::vector<double> values)
{
    if (values.size() < 2) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const double interquartile = quantileOfSorted(values, 0.75) - quantileOfSorted(values, 0.25);
    return 2.0 * interquartile / std::cbrt(static_cast<double>(values.size()));
}

const MixtureModel* mixtureOf(const SnapshotPointer& snapshot)
{
    return dynamic_cast<const MixtureModel*>(snapshot->model.get());
}

} // namespace

DensityStage::DensityStage(OriginalOf originalOf, QWidget* parent) : StageView(parent), originalOf_(std::move(originalOf))
{
    setMinimumSize(260, 180);
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
    const GaussianMixture original = originalOf_(scenario);
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
    const auto& samples = snapshot->samples;
    binWidth_ = std::max(freedmanDiaconisWidth(std::vector<double>(samples.data(), samples.data() + samples.cols())),
                         kNarrowestBin * (xMax_ - xMin_));
    histogram_ = QVector<double>(static_cast<int>(std::ceil((xMax_ - xMin_) / binWidth_)), 0.0);
    for (Eigen::Index i = 0; i < samples.cols(); ++i) {
        const auto bin = static_cast<int>(std::floor((samples(0, i) - xMin_) / binWidth_));
        if (bin >= 0 && bin < histogram_.size()) {
            histogram_[bin] += 1.0;
        }
    }
    for (double& count : histogram_) {
        count /= static_cast<double>(std::max<Eigen::Index>(samples.cols(), 1)) * binWidth_;
    }
    // The spread against generation 0's: what the picture shows shrinking. (A chain that wanders keeps
    // more and more of its mass outside the original's central 95%, so the tail mass would grow while
    // the tails vanish.)
    const MetricDescriptor& spread = *history.scenario().model().roles.spread;
    spreadShare_ = history.shownValue(generation, spread) / history.shownValue(0, spread);
    update();
}

double DensityStage::tallestBar() const
{
    return histogram_.isEmpty() ? 0.0 : *std::max_element(histogram_.begin(), histogram_.end());
}

double DensityStage::modelPeak() const
{
    return current_.isEmpty() ? 0.0 : *std::max_element(current_.begin(), current_.end());
}

QString DensityStage::waitingTitle() const
{
    return tr("The original distribution");
}

QString DensityStage::spreadStatus(const QString& percent)
{
    return tr("spread: %1 of generation 0's").arg(percent);
}

QString DensityStage::statusExample() const
{
    return spreadStatus(QStringLiteral("999.9%"));
}

QVector<LegendEntry> DensityStage::legendEntries() const
{
    QColor histogramSwatch = colours::samples;
    histogramSwatch.setAlpha(110);
    QColor tailSwatch = colours::tails;
    tailSwatch.setAlpha(150);
    QColor trailSwatch = colours::model;
    trailSwatch.setAlpha(90);
    return {{colours::original, Qt::DashLine, QObject::tr("original")},
            {colours::model, Qt::SolidLine, QObject::tr("model, this generation")},
            {trailSwatch, Qt::SolidLine, QObject::tr("earlier generations")},
            {histogramSwatch, Qt::NoPen, QObject::tr("its samples")},
            {tailSwatch, Qt::NoPen, QObject::tr("its mass in the original's tails")}};
}

QRectF DensityStage::plotArea(const QRectF& area) const
{
    return frame(area).body.adjusted(plotMargins().left, plotMargins().top, -plotMargins().right, -plotMargins().bottom);
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
    drawPlotAxes(painter, plot, QRectF(xMin_, 0.0, xMax_ - xMin_, yMax_), QObject::tr("x"), QObject::tr("density"));
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

    drawFrameLegend(painter, frame(area));
}

void DensityStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    const QRectF plot = plotArea(area);
    drawHeading(painter, frame(area), spreadStatus(percentText(spreadShare_)), colours::modelText);
    painter.save();
    painter.setClipRect(plot.adjusted(1, 1, -1, -1));
    painter.setTransform(dataToPlot(plot), true);

    if (!histogram_.isEmpty()) {
        QColor fill = colours::samples;
        fill.setAlpha(110);
        for (int b = 0; b < histogram_.size(); ++b) {
            painter.fillRect(QRectF(xMin_ + b * binWidth_, 0.0, binWidth_ * 0.92, histogram_[b]), fill);
        }
    }
    for (int t = 0; t < trail_.size(); ++t) {
        QColor faded = colours::model;
        faded.setAlphaF(static_cast<float>(std::min(
            1.0, colours::fadedOpacity * (0.08 + 0.3 * (t + 1) / (static_cast<double>(trail_.size()) + 1.0)))));
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

    // A peak that has outgrown the axes is marked, with its height (a small multiple has no room for it).
    if (!current_.isEmpty() && !isSmallMultiple()) {
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

} // namespace collapse::ui
