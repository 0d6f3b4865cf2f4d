#pragma once

#include "core/models/cats/cats_model.h"
#include "ui/stage_view.h"

#include <QPainterPath>
#include <QVector>

#include <optional>

namespace collapse::ui {

// The cats model's stage: the generation's cats, each a cat silhouette filled with its sampled fur
// colour, recoloured generation by generation; beneath them the colour wheel unrolled into a strip,
// with the hue histogram of these cats, the original's colour density (dashed) and the model's.
class CatStage : public StageView {
    Q_OBJECT

public:
    explicit CatStage(QWidget* parent = nullptr);

    void setScenario(const Scenario& scenario) override;
    void showGeneration(const RunHistory& history, int generation) override;
    void clearGeneration() override;

    // A sitting cat in the unit square, for any painter to fill.
    static QPainterPath catSilhouette();

    QVector<LegendEntry> legendEntries() const override;

protected:
    QString statusExample() const override;
    QString waitingTitle() const override;
    void renderBackground(QPainter& painter, const QRectF& area) const override;
    void renderForeground(QPainter& painter, const QRectF& area) const override;

private:
    struct Layout {
        QRectF cats, strip;
    };
    Layout layOut(const QRectF& area) const;
    QString minorityStatus(const QString& percent) const;
    QPainterPath densityCurve(const HueMixture& mixture, const QRectF& strip) const;

    std::optional<HueMixture> original_;
    std::optional<HueMixture> current_;
    QVector<double> hues_;
    double minorityFraction_ = 0.0;
    double peak_ = 1.0;
};

} // namespace collapse::ui
