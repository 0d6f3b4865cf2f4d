// Speed of the text model: loading a corpus, fitting the n-gram model to the default scenario's 1000 blocks of
// 64 tokens, and generating a generation's worth of text by ancestral sampling and by beam search.
//
// The corpus is $COLLAPSELAB_TEXT_CORPUS, else the bundled Jane Austen corpus. Part of collapselab-benchmarks.

#include "core/bundled_data.h"
#include "core/models/text/decoding.h"
#include "core/models/text/ngram_model.h"
#include "core/models/text/text_corpus.h"
#include "core/random.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

namespace {

using namespace collapse;
using namespace collapse::text;

constexpr int kSequenceLength = 64;
constexpr std::size_t kSequences = 1000;

std::string corpusPath()
{
    if (const char* path = std::getenv("COLLAPSELAB_TEXT_CORPUS")) {
        return path;
    }
    return (bundledDataFolder("austen") / "austen.txt").string();
}

// The corpus, loaded once.
const TextCorpus& corpus()
{
    static const TextCorpus loaded = TextCorpus::load(corpusPath(), kSequenceLength);
    return loaded;
}

Smoothing smoothingOf(const benchmark::State& state)
{
    return state.range(1) == 0 ? Smoothing::KneserNey : Smoothing::None;
}

void BM_TextCorpusLoad(benchmark::State& state)
{
    const std::string path = corpusPath();
    std::size_t tokens = 0;
    for (auto _ : state) {
        const TextCorpus loaded = TextCorpus::load(path, kSequenceLength);
        tokens = loaded.trainingTokens().size() + loaded.heldOutTokens().size();
        benchmark::DoNotOptimize(tokens);
    }
    state.counters["tokens_per_s"] =
        benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_TextCorpusLoad)->Unit(benchmark::kMillisecond);

// One fit to the first 1000 blocks (64 000 tokens); arguments: order, smoothing (0 Kneser–Ney, 1 none).
void BM_TextFit(benchmark::State& state)
{
    const TextCorpus* text = &corpus();
    const auto order = static_cast<int>(state.range(0));
    const std::vector<std::span<const TokenId>> blocks = text->blocks(0, kSequences);
    std::size_t bytes = 0;
    for (auto _ : state) {
        const NgramModel model(blocks, text->vocabulary().size(), order, smoothingOf(state));
        bytes = model.memoryBytes();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["model_MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["tokens_per_s"] = benchmark::Counter(static_cast<double>(kSequences * kSequenceLength),
                                                        benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_TextFit)
    ->ArgsProduct({{1, 2, 3, 4, 6}, {0}})
    ->Args({3, 1})
    ->ArgNames({"order", "none"})
    ->Unit(benchmark::kMillisecond);

// A generation's text: 1000 sequences of 64 tokens from the start of a sequence, one sampler for all;
// arguments: order, smoothing, temperature in hundredths.
void BM_TextSample(benchmark::State& state)
{
    const TextCorpus* text = &corpus();
    const NgramModel model(text->blocks(0, kSequences), text->vocabulary().size(), static_cast<int>(state.range(0)),
                           smoothingOf(state));
    const double temperature = static_cast<double>(state.range(2)) / 100.0;
    std::uint32_t generation = 0;
    for (auto _ : state) {
        RandomStream random(1, 0, generation++, Purpose::ModelSamples);
        const std::unique_ptr<TokenSampler> sampler = model.sampler(temperature);
        for (std::size_t s = 0; s < kSequences; ++s) {
            benchmark::DoNotOptimize(sampleContinuation(*sampler, {}, kSequenceLength, random));
        }
    }
    state.counters["tokens_per_s"] = benchmark::Counter(static_cast<double>(kSequences * kSequenceLength),
                                                        benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_TextSample)
    ->Args({3, 0, 100})
    ->Args({3, 0, 70})
    ->Args({3, 1, 100})
    ->Args({6, 0, 100})
    ->Args({6, 0, 70})
    ->ArgNames({"order", "none", "temperature_pct"})
    ->Unit(benchmark::kMillisecond);

// Beam search from 100 held-out prompts of 16 tokens, 64 tokens each, order 3, Kneser–Ney; arguments: beam
// width, repetition penalty in hundredths. The time is per 100 sequences.
void BM_TextBeam(benchmark::State& state)
{
    const TextCorpus* text = &corpus();
    const NgramModel model(text->blocks(0, kSequences), text->vocabulary().size(), 3, Smoothing::KneserNey);
    const std::vector<std::span<const TokenId>> prompts = text->prompts(100, 16);
    const auto width = static_cast<int>(state.range(0));
    const double penalty = static_cast<double>(state.range(1)) / 100.0;
    for (auto _ : state) {
        for (const std::span<const TokenId> prompt : prompts) {
            benchmark::DoNotOptimize(beamContinuation(model, prompt, kSequenceLength, width, penalty));
        }
    }
    state.counters["sequences_per_s"] =
        benchmark::Counter(static_cast<double>(prompts.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_TextBeam)
    ->ArgsProduct({{1, 5}, {100, 130}})
    ->ArgNames({"width", "penalty_pct"})
    ->Unit(benchmark::kMillisecond);

} // namespace
