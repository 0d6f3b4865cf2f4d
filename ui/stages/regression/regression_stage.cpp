#include "ui/stages/regression/regression_stage.h"

#include "core/models/regression/regression_model.h"
#include "ui/plot_painting.h"
#include "ui/run_history.h"
#include "ui/theme.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

namespace {

const RegressionModel* regressionOf(const SnapshotPointer& snapshot)
{
    return dynamic_cast<const RegressionModel*>(snapshot->model.get());
}

} // namespace

RegressionStage::RegressionStage(QWidget* parent) : StageView(parent)
{
    setMinimumSize(260, 180);
}

void RegressionStage::setScenario(const Scenario& scenario)
{
    const auto& settings = scenario.as<RegressionSettings>();
    trueWeights_ = RegressionExperiment::trueWeights(settings.features);
    // Inputs are standard normal: ±3.5 holds all but a few in ten thousand. The labels, less the other
    // features' true part, have spread √(w₁² + σ²) at the start; four of those fit the original's.
    const double labelReach = 4.0 * std::sqrt(trueWeights_[0] * trueWeights_[0] + settings.noise * settings.noise) +
                              3.5 * std::abs(trueWeights_[0]);
    view_ = QRectF(-3.5, -labelReach, 7.0, 2.0 * labelReach);
    invalidateBackground();
    clearGeneration();
}

void RegressionStage::clearGeneration()
{
    shownGeneration_ = -1;
    points_.clear();
    trailSlopes_.clear();
    update();
}

void RegressionStage::showGeneration(const RunHistory& history, int generation)
{
    const SnapshotPointer& snapshot = history.at(generation);
    const RegressionModel* model = regressionOf(snapshot);
    if (model == nullptr || trueWeights_.size() != model->weights().size()) {
        return;
    }
    shownGeneration_ = generation;
    slope_ = model->weights()[0];
    trailSlopes_.clear();
    for (const int earlier : trailGenerations(generation, history.scenario().generations)) {
        if (const RegressionModel* old = regressionOf(history.at(earlier))) {
            trailSlopes_.append(old->weights()[0]);
        }
    }
    const Samples& samples = snapshot->samples;
    const auto features = static_cast<Eigen::Index>(trueWeights_.size());
    points_.clear();
    points_.reserve(static_cast<int>(samples.cols()));
    for (Eigen::Index i = 0; i < samples.cols(); ++i) {
        const double othersTruePart = trueWeights_.tail(features - 1).dot(samples.col(i).segment(1, features - 1));
        points_.append(QPointF(samples(0, i), samples(features, i) - othersTruePart));
    }
    testError_ = history.shownValue(generation, regression_metrics::testError);
    update();
}

QString RegressionStage::waitingTitle() const
{
    return tr("The true line");
}

QString RegressionStage::statusExample() const
{
    return tr("test error: %1").arg(QStringLiteral("99.99"));
}

QVector<LegendEntry> RegressionStage::legendEntries() const
{
    return {{colours::original, Qt::DashLine, tr("true line")},
            {colours::model, Qt::SolidLine, tr("current fit")},
            {colours::points, Qt::NoPen, tr("labels it makes: y\u2032 is y less the other features' true part")}};
}

QRectF RegressionStage::plotArea(const QRectF& area) const
{
    return frame(area).body.adjusted(plotMargins().left, plotMargins().top, -plotMargins().right, -plotMargins().bottom);
}

QTransform RegressionStage::dataToPlot(const QRectF& plot) const
{
    QTransform transform;
    transform.translate(plot.left(), plot.bottom());
    transform.scale(plot.width() / view_.width(), -plot.height() / view_.height());
    transform.translate(-view_.left(), -view_.top());
    return transform;
}

QLineF RegressionStage::lineOfSlope(double slope) const
{
    return QLineF(view_.left(), slope * view_.left(), view_.right(), slope * view_.right());
}

void RegressionStage::renderBackground(QPainter& painter, const QRectF& area) const
{
    painter.save();
    const QRectF plot = plotArea(area);
    drawPlotAxes(painter, plot, view_, tr("first feature x\u2081"), tr("label y\u2032"));
    painter.setClipRect(plot);
    painter.setTransform(dataToPlot(plot), true);
    if (trueWeights_.size() > 0) {
        painter.setPen(cosmeticPen(colours::original, 2.0, Qt::DashLine));
        painter.drawLine(lineOfSlope(trueWeights_[0]));
    }
    painter.restore();
    drawFrameLegend(painter, frame(area));
}

void RegressionStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    const QRectF plot = plotArea(area);
    const QString status = shownGeneration_ < 0 ? QString() : tr("test error: %1").arg(testError_, 0, 'f', 3);
    drawHeading(painter, frame(area), status, colours::modelText);
    if (shownGeneration_ < 0) {
        return;
    }
    painter.save();
    painter.setClipRect(plot.adjusted(1, 1, -1, -1));
    painter.setTransform(dataToPlot(plot), true);
    for (int t = 0; t < trailSlopes_.size(); ++t) {
        QColor faded = colours::model;
        faded.setAlphaF(static_cast<float>(std::min(
            1.0, colours::fadedOpacity * (0.1 + 0.3 * (t + 1) / (static_cast<double>(trailSlopes_.size()) + 1.0)))));
        painter.setPen(cosmeticPen(faded, 1.5));
        painter.drawLine(lineOfSlope(trailSlopes_[t]));
    }
    painter.setPen(cosmeticPen(colours::points, 4.0));
    painter.drawPoints(points_.constData(), static_cast<int>(points_.size()));
    painter.setPen(cosmeticPen(colours::model, 3.0));
    painter.drawLine(lineOfSlope(slope_));
    painter.restore();
}

} // namespace collapse::ui
