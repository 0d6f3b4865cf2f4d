#pragma once

#include "core/samples.h"
#include "core/scenario.h"

#include <span>
#include <vector>

namespace collapse {

// How the new data of one generation splits between fresh human samples and the previous model's
// synthetic samples.
struct BatchComposition {
    Eigen::Index human = 0;
    Eigen::Index synthetic = 0;
};

// Generation 0 is all human data. Later generations take `human_fraction` γ of their M new samples
// (under augment, of their augmentedCount new samples) from p_0 and the rest from the previous model. With a filter (`filter_rate` f) each synthetic
// candidate is recognised and dropped with probability f and the gap is refilled from the same mix of
// sources, so the kept batch holds a human share γ / (γ + (1 - γ)(1 - f)); with γ = 0 only the model
// is there to refill from.
BatchComposition batchComposition(const Scenario& scenario, int generation);

// Under augment, the new samples of a generation after the first: `synthetic_samples` where it is set,
// else round(λM), λ the `synthetic_ratio`.
Eigen::Index augmentedCount(const Scenario& scenario);

// The most samples a generation trains on: M, except that accumulating trains on every generation's M
// and augmenting on the real M and the augmentedCount new ones.
double largestTrainingSet(const Scenario& scenario);

// Selection (core/README.md, "Selection"): to keep `kept` synthetic samples, the previous model draws
// ⌈kept / α⌉ candidates (α the `selection_keep` share), or exactly `kept` without selection.
Eigen::Index selectionCandidates(const Scenario& scenario, Eigen::Index kept);

// The columns of the `kept` highest scores, in their own order (the scores' ties go to the earlier
// column, a NaN score is never kept before a number), written into `order` ahead of the rest.
void selectBest(std::span<const double> scores, Eigen::Index kept, std::vector<Eigen::Index>& order);

// The data a replicate has gathered so far, and the training set it gives under the scenario's policy
// (core/README.md): replace trains on the new batch only, accumulate on everything ever gathered,
// accumulate_subsample on M points drawn without replacement from everything, and augment on generation
// 0's real data and the new batch.
class TrainingPool {
public:
    explicit TrainingPool(const Scenario& scenario) : policy_(scenario.policy), samples_(scenario.samples) {}

    // Adds a generation's batch (human columns then synthetic columns) and returns the training set,
    // valid until the next call and until `synthetic` changes: under replace, a batch of synthetic data
    // alone is returned as it is, without a copy. `random` is only used to subsample.
    Eigen::Ref<const Samples> next(const Samples& human, const Eigen::Ref<const Samples>& synthetic,
                                   class RandomStream& random);

    // Columns the pool has room for: under replace it stays at M, so memory is flat over generations.
    Eigen::Index storedCapacity() const { return storage_.cols(); }

private:
    void append(const Eigen::Ref<const Samples>& columns);

    Policy policy_;
    Eigen::Index samples_;
    Samples storage_;          // capacity grows geometrically so accumulating costs amortised O(M)
    Eigen::Index size_ = 0;
    Eigen::Index kept_ = -1;   // augment: the columns of generation 0's real data, once it came
    Samples subsample_;
};

} // namespace collapse
