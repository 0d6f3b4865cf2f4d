#pragma once

#include "ui/stage_view.h"

#include <QLineF>
#include <QPointF>
#include <QVector>

#include <Eigen/Core>

namespace collapse::ui {

// The regression model along its first feature: the true line, the current fit's line, the earlier fits'
// lines fading, and the labels the fit makes for the next generation. Each label is shown less the other
// features' true part, so that at generation 0 the points scatter σ about the true line, and a fit that
// has wandered in any coefficient scatters them wider.
class RegressionStage : public StageView {
    Q_OBJECT

public:
    explicit RegressionStage(QWidget* parent = nullptr);

    void setScenario(const Scenario& scenario) override;
    void showGeneration(const RunHistory& history, int generation) override;
    void clearGeneration() override;

    QVector<LegendEntry> legendEntries() const override;

protected:
    QString statusExample() const override;
    QString waitingTitle() const override;
    double headingIndent() const override { return kPlotMargins.left; }
    void renderBackground(QPainter& painter, const QRectF& area) const override;
    void renderForeground(QPainter& painter, const QRectF& area) const override;

private:
    QRectF plotArea(const QRectF& area) const;
    QTransform dataToPlot(const QRectF& plot) const;
    // The line y = slope · x across the view, in data coordinates.
    QLineF lineOfSlope(double slope) const;

    Eigen::VectorXd trueWeights_;
    QRectF view_; // data coordinates shown
    QVector<QPointF> points_;
    double slope_ = 0.0;
    QVector<double> trailSlopes_; // oldest first
    double testError_ = 0.0;
};

} // namespace collapse::ui
