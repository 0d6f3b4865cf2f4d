#pragma once

#include "core/gaussian_mixture.h"
#include "ui/stage_view.h"

#include <QPainterPath>
#include <QTransform>
#include <QVector>

#include <functional>

namespace collapse::ui {

// 1-D models (gaussian, 1-D gmm): the original density as a fixed dashed outline, the current model's
// density over the histogram of its samples, the model's mass beyond the original's central 95% region
// shaded, and a fading trail of earlier densities.
class DensityStage : public StageView {
    Q_OBJECT

public:
    // `originalOf` gives the original distribution of a scenario (each model that uses this stage has its own).
    using OriginalOf = std::function<GaussianMixture(const Scenario&)>;
    explicit DensityStage(OriginalOf originalOf, QWidget* parent = nullptr);

    void setScenario(const Scenario& scenario) override;
    void showGeneration(const RunHistory& history, int generation) override;
    void clearGeneration() override;
    // The tallest bar of the samples' histogram, as a density, and the model's peak density.
    double tallestBar() const;
    double modelPeak() const;
    // The histogram's bin width (Freedman–Diaconis, from the samples shown).
    double binWidth() const { return binWidth_; }

    QVector<LegendEntry> legendEntries() const override;

protected:
    QString statusExample() const override;
    // "spread: 21% of generation 0's", the heading's status.
    static QString spreadStatus(const QString& percent);
    QString waitingTitle() const override;
    double headingIndent() const override { return kPlotMargins.left; }
    void renderBackground(QPainter& painter, const QRectF& area) const override;
    void renderForeground(QPainter& painter, const QRectF& area) const override;

private:
    QVector<double> densityOn(const GaussianMixture& mixture) const;
    QRectF plotArea(const QRectF& area) const;
    // Maps data coordinates (x, density) onto the plot.
    QTransform dataToPlot(const QRectF& plot) const;
    QPainterPath curve(const QVector<double>& values, int stride = 1) const;

    OriginalOf originalOf_;
    QVector<double> grid_;          // x positions
    QVector<double> original_;      // p_0 on the grid
    QVector<bool> outsideRegion_;   // grid points beyond the central 95% region
    double xMin_ = -4.0, xMax_ = 4.0, yMax_ = 1.0;
    QVector<double> current_;
    QVector<QVector<double>> trail_;  // oldest first
    QVector<double> histogram_;       // density per bin
    double binWidth_ = 1.0;
    double spreadShare_ = 1.0; // the model's spread as a share of generation 0's (MetricRoles::spread)
};

} // namespace collapse::ui
