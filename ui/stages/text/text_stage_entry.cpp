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
        [](const Scenario& scenario) {
            // The neural model's charts follow the paper's Fig. 1b: its own text under the first model, the
            // median and the right tail.
            if (scenario.as<TextSettings>().languageModel == LanguageModelKind::Transformer) {
                return QVector<ChartedMetric>{{&text_metrics::perplexityReal},
                                              {&text_metrics::perplexityGen0},
                                              {&text_metrics::perplexityGen0Tail},
                                              {&text_metrics::vocabulary}};
            }
            return QVector<ChartedMetric>{{&text_metrics::perplexityReal},
                                          {&common_metrics::tailMass, text::TextCorpus::kRareTailShare},
                                          {&text_metrics::vocabulary},
                                          {&text_metrics::repetition}};
        },
        [](const Scenario& scenario) {
            const TextSettings& settings = scenario.as<TextSettings>();
            if (settings.languageModel == LanguageModelKind::Transformer) {
                const double weights = static_cast<double>(text::weightCount(text::transformerShapeOf(settings)));
                return QCoreApplication::translate("Stages", "a transformer of %1 M weights").arg(weights / 1e6, 0, 'f', 1);
            }
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
