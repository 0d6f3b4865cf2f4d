#pragma once

#include "core/samples.h"

#include <memory>
#include <span>
#include <string>

namespace collapse {

class RandomStream;
struct Scenario;
enum class Selection;

// A model fitted in one generation. Immutable once fitted, so the engine can hand it to a view on
// another thread while the chain goes on.
class FittedModel {
public:
    virtual ~FittedModel() = default;
    // Draws the next synthetic data into `out`, resized to it; `samplingBias` is λ (core/README.md). A
    // chain hands in the same buffer every generation, so once it has its size nothing is allocated.
    virtual void sampleInto(Samples& out, Eigen::Index count, double samplingBias, RandomStream& random) const = 0;
    Samples sample(Eigen::Index count, double samplingBias, RandomStream& random) const
    {
        Samples out;
        sampleInto(out, count, samplingBias, random);
        return out;
    }
};

// One model family set up for a scenario: the original distribution p_0, how a model is fitted, and
// what is measured of it. Shared read-only by every replicate, so all methods are const and
// thread-safe.
class Experiment {
public:
    virtual ~Experiment() = default;

    // `count` fresh samples of p_0, the human data, into `out` (resized to them).
    virtual void drawOriginalInto(Samples& out, Eigen::Index count, RandomStream& random) const = 0;
    Samples drawOriginal(Eigen::Index count, RandomStream& random) const
    {
        Samples out;
        drawOriginalInto(out, count, random);
        return out;
    }

    virtual std::shared_ptr<const FittedModel> fit(const Eigen::Ref<const Samples>& training, RandomStream& random) const = 0;

    // True when a fit parallelises its own work (the VAE's matrix products): the engine then runs the
    // replicates one after another and leaves the threads to the fit.
    virtual bool parallelisesItself() const { return false; }

    // What a generation's model writes, for a researcher to quote (the text model's continuations of fixed
    // prompts); empty for a model that does not write.
    virtual std::string transcript(const FittedModel&) const { return {}; }

    // What to tell before a run starts (how well the VAE's classifier names real images, say), or
    // nothing.
    virtual std::string setUpNote() const { return {}; }

    // Selection's scores (core/README.md, "Selection"): one per column of `candidates`, which `model` drew,
    // the higher kept first: their log-density under `model` (Selection::Likelihood), or their closeness to
    // the biased target (Selection::Biased). A model is only asked for what its descriptor scores
    // (ModelDescriptor::scores); this implementation throws std::logic_error.
    virtual void scoreSamples(const FittedModel& model, const Eigen::Ref<const Samples>& candidates, Selection selection,
                              std::span<double> scores) const;

    // Writes one value per metric of the model's descriptor (ModelDescriptor::metrics, in that order)
    // for a fitted model and the samples it drew; `firstModel` is the chain's generation-0 model, the
    // yardstick of some metrics. NaN marks a value that does not exist (an empty CSV field).
    virtual void measure(const FittedModel& model, const FittedModel& firstModel, const Samples& drawn,
                         std::span<double> values) const = 0;
};

// The experiment for a scenario's model. Throws DataError when its data cannot be read.
std::unique_ptr<Experiment> makeExperiment(const Scenario& scenario);
// Throws the DataError makeExperiment(scenario) would throw, having only read the data files: the window
// refuses a file that cannot be read at once, without setting up (or training for) a whole experiment.
void checkDataFiles(const Scenario& scenario);

} // namespace collapse
