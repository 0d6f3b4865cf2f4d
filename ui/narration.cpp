#include "ui/narration.h"

#include "core/model_registry.h"
#include "ui/run_history.h"

#include <QCoreApplication>
#include <QObject>

#include <cmath>

namespace collapse::ui {

namespace {

// A value relative to the chain's generation 0; 1 (unchanged) when generation 0 has nothing to lose.
double relativeToStart(const RunHistory& history, int generation, int replicate, const MetricDescriptor& metric)
{
    const double start = history.value(0, replicate, metric);
    const double now = history.value(generation, replicate, metric);
    if (!(start > 0.0) || std::isnan(now)) {
        return 1.0;
    }
    return now / start;
}

// "7 chains in 10", or "3 of 5 chains" when there are few.
QString shareOfChains(int count, int total)
{
    if (total < 10) {
        return QObject::tr("%1 of %2 chains").arg(count).arg(total);
    }
    return QObject::tr("%1 chains in 10").arg(static_cast<int>(std::lround(10.0 * count / total)));
}

} // namespace

ChainEvidence chainEvidence(const RunHistory& history, int generation, int replicate)
{
    const MetricRoles& roles = history.scenario().model().roles;
    ChainEvidence evidence;
    evidence.generation = generation;
    evidence.tails = relativeToStart(history, generation, replicate, *roles.rarity);
    evidence.spread = relativeToStart(history, generation, replicate, *roles.spread);
    if (roles.fit != nullptr) {
        const double start = history.value(0, replicate, *roles.fit);
        const double now = history.value(generation, replicate, *roles.fit);
        const double loss = roles.fitKind == MetricRoles::FitKind::LogLikelihood ? start - now
                            : roles.fitKind == MetricRoles::FitKind::Distance    ? now - start
                                                                                 : std::log(now / start);
        evidence.fitLoss = std::isnan(loss) ? 0.0 : loss;
    }
    return evidence;
}

QString narrate(CollapseState state, const ChainEvidence& evidence, const Scenario& scenario)
{
    // For a model that measures its fit to real data, a state reached by that loss rather than by the
    // tails says so, with how much less likely real data has become (a log-likelihood per point).
    const MetricRoles& roles = scenario.model().roles;
    const bool byFit = roles.fit != nullptr && evidence.tails >= 0.75;
    const bool byDistance = byFit && roles.fitKind == MetricRoles::FitKind::Distance;
    const double ratio = std::exp(std::min(evidence.fitLoss, 700.0));
    const QString likelier = ratio < 1e3   ? QString::number(ratio, 'f', ratio < 10.0 ? 1 : 0)
                             : ratio < 1e6 ? QObject::tr("thousands of")
                                           : QObject::tr("millions of");
    const QString distance = QString::number(evidence.fitLoss, 'f', 2);
    // A model's own sentence, which may use either figure or both (QString::arg numbers them by order);
    // it comes before the general words, which speak of W₂ for a distance.
    const auto modelSentence = [&](std::string_view sentence) {
        return QCoreApplication::translate("Narration", std::string(sentence).c_str())
            .replace(QLatin1String("%1"), likelier)
            .replace(QLatin1String("%2"), byDistance ? distance : QString::number(evidence.fitLoss, 'f', 0));
    };
    switch (state) {
    case CollapseState::RealData:
        return QObject::tr("Generation 0 learns from real data: the model is as close to the original as it "
                           "will ever be.");
    case CollapseState::Faithful:
        return QObject::tr("Each generation learns only from the one before, yet so far the model still looks "
                           "like the original.");
    case CollapseState::TailsThinning:
        if (byFit && !roles.driftingByFit.empty()) {
            return modelSentence(roles.driftingByFit);
        }
        if (byDistance) {
            return QObject::tr("The model is drifting from the original: it has moved %1 further from it (W₂) "
                               "than generation 0, and each generation adds its own error.")
                .arg(distance);
        }
        if (byFit) {
            return QObject::tr("The model is drifting from the original: real data is already %1 times less "
                               "likely under it than under generation 0.")
                .arg(likelier);
        }
        return QObject::tr("The tails are thinning: rare events are drawn less often, so the next model sees "
                           "fewer of them.");
    case CollapseState::EarlyCollapse:
        if (byFit && !roles.earlyCollapseByFit.empty()) {
            return modelSentence(roles.earlyCollapseByFit);
        }
        if (byDistance) {
            return QObject::tr("Model collapse under way: the model has wandered far from the original (W₂ up by "
                               "%1), so what the original rarely made it makes often, and the original's own "
                               "region thins out.")
                .arg(distance);
        }
        if (byFit) {
            return QObject::tr("Early model collapse: part of the original is gone, and real data is %1 times less "
                               "likely than under generation 0. Rare parts, such as a small cluster, go first.")
                .arg(likelier);
        }
        return QObject::tr("Early model collapse: the tails are vanishing. Rare events are the first to be "
                           "forgotten.");
    case CollapseState::LateCollapse:
        if (!roles.lateCollapse.empty()) {
            return QCoreApplication::translate("Narration", std::string(roles.lateCollapse).c_str());
        }
        return QObject::tr("Late model collapse: the variance is gone. What is left bears little resemblance "
                           "to the original.");
    case CollapseState::HeldByData: {
        const bool fresh = scenario.humanFraction > 0.0;
        const bool kept = scenario.policy == Policy::Accumulate;
        if (scenario.policy == Policy::Augment) {
            return QObject::tr("Keeping the real data and adding only a share of synthetic data holds the model "
                               "near the original: its errors are diluted, not compounded (Bertrand et al. 2024).");
        }
        if (fresh && kept) {
            return QObject::tr("Fresh real data and keeping all data ever made hold the model near the original: "
                               "many generations on, there is no collapse.");
        }
        if (kept) {
            return QObject::tr("Keeping all data ever made holds the model near the original: the real data of "
                               "generation 0 is never thrown away, so many generations on there is no collapse.");
        }
        return QObject::tr("Fresh real data in every generation holds the model near the original: many "
                           "generations on, there is no collapse.");
    }
    }
    return {};
}

QString narrateBriefly(CollapseState state, const ChainEvidence& evidence, const Scenario& scenario)
{
    const MetricRoles& roles = scenario.model().roles;
    const bool byFit = roles.fit != nullptr && evidence.tails >= 0.75;
    switch (state) {
    case CollapseState::RealData:
        return QObject::tr("learns from real data.");
    case CollapseState::Faithful:
        return QObject::tr("still looks like the original.");
    case CollapseState::TailsThinning:
        return byFit ? QObject::tr("drifting from the original.") : QObject::tr("its tails are thinning.");
    case CollapseState::EarlyCollapse:
        if (byFit && roles.fitKind == MetricRoles::FitKind::Distance) {
            return QObject::tr("wandered far from the original.");
        }
        return byFit ? QObject::tr("early collapse: part of the original is gone.")
                     : QObject::tr("early collapse: the tails are vanishing.");
    case CollapseState::LateCollapse:
        if (!roles.lateCollapseBriefly.empty()) {
            return QCoreApplication::translate("Narration", std::string(roles.lateCollapseBriefly).c_str());
        }
        return QObject::tr("late collapse: the variance is gone.");
    case CollapseState::HeldByData: {
        const bool fresh = scenario.humanFraction > 0.0;
        const bool kept = scenario.policy == Policy::Accumulate;
        if (scenario.policy == Policy::Augment) {
            return QObject::tr("held near the original by the real data it keeps.");
        }
        return fresh && kept ? QObject::tr("held near the original by fresh and kept data.")
               : kept        ? QObject::tr("held near the original by keeping all data.")
                             : QObject::tr("held near the original by fresh real data.");
    }
    }
    return {};
}

namespace {

// Where the chain on stage stands, in full or in brief, with how many chains have gone as far.
QString narrateChain(const RunHistory& history, int generation, bool brief)
{
    const Scenario& scenario = history.scenario();
    const int shown = history.at(generation)->shownReplicate;
    const ChainEvidence evidence = chainEvidence(history, generation, shown);
    const CollapseState state = classifyCollapse(scenario, evidence);
    const QString what = brief ? narrateBriefly(state, evidence, scenario) : narrate(state, evidence, scenario);
    const int chains = scenario.replicates;
    if (chains == 1) {
        return what;
    }
    const QString chain = brief ? QObject::tr("Chain %1 of %2").arg(shown + 1).arg(chains)
                                : QObject::tr("Chain %1 of %2:").arg(shown + 1).arg(chains);
    if (state == CollapseState::RealData) {
        return chain + QLatin1Char(' ') + what;
    }
    const int progress = collapseProgress(state);
    int asFar = 0;
    for (int replicate = 0; replicate < chains; ++replicate) {
        const int other = collapseProgress(classifyCollapse(scenario, chainEvidence(history, generation, replicate)));
        asFar += (progress == 0 ? other == 0 : other >= progress) ? 1 : 0;
    }
    const QString share = shareOfChains(asFar, chains);
    if (brief) {
        return QObject::tr("%1 — %2 (%3 too).").arg(chain, what.chopped(1), share);
    }
    const QString typical = progress == 0
                                ? QObject::tr("%1 look like the original at this generation.").arg(share)
                                : QObject::tr("%1 have gone as far by now.").arg(share);
    return chain + QLatin1Char(' ') + what + QLatin1Char(' ') + typical;
}

} // namespace

QString narrateShownChain(const RunHistory& history, int generation)
{
    return narrateChain(history, generation, false);
}

QString narrateShownChainBriefly(const RunHistory& history, int generation)
{
    return narrateChain(history, generation, true);
}

} // namespace collapse::ui
