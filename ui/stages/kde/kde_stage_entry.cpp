#include "core/models/kde/kde_model.h"
#include "core/models/gaussian/gaussian_model.h"
#include "ui/stages/shared/density_stage.h"
#include "ui/stages/shared/points_stage.h"
#include "ui/stages/stage_registry.h"

#include <QCoreApplication>

#include <limits>

namespace collapse::ui {

// The normal as a density over the histogram of the samples, like the gaussian model; points in the plane
// as a scatter over the original's contours, like the diffusion model's.
const StageEntry& kdeStage()
{
    static const StageEntry entry{
        "kde",
        [](const Scenario& scenario) {
            return kdeOnLine(scenario.as<KdeSettings>()) ? QStringLiteral("density") : QStringLiteral("points");
        },
        [](const Scenario& scenario) -> std::unique_ptr<StageView> {
            if (kdeOnLine(scenario.as<KdeSettings>())) {
                return std::make_unique<DensityStage>([](const Scenario&) { return GaussianExperiment::original(); });
            }
            return std::make_unique<PointsStage>([](const Scenario& shown) {
                const KdeSettings& settings = shown.as<KdeSettings>();
                return PointsStage::Original{kdeReference(settings, shown.seed),
                                             pointSetNamed(settings.dataset) == PointSet::Ring};
            });
        },
        [](const Scenario& scenario) {
            const KdeSettings& settings = scenario.as<KdeSettings>();
            const double none = std::numeric_limits<double>::quiet_NaN();
            if (kdeOnLine(settings)) {
                return QVector<ChartedMetric>{{&kde_metrics::spread, 1.0},
                                              {&common_metrics::tailMass, 0.05},
                                              {&sample_metrics::slicedWasserstein, 0.0},
                                              {&sample_metrics::recall, none}};
            }
            QVector<ChartedMetric> charts{{&sample_metrics::precision, none},
                                          {&sample_metrics::recall, none},
                                          {&kde_metrics::spread, none},
                                          {&common_metrics::tailMass, 0.05}};
            if (pointSetNamed(settings.dataset) == PointSet::Ring) {
                charts.back() = {&sample_metrics::modesKept, static_cast<double>(kRingModes)};
            }
            return charts;
        },
        [](const Scenario& scenario) {
            return QCoreApplication::translate("Stages", "bandwidth h = %1").arg(kdeBandwidth(scenario.capacity), 0, 'f', 2);
        }};
    return entry;
}

} // namespace collapse::ui
