#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace collapse {

// What a stream of random numbers is used for. Each purpose gets its own counter space, so adding a
// draw for one purpose never shifts the numbers another purpose sees.
enum class Purpose : std::uint32_t {
    OriginalData = 1,   // fresh samples from p_0 for a generation's human share
    ModelSamples = 2,   // samples drawn from the fitted model p_g
    Fitting = 3,        // randomness inside a fit (k-means++ seeding, minibatch order)
    Subsampling = 4,    // the accumulate_subsample policy's choice of M points
    HeldOut = 5,        // the fixed held-out sample of p_0 used by likelihood metrics
    Initialisation = 6, // network weights and other one-off set-up
    Display = 7,        // what a stage or a transcript shows beside the run, the same in every generation
    Design = 8,         // a fixed design's inputs: drawn once per replicate, the same in every generation
};

// A stream of random numbers from the counter-based Philox4x32-10 generator (Salmon et al., SC'11,
// "Parallel random numbers: as easy as 1, 2, 3"), keyed by (seed) with the counter
// (replicate, generation, purpose, block). The numbers depend only on those values, never on which
// thread draws them or in which order streams are created, which makes every run reproducible for any
// thread count.
//
// The distributions are our own: std::normal_distribution differs between standard libraries.
class RandomStream {
public:
    RandomStream(std::uint64_t seed, std::uint32_t replicate, std::uint32_t generation, Purpose purpose);

    // The stream of the same seed and replicate for `generation` and `purpose`: what a replicate keeps the
    // same in every generation (a fixed design's inputs) is drawn from it, whichever stream asks.
    RandomStream sibling(std::uint32_t generation, Purpose purpose) const;

    std::uint32_t nextU32();
    std::uint64_t nextU64();

    // Uniform on [0, 1) with 53 random bits.
    double uniform();
    // Standard normal by the Box–Muller transform; the second value of each pair is kept for the next call.
    double normal();
    // Fills `out` with the values that out.size() calls of normal() would return, whole blocks at a time
    // so that the generator and the transform run vectorised.
    void fillNormals(std::span<double> out);
    // Fills `labels` and `normals` with what labels.size() rounds of { categorical(weights), then
    // n = normals.size() / labels.size() calls of normal() } would return, the normals of round i at
    // i * n, and leaves the stream where those calls would; the transform runs vectorised over all of
    // them. normals.size() is a multiple of labels.size() (any normals past the last round's are left).
    void fillLabelledNormals(std::span<const double> weights, std::span<std::size_t> labels, std::span<double> normals);
    // Uniform integer in [0, n), n > 0, without modulo bias (Lemire, ACM TOMACS 2019).
    std::size_t below(std::size_t n);
    // Index i with probability weights[i] / sum(weights); weights are non-negative with a positive sum.
    std::size_t categorical(std::span<const double> weights);

private:
    void refill();
    // The next out.size() words nextU32() would return, whole blocks generated vectorised.
    void takeWords(std::span<std::uint32_t> out);

    std::uint32_t key_[2];
    std::uint32_t counter_[4];
    std::uint32_t block_[4] = {};
    int used_ = 4;
    double spareNormal_ = 0.0;
    bool hasSpareNormal_ = false;
};

} // namespace collapse
