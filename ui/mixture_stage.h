#pragma once

#include "gaussian_mixture.h"
#include "stage_view.h"

#include <QImage>
#include <QLineF>
#include <QPainterPath>
#include <QTransform>
#include <QVector>

#include <optional>

namespace collapse::ui {

// 1-D models (gaussian, 1-D gmm): the original density as a fixed dashed outline, the current model's
// density over the histogram of its samples, the model's mass beyond the original's central 95% region
// shaded, and a fading trail of earlier densities.
class DensityStage : public StageView {
    Q_OBJECT

public:
    explicit DensityStage(QWidget* parent = nullptr);

    void setScenario(const Scenario& scenario) override;
    void showGeneration(const RunHistory& history, int generation) override;
    void clearGeneration() override;

protected:
    void renderBackground(QPainter& painter, const QRectF& area) const override;
    void renderForeground(QPainter& painter, const QRectF& area) const override;

private:
    QVector<double> densityOn(const GaussianMixture& mixture) const;
    QRectF plotArea(const QRectF& area) const;
    // Maps data coordinates (x, density) onto the plot.
    QTransform dataToPlot(const QRectF& plot) const;
    QPainterPath curve(const QVector<double>& values, int stride = 1) const;

    QVector<double> grid_;          // x positions
    QVector<double> original_;      // p_0 on the grid
    QVector<bool> outsideRegion_;   // grid points beyond the central 95% region
    double xMin_ = -4.0, xMax_ = 4.0, yMax_ = 1.0;
    QVector<double> current_;
    QVector<QVector<double>> trail_;  // oldest first
    QVector<double> histogram_;       // density per bin
    double tailMass_ = 0.0;
};

// 2-D gmm: the samples over the model's density, the fitted components' 1σ and 2σ ellipses, the
// original's components as dashed ellipses and its central 95% region as a dashed contour; samples
// outside that region (the tails) in vermillion, and a fading trail of earlier components.
class ScatterStage : public StageView {
    Q_OBJECT

public:
    explicit ScatterStage(QWidget* parent = nullptr);

    void setScenario(const Scenario& scenario) override;
    void showGeneration(const RunHistory& history, int generation) override;
    void clearGeneration() override;

protected:
    void renderBackground(QPainter& painter, const QRectF& area) const override;
    void renderForeground(QPainter& painter, const QRectF& area) const override;

private:
    QRectF plotArea(const QRectF& area) const;
    QTransform dataToPlot(const QRectF& plot) const;

    std::optional<GaussianMixture> original_;
    double logThreshold_ = 0.0;
    QRectF view_;                     // data coordinates shown
    QVector<QLineF> regionBoundary_;  // data coordinates
    QVector<QPointF> inside_, outside_;
    std::optional<GaussianMixture> current_;
    QVector<GaussianMixture> trail_;  // oldest first
    QImage density_;
    QVector<QLineF> contours_;        // the model's density contours, data coordinates
    double tailMass_ = 0.0;
};

} // namespace collapse::ui
