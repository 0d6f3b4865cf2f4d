#pragma once

#include "core/models/vae/vae_network.h"
#include "ui/stage_view.h"

#include <QImage>
#include <QVector>

#include <optional>

namespace collapse::ui {

// The vae model's stage: a grid of the generation's images decoded from latent noise that stays fixed
// across generations, so that each cell morphs in place; a strip of real images beside it; and the
// generation-0 encoder's latent means (first two dimensions) of generated images over those of real
// ones, narrowing as the generations forget.
class ImageStage : public StageView {
    Q_OBJECT

public:
    explicit ImageStage(QWidget* parent = nullptr);

    void setScenario(const Scenario& scenario) override;
    void showGeneration(const RunHistory& history, int generation) override;
    void clearGeneration() override;

    QVector<LegendEntry> legendEntries() const override;

protected:
    QString statusExample() const override;
    QString waitingTitle() const override;
    void renderBackground(QPainter& painter, const QRectF& area) const override;
    void renderForeground(QPainter& painter, const QRectF& area) const override;

private:
    struct Layout {
        QRectF grid, real, latent;
    };
    Layout layOut(const QRectF& area) const;
    QString tailStatus(const QString& percent) const;
    static QString generatedTitle();
    static QString realTitle();
    static QString latentTitle();

    Eigen::MatrixXf fixedNoise_;       // latent x cells
    QVector<QImage> realImages_;
    Eigen::MatrixXf realPixels_;       // the real images behind the latent reference
    QVector<QImage> generated_;
    QVector<QPointF> realLatent_, generatedLatent_;
    QRectF latentView_;
    double tailMass_ = 0.0;
    QString dataProblem_;
};

} // namespace collapse::ui
