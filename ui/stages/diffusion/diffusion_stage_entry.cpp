#include "core/models/diffusion/diffusion_model.h"
#include "ui/stages/diffusion/diffusion_stages.h"
#include "ui/stages/stage_registry.h"

#include <QCoreApplication>

#include <limits>

namespace collapse::ui {

// Points as a scatter with the reverse process beneath; images as a grid beside real ones.
const StageEntry& diffusionStage()
{
    static const StageEntry entry{
        "diffusion",
        [](const Scenario& scenario) {
            return diffusionLearnsImages(scenario.as<DiffusionSettings>()) ? QStringLiteral("images") : QStringLiteral("points");
        },
        [](const Scenario& scenario) -> std::unique_ptr<StageView> {
            if (diffusionLearnsImages(scenario.as<DiffusionSettings>())) {
                return std::make_unique<DiffusionImageStage>();
            }
            return std::make_unique<DiffusionPointsStage>();
        },
        [](const Scenario& scenario) {
            const DiffusionSettings& settings = scenario.as<DiffusionSettings>();
            const double none = std::numeric_limits<double>::quiet_NaN();
            if (diffusionLearnsImages(settings)) {
                return QVector<ChartedMetric>{{&diffusion_metrics::frechetDistance, 0.0},
                                              {&diffusion_metrics::precision, none},
                                              {&diffusion_metrics::classShare, none},
                                              {&diffusion_metrics::pixelDiversity, none}};
            }
            QVector<ChartedMetric> charts{{&diffusion_metrics::precision, none},
                                          {&diffusion_metrics::recall, none},
                                          {&diffusion_metrics::slicedWasserstein, 0.0},
                                          {&common_metrics::tailMass, 0.05}};
            if (pointSetNamed(settings.dataset) == PointSet::Ring) {
                // The modes that still stand out tell the ring's story better than its tails.
                charts.back() = {&diffusion_metrics::modesKept, static_cast<double>(kRingModes)};
            }
            return charts;
        },
        [](const Scenario& scenario) {
            return QCoreApplication::translate("Stages", "%1 hidden units").arg(scenario.capacity);
        }};
    return entry;
}

} // namespace collapse::ui
