#include "core/models/cats/cats_model.h"
#include "ui/stages/cats/cat_stage.h"
#include "ui/stages/stage_registry.h"

#include <QCoreApplication>

namespace collapse::ui {

const StageEntry& catsStage()
{
    static const StageEntry entry{
        "cats",
        [](const Scenario&) { return QStringLiteral("cats"); },
        [](const Scenario&) { return std::make_unique<CatStage>(); },
        [](const Scenario& scenario) {
            return QVector<ChartedMetric>{{&cats_metrics::minorityFraction, scenario.as<CatsSettings>().minorityShare},
                                          {&cats_metrics::minorityHue, kMinorityHue},
                                          {&cats_metrics::hueStd},
                                          {&common_metrics::tailMass, 0.05}};
        },
        [](const Scenario& scenario) {
            return scenario.capacity == 1 ? QCoreApplication::translate("Stages", "1 colour")
                                           : QCoreApplication::translate("Stages", "%1 colours").arg(scenario.capacity);
        }};
    return entry;
}

} // namespace collapse::ui
