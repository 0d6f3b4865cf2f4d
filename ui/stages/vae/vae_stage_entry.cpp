#include "core/models/vae/vae_model.h"
#include "ui/stages/stage_registry.h"
#include "ui/stages/vae/image_stage.h"

#include <QCoreApplication>

#include <cmath>

namespace collapse::ui {

const StageEntry& vaeStage()
{
    static const StageEntry entry{
        "vae",
        [](const Scenario&) { return QStringLiteral("images"); },
        [](const Scenario&) { return std::make_unique<ImageStage>(); },
        [](const Scenario&) {
            return QVector<ChartedMetric>{{&vae_metrics::latentStd},
                                          {&vae_metrics::pixelDiversity},
                                          {&vae_metrics::elboReal},
                                          {&vae_metrics::classEntropy, std::log(10.0)}};
        },
        [](const Scenario& scenario) {
            return scenario.capacity == 1 ? QCoreApplication::translate("Stages", "1 latent dimension")
                                           : QCoreApplication::translate("Stages", "%1 latent dimensions").arg(scenario.capacity);
        }};
    return entry;
}

} // namespace collapse::ui
