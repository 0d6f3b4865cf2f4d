#pragma once

#include "core/gaussian_mixture.h"
#include "ui/stage_view.h"

#include <QImage>
#include <QLineF>
#include <QTransform>
#include <QVector>

#include <optional>

namespace collapse::ui {

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

    QVector<LegendEntry> legendEntries() const override;

protected:
    QString statusExample() const override;
    QString waitingTitle() const override;
    double headingIndent() const override { return kPlotMargins.left; }
    bool squareBody() const override { return true; }
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
