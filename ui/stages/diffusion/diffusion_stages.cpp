#include "ui/stages/diffusion/diffusion_stages.h"

#include "core/data_error.h"
#include "ui/contour.h"
#include "ui/plot_painting.h"
#include "ui/run_history.h"
#include "ui/stages/shared/image_tiles.h"
#include "ui/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

namespace {

constexpr int kRegionPoints = 121;
constexpr int kGridSide = 4;
constexpr double kStripGap = 8.0;

const DiffusionModel* diffusionOf(const SnapshotPointer& snapshot)
{
    return dynamic_cast<const DiffusionModel*>(snapshot->model.get());
}

QVector<QPointF> pointsOf(const Eigen::Ref<const Eigen::MatrixXd>& samples)
{
    QVector<QPointF> points;
    points.reserve(samples.cols());
    for (Eigen::Index i = 0; i < samples.cols(); ++i) {
        points.append(QPointF(samples(0, i), samples(1, i)));
    }
    return points;
}

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

// ---- Points ----------------------------------------------------------------------------------------

DiffusionPointsStage::DiffusionPointsStage(QWidget* parent) : StageView(parent)
{
    setMinimumSize(260, 180);
}

void DiffusionPointsStage::setScenario(const Scenario& scenario)
{
    const DiffusionSettings& settings = scenario.as<DiffusionSettings>();
    ring_ = pointSetNamed(settings.dataset) == PointSet::Ring;
    contours_.clear();
    region_.clear();
    central_.reset();
    try {
        const Samples reference = diffusionReference(settings, scenario.seed);
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

void DiffusionPointsStage::clearGeneration()
{
    shownGeneration_ = -1;
    inside_.clear();
    outside_.clear();
    previous_.clear();
    clouds_.clear();
    pathSteps_.clear();
    update();
}

void DiffusionPointsStage::showGeneration(const RunHistory& history, int generation)
{
    const SnapshotPointer& snapshot = history.at(generation);
    const DiffusionModel* model = diffusionOf(snapshot);
    if (model == nullptr || !central_) {
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
    clouds_.clear();
    pathSteps_.clear();
    const DiffusionPreview& preview = model->preview();
    for (std::size_t i = 0; i < preview.clouds.size(); ++i) {
        clouds_.append(pointsOf(preview.clouds[i].cast<double>()));
        pathSteps_.append(preview.steps[i]);
    }
    precision_ = history.value(generation, 0, diffusion_metrics::precision);
    modesKept_ = ring_ ? history.value(generation, 0, diffusion_metrics::modesKept) : 0.0;
    update();
}

QString DiffusionPointsStage::status() const
{
    if (ring_) {
        return tr("modes kept: %1 of 8").arg(static_cast<int>(std::lround(modesKept_)));
    }
    return tr("samples like the original: %1").arg(percentText(precision_));
}

QString DiffusionPointsStage::statusExample() const
{
    return ring_ ? tr("modes kept: %1 of 8").arg(8) : tr("samples like the original: %1").arg(QStringLiteral("99.9%"));
}

QString DiffusionPointsStage::waitingTitle() const
{
    return tr("The original points");
}

QVector<LegendEntry> DiffusionPointsStage::legendEntries() const
{
    return {{colours::original, Qt::SolidLine, tr("original (50%, 90%)")},
            {colours::tails, Qt::DashLine, tr("original's central 95%")},
            {colours::points, Qt::NoPen, tr("samples")},
            {colours::tails, Qt::NoPen, tr("samples in the tails")},
            {faded(colours::model, colours::fadedOpacity), Qt::NoPen, tr("previous generation")},
            {colours::accent, Qt::SolidLine, tr("one point denoised, t = T to 0")}};
}

DiffusionPointsStage::Layout DiffusionPointsStage::layOut(const QRectF& area) const
{
    const QRectF body = frame(area).body;
    Layout layout;
    // The strip of the reverse process along the bottom, five square panels, where there is room.
    const int panels = std::max<int>(1, static_cast<int>(std::max<qsizetype>(clouds_.size(), 5)));
    const double panel = std::min(0.22 * body.height(), (body.width() - kPlotMargins.left - kPlotMargins.right) / panels - kStripGap);
    const bool strip = panel >= 40.0;
    const double label = QFontMetricsF(scaledFont(sizes::bodyPoint)).height();
    const QRectF above = strip ? body.adjusted(0, 0, 0, -(panel + 2.0 * kStripGap + label)) : body;
    const QRectF available = above.adjusted(kPlotMargins.left, kPlotMargins.top, -kPlotMargins.right, -kPlotMargins.bottom);
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

QTransform DiffusionPointsStage::dataToPlot(const QRectF& plot) const
{
    QTransform transform;
    transform.translate(plot.left(), plot.bottom());
    transform.scale(plot.width() / view_.width(), -plot.height() / view_.height());
    transform.translate(-view_.left(), -view_.top());
    return transform;
}

void DiffusionPointsStage::renderBackground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    painter.save();
    drawAxes(painter, layout.plot, view_, true);
    drawAxisTitles(painter, layout.plot, QObject::tr("x\u2081"), QObject::tr("x\u2082"));
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

void DiffusionPointsStage::renderForeground(QPainter& painter, const QRectF& area) const
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

    // The reverse process: the same noise at each kept step, one point's path drawn in the last panel.
    QPolygonF path;
    for (const auto& cloud : clouds_) {
        if (!cloud.isEmpty()) {
            path.append(cloud.front());
        }
    }
    for (int i = 0; i < layout.strip.size() && i < clouds_.size(); ++i) {
        const QRectF panel = layout.strip[i];
        painter.save();
        painter.setPen(cosmeticPen(colours::axis, 1.0));
        painter.drawRect(panel);
        painter.setPen(colours::text);
        painter.setFont(scaledFont(sizes::bodyPoint));
        painter.drawText(QRectF(panel.left() - kStripGap, panel.bottom() + 2, panel.width() + 2 * kStripGap,
                                QFontMetricsF(painter.font()).height()),
                         Qt::AlignHCenter | Qt::AlignTop, tr("t = %1").arg(pathSteps_[i]));
        painter.setClipRect(panel.adjusted(1, 1, -1, -1));
        painter.setTransform(dataToPlot(panel), true);
        painter.setPen(cosmeticPen(colours::points, 2.0));
        painter.drawPoints(clouds_[i].constData(), static_cast<int>(clouds_[i].size()));
        if (i + 1 == clouds_.size()) {
            painter.setPen(cosmeticPen(colours::accent, 2.0));
            painter.drawPolyline(path);
        }
        painter.setPen(cosmeticPen(colours::accent, 7.0));
        if (!clouds_[i].isEmpty()) {
            painter.drawPoint(clouds_[i].front());
        }
        painter.restore();
    }
}

// ---- Images ----------------------------------------------------------------------------------------

DiffusionImageStage::DiffusionImageStage(QWidget* parent) : StageView(parent)
{
    setMinimumSize(260, 180);
}

void DiffusionImageStage::setScenario(const Scenario& scenario)
{
    const DiffusionSettings& settings = scenario.as<DiffusionSettings>();
    size_ = settings.imageSize;
    real_.clear();
    dataProblem_.clear();
    try {
        const Samples reference = diffusionReference(settings, scenario.seed);
        for (Eigen::Index i = 0; i < std::min<Eigen::Index>(reference.cols(), kGridSide * kGridSide); ++i) {
            const Eigen::VectorXf pixels = ((reference.col(i).array() + 1.0) / 2.0).cast<float>();
            real_.append(toImage(pixels, size_, size_));
        }
    } catch (const DataError& error) {
        dataProblem_ = QString::fromUtf8(error.what());
    }
    invalidateBackground();
    clearGeneration();
}

void DiffusionImageStage::clearGeneration()
{
    shownGeneration_ = -1;
    generated_.clear();
    update();
}

void DiffusionImageStage::showGeneration(const RunHistory& history, int generation)
{
    const DiffusionModel* model = diffusionOf(history.at(generation));
    if (model == nullptr) {
        return;
    }
    shownGeneration_ = generation;
    generated_.clear();
    const Eigen::MatrixXf& images = model->preview().images;
    for (Eigen::Index i = 0; i < images.cols(); ++i) {
        generated_.append(toImage(images.col(i), size_, size_));
    }
    classShare_ = history.value(generation, 0, diffusion_metrics::classShare);
    update();
}

QString DiffusionImageStage::statusExample() const
{
    return tr("look like the category: %1").arg(QStringLiteral("99.9%"));
}

QString DiffusionImageStage::waitingTitle() const
{
    return tr("Real images of one category");
}

DiffusionImageStage::Layout DiffusionImageStage::layOut(const QRectF& area) const
{
    const QRectF body = frame(area).body.adjusted(16, 0, -16, -8);
    // Two square grids side by side under their headings, whose lines depend on the grids' width: found
    // for a first guess of the width, then the grids sized to what is left.
    const double guess = std::max(10.0, std::min((body.width() - 24.0) / 2.0, body.height()));
    const double heading = 6.0 + std::max(panelHeading(generatedTitle(), tr("Generated"), guess).height(),
                                          panelHeading(realTitle(), tr("Real"), guess).height());
    const double side = std::max(10.0, std::min((body.width() - 24.0) / 2.0, body.height() - heading));
    const double top = body.top() + heading;
    const double left = body.center().x() - side - 12.0;
    return {QRectF(left, top, side, side), QRectF(left + side + 24.0, top, side, side)};
}

QString DiffusionImageStage::generatedTitle() const
{
    return tr("Generated from fixed noise");
}

QString DiffusionImageStage::realTitle() const
{
    return tr("Real images");
}

void DiffusionImageStage::renderBackground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    drawPanelHeading(painter, layout.real, realTitle(), tr("Real"));
    drawPanelHeading(painter, layout.generated, generatedTitle(), tr("Generated"));
    painter.fillRect(layout.real, Qt::black);
    const QVector<QRectF> cells = tiles(layout.real, kGridSide, kGridSide);
    for (int i = 0; i < cells.size() && i < real_.size(); ++i) {
        painter.drawImage(cells[i], real_[i]);
    }
    if (!dataProblem_.isEmpty()) {
        painter.setPen(colours::tailsText);
        painter.drawText(layout.real, Qt::AlignCenter | Qt::TextWordWrap, dataProblem_);
    }
}

void DiffusionImageStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    drawHeading(painter, frame(area), tr("look like the category: %1").arg(percentText(classShare_)), colours::modelText);
    painter.fillRect(layout.generated, Qt::black);
    const QVector<QRectF> cells = tiles(layout.generated, kGridSide, kGridSide);
    for (int i = 0; i < cells.size() && i < generated_.size(); ++i) {
        painter.drawImage(cells[i], generated_[i]);
    }
}

} // namespace collapse::ui
