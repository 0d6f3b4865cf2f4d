#include "core/models/regression/regression_model.h"
#include "ui/stages/regression/regression_stage.h"
#include "ui/stages/stage_registry.h"

#include <QCoreApplication>

#include <cmath>

namespace collapse::ui {

const StageEntry& regressionStage()
{
    static const StageEntry entry{
        "regression",
        [](const Scenario&) { return QStringLiteral("regression"); },
        [](const Scenario&) { return std::make_unique<RegressionStage>(); },
        [](const Scenario& scenario) {
            const auto& settings = scenario.as<RegressionSettings>();
            const double labelSd = std::sqrt(1.0 + settings.noise * settings.noise);
            return QVector<ChartedMetric>{{&regression_metrics::testError},
                                          {&regression_metrics::firstWeight, RegressionExperiment::trueWeights(settings.features)[0]},
                                          {&regression_metrics::labelStd, labelSd},
                                          {&common_metrics::tailMass, 0.05}};
        },
        [](const Scenario&) { return QCoreApplication::translate("Stages", "ordinary least squares"); }};
    return entry;
}

} // namespace collapse::ui
