#pragma once

#include "core/experiment.h"
#include "core/sample_metrics.h"
#include "ui/stage_view.h"

#include <QLineF>
#include <QPointF>
#include <QTransform>
#include <QVector>

#include <functional>
#include <optional>

namespace collapse::ui {

// The columns of a 2 x n matrix as points.
QVector<QPointF> pointsOf(const Eigen::Ref<const Eigen::MatrixXd>& samples);

// Models of 2-D points (diffusion, kde): the generation's samples over the original's density contours
// and its central 95% region (samples outside it in vermillion), the previous generation fading behind
// them; where the model has one, a strip under them of how it makes a sample (diffusion: the same noise
// denoised from t = T to the data at t = 0, one of its points followed all the way).
class PointsStage : public StageView {
    Q_OBJECT

public:
    // The original a scenario's points are drawn against: a fixed sample of it (2 x n; throws DataError
    // when its file cannot be read), and whether it is the ring, whose modes the status counts.
    struct Original {
        Samples reference;
        bool ring = false;
    };
    using OriginalOf = std::function<Original(const Scenario&)>;
    // The strip of a fitted model: point clouds at the steps named under them, the first point of each
    // cloud being the one followed.
    struct Strip {
        QVector<QVector<QPointF>> clouds;
        QVector<int> steps;
    };
    using StripOf = std::function<Strip(const FittedModel&)>;

    // `stripLegend` names the strip in the legend.
    explicit PointsStage(OriginalOf originalOf, StripOf stripOf = {}, QString stripLegend = {}, QWidget* parent = nullptr);

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
    struct Layout {
        QRectF plot;
        QVector<QRectF> strip; // one panel per step of the strip
    };
    Layout layOut(const QRectF& area) const;
    QTransform dataToPlot(const QRectF& plot) const;
    QString status() const;

    OriginalOf originalOf_;
    StripOf stripOf_;
    QString stripLegend_;
    QRectF view_; // data coordinates shown
    QVector<QLineF> contours_; // the original's density, data coordinates
    QPolygonF region_;
    std::optional<MahalanobisRegion> central_;
    bool ring_ = false;
    QVector<QPointF> inside_, outside_, previous_;
    Strip strip_;
    double precision_ = 0.0;
    double modesKept_ = 0.0;
};

} // namespace collapse::ui
