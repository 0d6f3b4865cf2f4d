#include "core/models/text/text_model.h"
#include "ui/stages/stage_registry.h"
#include "ui/stages/text/text_stage.h"

#include <QCoreApplication>

namespace collapse::ui {

const StageEntry& textStage()
{
    static const StageEntry entry{
        "text",
        [](const Scenario&) { return QStringLiteral("text"); },
        [](const Scenario&) { return std::make_unique<TextStage>(); },
        [](const Scenario&) {
            return QVector<ChartedMetric>{{&text_metrics::perplexityReal},
                                          {&common_metrics::tailMass, text::TextCorpus::kRareTailShare},
                                          {&text_metrics::vocabulary},
                                          {&text_metrics::repetition}};
        },
        [](const Scenario& scenario) {
            switch (scenario.capacity) {
            case 1:
                return QCoreApplication::translate("Stages", "single words");
            case 2:
                return QCoreApplication::translate("Stages", "word pairs");
            case 3:
                return QCoreApplication::translate("Stages", "word triples");
            default:
                return QCoreApplication::translate("Stages", "%1 words of context").arg(scenario.capacity - 1);
            }
        }};
    return entry;
}

} // namespace collapse::ui
