#include "core/models/diffusion/diffusion_model.h"
#include "ui/stages/diffusion/diffusion_image_stage.h"
#include "ui/stages/shared/points_stage.h"
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
            // Under the points, the reverse process: the same noise denoised by this generation's model.
            return std::make_unique<PointsStage>(
                [](const Scenario& shown) {
                    const DiffusionSettings& settings = shown.as<DiffusionSettings>();
                    return PointsStage::Original{diffusionReference(settings, shown.seed),
                                                 pointSetNamed(settings.dataset) == PointSet::Ring};
                },
                [](const FittedModel& model) {
                    PointsStage::Strip strip;
                    const DiffusionPreview& preview = static_cast<const DiffusionModel&>(model).preview();
                    for (std::size_t i = 0; i < preview.clouds.size(); ++i) {
                        strip.clouds.append(pointsOf(preview.clouds[i].cast<double>()));
                        strip.steps.append(preview.steps[i]);
                    }
                    return strip;
                },
                QCoreApplication::translate("Stages", "one point denoised, t = T to 0"));
        },
        [](const Scenario& scenario) {
            const DiffusionSettings& settings = scenario.as<DiffusionSettings>();
            const double none = std::numeric_limits<double>::quiet_NaN();
            if (diffusionLearnsImages(settings)) {
                return QVector<ChartedMetric>{{&diffusion_metrics::frechetDistance, 0.0},
                                              {&sample_metrics::precision, none},
                                              {&diffusion_metrics::classShare, none},
                                              {&diffusion_metrics::pixelDiversity, none}};
            }
            QVector<ChartedMetric> charts{{&sample_metrics::precision, none},
                                          {&sample_metrics::recall, none},
                                          {&sample_metrics::slicedWasserstein, 0.0},
                                          {&common_metrics::tailMass, 0.05}};
            if (pointSetNamed(settings.dataset) == PointSet::Ring) {
                // The modes that still stand out tell the ring's story better than its tails.
                charts.back() = {&sample_metrics::modesKept, static_cast<double>(kRingModes)};
            }
            return charts;
        },
        [](const Scenario& scenario) {
            return QCoreApplication::translate("Stages", "%1 hidden units").arg(scenario.capacity);
        }};
    return entry;
}

} // namespace collapse::ui
