#include "core/models/gmm/gmm_model.h"
#include "ui/stages/shared/density_stage.h"
#include "ui/stages/gmm/scatter_stage.h"
#include "ui/stages/stage_registry.h"

#include <QCoreApplication>

namespace collapse::ui {

// 2-D mixtures as a scatter of their samples; 1-D ones as densities, like the gaussian model.
const StageEntry& gmmStage()
{
    static const StageEntry entry{
        "gmm",
        [](const Scenario& scenario) {
            return scenario.as<GmmSettings>().dim == 2 ? QStringLiteral("scatter") : QStringLiteral("density");
        },
        [](const Scenario& scenario) -> std::unique_ptr<StageView> {
            if (scenario.as<GmmSettings>().dim == 2) {
                return std::make_unique<ScatterStage>();
            }
            return std::make_unique<DensityStage>(
                [](const Scenario& shown) { return originalMixture(shown.as<GmmSettings>()); });
        },
        [](const Scenario&) {
            return QVector<ChartedMetric>{{&gmm_metrics::totalStd},
                                          {&common_metrics::tailMass, 0.05},
                                          // Real data grows millions of times less likely as the
                                          // model forgets: its negative log-likelihood on a log axis
                                          // keeps both the first drift and the plunge in view.
                                          {&gmm_metrics::loglikReal, std::numeric_limits<double>::quiet_NaN(),
                                           MetricChart::Scale::NegatedLog,
                                           QCoreApplication::translate("Stages", "−log-likelihood of real "
                                                                                 "data (log scale)")},
                                          {&gmm_metrics::effectiveComponents}};
        },
        [](const Scenario& scenario) {
            return scenario.capacity == 1 ? QCoreApplication::translate("Stages", "1 component")
                                           : QCoreApplication::translate("Stages", "%1 components").arg(scenario.capacity);
        }};
    return entry;
}

} // namespace collapse::ui
