// Speed of the text model's transformer at its default shape (4 layers, width 128, 4 heads, context 64,
// 4096 words): training tokens per second (forward, backward and AdamW on batches of 32 sequences of 64
// words), writing tokens per second by sampling and by beam search, and the bound Eigen's float products
// set for training. tests/benchmarks/torch_transformer_training.py runs the same training in PyTorch and
// reads these in the same session. Part of collapselab-benchmarks.

#include "core/bundled_data.h"
#include "core/models/text/decoding.h"
#include "core/models/text/text_corpus.h"
#include "core/models/text/transformer.h"
#include "core/models/text/transformer_language_model.h"
#include "core/models/text/transformer_training.h"
#include "core/random.h"

#include <benchmark/benchmark.h>
#include <omp.h>

#include <numeric>

namespace {

using namespace collapse;
using namespace collapse::text;

const TransformerShape kShape{};
constexpr int kBatch = 32;

std::vector<std::vector<std::int32_t>> randomSequences(int count)
{
    RandomStream random(1, 0, 0, Purpose::OriginalData);
    std::vector<std::vector<std::int32_t>> sequences(static_cast<std::size_t>(count));
    for (auto& sequence : sequences) {
        for (int t = 0; t < kShape.context; ++t) {
            sequence.push_back(static_cast<std::int32_t>(2 + random.below(std::size_t(kShape.vocabulary - 2))));
        }
    }
    return sequences;
}

TransformerParameters initialised()
{
    TransformerParameters parameters(kShape);
    RandomStream random(1, 0, 0, Purpose::Initialisation);
    parameters.initialise(random);
    return parameters;
}

// One epoch over state.range(0) batches.
void BM_TransformerTraining(benchmark::State& state)
{
    const auto sequences = randomSequences(static_cast<int>(state.range(0)) * kBatch);
    TransformerParameters parameters = initialised();
    for (auto _ : state) {
        RandomStream order(1, 0, 0, Purpose::Fitting);
        benchmark::DoNotOptimize(trainTransformer(parameters, sequences, TransformerTraining{.epochs = 1, .batch = kBatch}, order));
    }
    state.counters["tokens_per_s"] = benchmark::Counter(double(sequences.size()) * kShape.context,
                                                        benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_TransformerTraining)->Arg(8)->Unit(benchmark::kMillisecond)->UseRealTime();

// The products of one training step on a slice of 4 sequences (256 positions), on every thread at once:
// the step's arithmetic over that rate is the throughput no Eigen implementation could beat. Per token,
// forward 2 (12 d² L + d V) flops for the weights and 2 · 2 · d · context / 2 · L for attention on average;
// backward twice that.
void BM_TransformerProductBound(benchmark::State& state)
{
    const int threads = omp_get_max_threads();
    const int d = kShape.width;
    const int positions = 4 * kShape.context;
    std::vector<Eigen::MatrixXf> output(threads, Eigen::MatrixXf::Random(kShape.vocabulary, d));
    std::vector<Eigen::MatrixXf> mlp(threads, Eigen::MatrixXf::Random(4 * d, d));
    std::vector<Eigen::MatrixXf> activations(threads, Eigen::MatrixXf::Random(d, positions));
    std::vector<Eigen::MatrixXf> results(threads);
    std::vector<Eigen::MatrixXf> wide(threads);
    for (auto _ : state) {
#pragma omp parallel num_threads(threads)
        {
            const int thread = omp_get_thread_num();
            results[thread].noalias() = output[thread] * activations[thread];
            wide[thread].noalias() = mlp[thread] * activations[thread];
            benchmark::DoNotOptimize(results[thread].data());
            benchmark::DoNotOptimize(wide[thread].data());
        }
    }
    const double weightFlops = 2.0 * (12.0 * d * d * kShape.layers + double(d) * kShape.vocabulary);
    const double attentionFlops = 2.0 * d * kShape.context * kShape.layers;
    const double flopsPerToken = 3.0 * (weightFlops + attentionFlops);
    const double productFlops = 2.0 * positions * (double(kShape.vocabulary) * d + 4.0 * d * d);
    state.counters["tokens_per_s_bound"] =
        benchmark::Counter(threads * productFlops / flopsPerToken, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_TransformerProductBound)->Unit(benchmark::kMicrosecond)->UseRealTime();

// Writing: state.range(0) sequences of 48 words after 16-word prompts of the bundled corpus, by sampling
// (range(1) = 0) or beam search of width 5 with repetition penalty 3 (range(1) = 1), the sequences shared
// out among the threads as the text model writes them.
void BM_TransformerWriting(benchmark::State& state)
{
    static const TextCorpus corpus = TextCorpus::load(bundledDataFolder("austen") / "austen.txt", 64);
    const auto parameters = std::make_shared<const TransformerParameters>(initialised());
    const TransformerLanguageModel model(parameters, ModelVocabulary::mostFrequent(corpus, kShape.vocabulary));
    const auto count = static_cast<int>(state.range(0));
    const bool beam = state.range(1) == 1;
    constexpr int kPrompt = 16;
    constexpr int kWritten = 48;
    for (auto _ : state) {
#pragma omp parallel
        {
            const std::unique_ptr<TokenSampler> sampler = model.sampler(1.0);
#pragma omp for schedule(dynamic, 1)
            for (int i = 0; i < count; ++i) {
                RandomStream random(1, static_cast<std::uint32_t>(i), 0, Purpose::ModelSamples);
                const auto prompt = corpus.block(std::size_t(i) * 7).first(kPrompt);
                benchmark::DoNotOptimize(beam ? beamContinuation(model, prompt, kWritten, 5, 3.0, BeamNormalisation::AsPenalised)
                                              : sampleContinuation(*sampler, prompt, kWritten, random));
            }
        }
    }
    state.counters["tokens_per_s"] = benchmark::Counter(double(count) * kWritten, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_TransformerWriting)->Args({64, 0})->Args({16, 1})->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
