#pragma once

#include "core/samples.h"
#include "core/scenario.h"

namespace collapse {

// How the new data of one generation splits between fresh human samples and the previous model's
// synthetic samples.
struct BatchComposition {
    Eigen::Index human = 0;
    Eigen::Index synthetic = 0;
};

// Generation 0 is all human data. Later generations take `human_fraction` γ of their M new samples
// (under augment, of their round(λM) new samples, λ the `synthetic_ratio`) from p_0 and the rest from the
// previous model. With a filter (`filter_rate` f) each synthetic
// candidate is recognised and dropped with probability f and the gap is refilled from the same mix of
// sources, so the kept batch holds a human share γ / (γ + (1 - γ)(1 - f)); with γ = 0 only the model
// is there to refill from.
BatchComposition batchComposition(const Scenario& scenario, int generation);

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
