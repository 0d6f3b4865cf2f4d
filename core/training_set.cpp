#include "core/training_set.h"

#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace collapse {

BatchComposition batchComposition(const Scenario& scenario, int generation)
{
    if (generation == 0) {
        return {scenario.samples, 0};
    }
    const Eigen::Index total = scenario.policy == Policy::Augment ? augmentedCount(scenario) : scenario.samples;
    const double gamma = scenario.humanFraction;
    const double keptSynthetic = (1.0 - gamma) * (1.0 - scenario.filterRate);
    const double humanShare = gamma > 0.0 ? gamma / (gamma + keptSynthetic) : 0.0;
    const auto human = static_cast<Eigen::Index>(std::llround(humanShare * static_cast<double>(total)));
    return {human, total - human};
}

Eigen::Index augmentedCount(const Scenario& scenario)
{
    if (scenario.syntheticSamples > 0) {
        return scenario.syntheticSamples;
    }
    return static_cast<Eigen::Index>(std::llround(scenario.syntheticRatio * double(scenario.samples)));
}

double largestTrainingSet(const Scenario& scenario)
{
    switch (scenario.policy) {
    case Policy::Accumulate:
        return double(scenario.generations) * scenario.samples;
    case Policy::Augment:
        return double(scenario.samples) + double(augmentedCount(scenario));
    case Policy::Replace:
    case Policy::AccumulateSubsample:
        break;
    }
    return scenario.samples;
}

Eigen::Index selectionCandidates(const Scenario& scenario, Eigen::Index kept)
{
    if (scenario.selection == Selection::None) {
        return kept;
    }
    return static_cast<Eigen::Index>(std::ceil(static_cast<double>(kept) / scenario.selectionKeep));
}

void selectBest(std::span<const double> scores, Eigen::Index kept, std::vector<Eigen::Index>& order)
{
    order.resize(scores.size());
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    const auto better = [scores](Eigen::Index a, Eigen::Index b) {
        const double first = scores[static_cast<std::size_t>(a)];
        const double second = scores[static_cast<std::size_t>(b)];
        if (std::isnan(first) || std::isnan(second)) {
            return std::isnan(first) == std::isnan(second) ? a < b : std::isnan(second);
        }
        return first != second ? first > second : a < b;
    };
    const auto cut = order.begin() + kept;
    std::nth_element(order.begin(), cut, order.end(), better);
    std::sort(order.begin(), cut);
}

void TrainingPool::append(const Eigen::Ref<const Samples>& columns)
{
    if (columns.cols() == 0) {
        return;
    }
    const Eigen::Index needed = size_ + columns.cols();
    if (needed > storage_.cols() || storage_.rows() != columns.rows()) {
        Samples grown(columns.rows(), std::max(needed, 2 * storage_.cols()));
        grown.leftCols(size_) = storage_.leftCols(size_);
        storage_.swap(grown);
    }
    storage_.middleCols(size_, columns.cols()) = columns;
    size_ = needed;
}

Eigen::Ref<const Samples> TrainingPool::next(const Samples& human, const Eigen::Ref<const Samples>& synthetic,
                                             RandomStream& random)
{
    if (policy_ == Policy::Replace) {
        if (human.cols() == 0) {
            return synthetic;
        }
        size_ = 0;
    }
    // Augment keeps the first batch, generation 0's real data, and replaces what came after it.
    if (policy_ == Policy::Augment && kept_ >= 0) {
        size_ = kept_;
    }
    append(human);
    append(synthetic);
    if (policy_ == Policy::Augment && kept_ < 0) {
        kept_ = size_;
    }
    if (policy_ != Policy::AccumulateSubsample || size_ <= samples_) {
        return storage_.leftCols(size_);
    }
    // M distinct indices by a partial Fisher–Yates shuffle, kept in pool order.
    std::vector<Eigen::Index> order(static_cast<std::size_t>(size_));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    for (Eigen::Index i = 0; i < samples_; ++i) {
        const auto j = i + static_cast<Eigen::Index>(random.below(static_cast<std::size_t>(size_ - i)));
        std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
    }
    std::sort(order.begin(), order.begin() + samples_);
    subsample_.resize(storage_.rows(), samples_);
    for (Eigen::Index i = 0; i < samples_; ++i) {
        subsample_.col(i) = storage_.col(order[static_cast<std::size_t>(i)]);
    }
    return subsample_;
}

} // namespace collapse
