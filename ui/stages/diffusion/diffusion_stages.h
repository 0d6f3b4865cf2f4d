#pragma once

#include "core/models/diffusion/diffusion_model.h"
#include "ui/stage_view.h"

#include <QImage>
#include <QLineF>
#include <QPointF>
#include <QTransform>
#include <QVector>

#include <optional>

namespace collapse::ui {

// A diffusion model on 2-D points: the generation's samples over the original's density contours and its
// central 95% region (samples outside it in vermillion), the previous generation fading behind them;
// under them a strip of the reverse process — the same noise denoised by this generation's model, from
// t = T to the data at t = 0, one of its points followed all the way.
class DiffusionPointsStage : public StageView {
    Q_OBJECT

public:
    explicit DiffusionPointsStage(QWidget* parent = nullptr);

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
        QVector<QRectF> strip; // one panel per step of the reverse process
    };
    Layout layOut(const QRectF& area) const;
    QTransform dataToPlot(const QRectF& plot) const;
    QString status() const;

    QRectF view_; // data coordinates shown
    QVector<QLineF> contours_; // the original's density, data coordinates
    QPolygonF region_;
    std::optional<MahalanobisRegion> central_;
    bool ring_ = false;
    QVector<QPointF> inside_, outside_, previous_;
    QVector<int> pathSteps_;
    QVector<QVector<QPointF>> clouds_;
    double precision_ = 0.0;
    double modesKept_ = 0.0;
};

// A diffusion model on images of one category: a grid generated from the same noise every generation,
// so each cell changes in place as the model forgets, beside real images of the category.
class DiffusionImageStage : public StageView {
    Q_OBJECT

public:
    explicit DiffusionImageStage(QWidget* parent = nullptr);

    void setScenario(const Scenario& scenario) override;
    void showGeneration(const RunHistory& history, int generation) override;
    void clearGeneration() override;
    QVector<LegendEntry> legendEntries() const override { return {}; }

protected:
    QString statusExample() const override;
    QString waitingTitle() const override;
    void renderBackground(QPainter& painter, const QRectF& area) const override;
    void renderForeground(QPainter& painter, const QRectF& area) const override;

private:
    struct Layout {
        QRectF generated, real;
    };
    Layout layOut(const QRectF& area) const;
    QString generatedTitle() const;
    QString realTitle() const;

    int size_ = 14;
    QVector<QImage> real_;
    QVector<QImage> generated_;
    QString dataProblem_;
    double classShare_ = 0.0;
};

} // namespace collapse::ui
