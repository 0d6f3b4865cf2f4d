#include "core/models/gaussian/gaussian_model.h"
#include "ui/stages/shared/density_stage.h"
#include "ui/stages/stage_registry.h"

#include <QCoreApplication>

namespace collapse::ui {

const StageEntry& gaussianStage()
{
    static const StageEntry entry{
        "gaussian",
        [](const Scenario&) { return QStringLiteral("density"); },
        [](const Scenario&) {
            return std::make_unique<DensityStage>([](const Scenario&) { return GaussianExperiment::original(); });
        },
        [](const Scenario&) {
            return QVector<ChartedMetric>{{&gaussian_metrics::standardDeviation, 1.0},
                                          {&common_metrics::tailMass, 0.05},
                                          {&gaussian_metrics::mean, 0.0},
                                          {&gaussian_metrics::w2, 0.0}};
        },
        [](const Scenario&) { return QCoreApplication::translate("Stages", "one normal"); }};
    return entry;
}

} // namespace collapse::ui
