#include "stage_view.h"

#include "mixture_stage.h"

#include <QPainter>

namespace collapse::ui {

void StageView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    render(painter, rect());
}

StageKind stageKindFor(const Scenario& scenario)
{
    return scenario.model == ModelKind::Gmm && scenario.dim == 2 ? StageKind::Scatter2D : StageKind::Density1D;
}

std::unique_ptr<StageView> makeStageView(StageKind kind, QWidget* parent)
{
    switch (kind) {
    case StageKind::Density1D:
        return std::make_unique<DensityStage>(parent);
    case StageKind::Scatter2D:
        return std::make_unique<ScatterStage>(parent);
    }
    return nullptr;
}

} // namespace collapse::ui
