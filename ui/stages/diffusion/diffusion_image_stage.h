#pragma once

#include "core/models/diffusion/diffusion_model.h"
#include "ui/stage_view.h"

#include <QImage>
#include <QVector>

namespace collapse::ui {

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
