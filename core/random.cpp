#include "core/random.h"

#include <Random123/philox.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <numbers>
#include <vector>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace collapse {

namespace {
__extension__ using Uint128 = unsigned __int128;

// The uniform on [0, 1) that two 32-bit words give: their top 53 bits, high word first.
inline double uniformOfWords(std::uint32_t high, std::uint32_t low)
{
    const std::uint64_t word = (static_cast<std::uint64_t>(high) << 32) | low;
    return static_cast<double>(word >> 11) * 0x1.0p-53;
}

// ln x for a positive, normal, finite x, in plain arithmetic that the compiler vectorises (libm's log is
// one call per value). The method of fdlibm's e_log.c: x = 2^k (1 + f) with 1 + f in [√2/2, √2), then
// ln(1 + f) = 2s + s·R(s²) with s = f / (2 + f) and R the minimax polynomial of degree 14 below
// (error under 2^-58.45); k ln 2 is added in two parts so that it stays exact.
inline double logOfPositive(double x)
{
    constexpr double ln2High = 6.93147180369123816490e-01;
    constexpr double ln2Low = 1.90821492927058770002e-10;
    constexpr double lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01,
                     lg3 = 2.857142874366239149e-01, lg4 = 2.222219843214978396e-01,
                     lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01,
                     lg7 = 1.479819860511658591e-01;
    // Shift the exponent so that the mantissa lands in [√2/2, √2): 0x3fe6a09e is the high word of √2/2.
    std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
    bits += 0x3ff0000000000000ULL - 0x3fe6a09e00000000ULL;
    const auto exponent = static_cast<std::int64_t>(bits >> 52) - 0x3ff;
    bits = (bits & 0x000fffffffffffffULL) + 0x3fe6a09e00000000ULL;
    const double f = std::bit_cast<double>(bits) - 1.0;
    const double k = static_cast<double>(exponent);
    const double halfSquare = 0.5 * f * f;
    const double s = f / (2.0 + f);
    const double z = s * s;
    const double w = z * z;
    const double evenTerms = w * (lg2 + w * (lg4 + w * lg6));
    const double oddTerms = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)));
    return s * (halfSquare + evenTerms + oddTerms) + k * ln2Low - halfSquare + f + k * ln2High;
}

// cos and sin of 2πu for u in [0, 1), in plain arithmetic that the compiler vectorises. Reduction is
// exact: 4u = q + r with q the nearest integer, so the angle is qπ/2 + (π/2)r with |r| ≤ 1/2. The
// polynomials are fdlibm's k_sin.c and k_cos.c minimax kernels on [-π/4, π/4] (errors under 2^-58).
inline void cosSinOfTurn(double u, double& cosine, double& sine)
{
    constexpr double s1 = -1.66666666666666324348e-01, s2 = 8.33333333332248946124e-03,
                     s3 = -1.98412698298579493134e-04, s4 = 2.75573137070700676789e-06,
                     s5 = -2.50507602534068634195e-08, s6 = 1.58969099521155010221e-10;
    constexpr double c1 = 4.16666666666666019037e-02, c2 = -1.38888888888741095749e-03,
                     c3 = 2.48015872894767294178e-05, c4 = -2.75573143513906633035e-07,
                     c5 = 2.08757232129817482790e-09, c6 = -1.13596475577881948265e-11;
    const double quarters = 4.0 * u;
    const double nearest = std::nearbyint(quarters);
    const double x = (std::numbers::pi / 2.0) * (quarters - nearest);
    const double z = x * x;
    const double sinX = x + x * z * (s1 + z * (s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)))));
    const double cosX = 1.0 - 0.5 * z + z * z * (c1 + z * (c2 + z * (c3 + z * (c4 + z * (c5 + z * c6)))));
    // Quadrant q: (cos, sin) of qπ/2 + x is (cos x, sin x), (-sin x, cos x), (-cos x, -sin x), (sin x, -cos x).
    const auto quadrant = static_cast<std::int64_t>(nearest) & 3;
    const bool swap = (quadrant & 1) != 0;
    const double cosMagnitude = swap ? sinX : cosX;
    const double sinMagnitude = swap ? cosX : sinX;
    cosine = (quadrant == 1 || quadrant == 2) ? -cosMagnitude : cosMagnitude;
    sine = (quadrant >= 2) ? -sinMagnitude : sinMagnitude;
}

// The Box–Muller pair of the uniforms u1 in (0, 1] and u2 in [0, 1): √(-2 ln u1) (cos 2πu2, sin 2πu2).
inline void boxMuller(double u1, double u2, double& first, double& second)
{
    const double radius = std::sqrt(-2.0 * logOfPositive(u1));
    double cosine = 0.0;
    double sine = 0.0;
    cosSinOfTurn(u2, cosine, sine);
    first = radius * cosine;
    second = radius * sine;
}

// The index categorical() picks for the uniform u: the first whose running weight passes u · Σ w.
std::size_t categoricalOfUniform(std::span<const double> weights, double u)
{
    double total = 0.0;
    for (const double w : weights) {
        total += w;
    }
    const double target = u * total;
    double running = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        running += weights[i];
        if (target < running) {
            return i;
        }
    }
    // Rounding can leave target at the very top: return the last index with positive weight.
    for (std::size_t i = weights.size(); i-- > 0;) {
        if (weights[i] > 0.0) {
            return i;
        }
    }
    return weights.size() - 1;
}

// Philox4x32-10 of `count` consecutive counters, the last word running from `counter[3]`: the rounds of
// Random123's philox.h written as one loop over blocks, each word of the output in an array of its own
// (the test checks it against Random123 word for word). With AVX-512, eight blocks run at once, one in
// each 64-bit lane: vpmuludq multiplies the low 32 bits of each lane into all 64, which is a round's
// multiplication with no repacking between rounds (the compiler's own vectorisation of the loop below
// shuffles 32-bit words in and out of 64-bit lanes every round and runs at half the speed). The high
// halves of the lanes carry junk that the multiplications ignore and the final narrowing drops.
void philoxBlocks(const std::uint32_t key[2], const std::uint32_t counter[4], int count, std::uint32_t* word0,
                  std::uint32_t* word1, std::uint32_t* word2, std::uint32_t* word3)
{
    constexpr std::uint32_t multiplier0 = 0xD2511F53, multiplier1 = 0xCD9E8D57;
    constexpr std::uint32_t weyl0 = 0x9E3779B9, weyl1 = 0xBB67AE85;
    constexpr int kRounds = 10;
    int block = 0;
#if defined(__AVX512F__)
    constexpr int kLanes = 8;
    constexpr int kXorOfThree = 0x96;  // the truth table of a ^ b ^ c for vpternlogq
    const __m512i lanesMultiplier0 = _mm512_set1_epi64(multiplier0);
    const __m512i lanesMultiplier1 = _mm512_set1_epi64(multiplier1);
    __m512i roundKey0[kRounds];
    __m512i roundKey1[kRounds];
    for (int round = 0; round < kRounds; ++round) {
        const auto bump = static_cast<std::uint32_t>(round);
        roundKey0[round] = _mm512_set1_epi64(static_cast<std::uint32_t>(key[0] + bump * weyl0));
        roundKey1[round] = _mm512_set1_epi64(static_cast<std::uint32_t>(key[1] + bump * weyl1));
    }
    const __m512i laneOffsets = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
    for (; block + kLanes <= count; block += kLanes) {
        __m512i x0 = _mm512_set1_epi64(counter[0]);
        __m512i x1 = _mm512_set1_epi64(counter[1]);
        __m512i x2 = _mm512_set1_epi64(counter[2]);
        const auto firstCounter = static_cast<std::uint32_t>(counter[3] + static_cast<std::uint32_t>(block));
        // The counter word wraps at 2^32 as the scalar rounds' does; only the low halves are read.
        __m512i x3 = _mm512_add_epi64(_mm512_set1_epi64(firstCounter), laneOffsets);
        for (int round = 0; round < kRounds; ++round) {
            const __m512i product0 = _mm512_mul_epu32(x0, lanesMultiplier0);
            const __m512i product1 = _mm512_mul_epu32(x2, lanesMultiplier1);
            x0 = _mm512_ternarylogic_epi64(_mm512_srli_epi64(product1, 32), x1, roundKey0[round], kXorOfThree);
            x1 = product1;
            x2 = _mm512_ternarylogic_epi64(_mm512_srli_epi64(product0, 32), x3, roundKey1[round], kXorOfThree);
            x3 = product0;
        }
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(word0 + block), _mm512_cvtepi64_epi32(x0));
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(word1 + block), _mm512_cvtepi64_epi32(x1));
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(word2 + block), _mm512_cvtepi64_epi32(x2));
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(word3 + block), _mm512_cvtepi64_epi32(x3));
    }
#endif
#pragma omp simd
    for (int b = block; b < count; ++b) {
        std::uint32_t x0 = counter[0], x1 = counter[1], x2 = counter[2];
        std::uint32_t x3 = counter[3] + static_cast<std::uint32_t>(b);
        std::uint32_t k0 = key[0], k1 = key[1];
        for (int round = 0; round < kRounds; ++round) {
            const std::uint64_t product0 = std::uint64_t{multiplier0} * x0;
            const std::uint64_t product1 = std::uint64_t{multiplier1} * x2;
            x0 = static_cast<std::uint32_t>(product1 >> 32) ^ x1 ^ k0;
            x1 = static_cast<std::uint32_t>(product1);
            x2 = static_cast<std::uint32_t>(product0 >> 32) ^ x3 ^ k1;
            x3 = static_cast<std::uint32_t>(product0);
            k0 += weyl0;
            k1 += weyl1;
        }
        word0[b] = x0;
        word1[b] = x1;
        word2[b] = x2;
        word3[b] = x3;
    }
}

// Fresh blocks are generated this many at a time, one array per word of a block.
constexpr int kBlocksAtOnce = 256;
using BlockWords = std::array<std::array<std::uint32_t, kBlocksAtOnce>, 4>;

// The next min(wanted, kBlocksAtOnce) blocks of the stream at `counter`, which moves past them;
// returns how many.
int nextBlocks(const std::uint32_t key[2], std::uint32_t counter[4], std::size_t wanted, BlockWords& words)
{
    const int blocks = static_cast<int>(std::min<std::size_t>(wanted, kBlocksAtOnce));
    philoxBlocks(key, counter, blocks, words[0].data(), words[1].data(), words[2].data(), words[3].data());
    counter[3] += static_cast<std::uint32_t>(blocks);
    return blocks;
}

// Compilers vectorise with 256-bit registers by default even where AVX-512 is there; the Box–Muller
// transform is arithmetic only and runs a quarter faster in 512-bit ones. GCC and Clang spell the wish
// differently.
#if defined(__AVX512F__) && defined(__clang__)
#define COLLAPSE_WIDE_VECTORS __attribute__((min_vector_width(512)))
#elif defined(__AVX512F__)
#define COLLAPSE_WIDE_VECTORS __attribute__((target("prefer-vector-width=512")))
#else
#define COLLAPSE_WIDE_VECTORS
#endif

} // namespace

RandomStream::RandomStream(std::uint64_t seed, std::uint32_t replicate, std::uint32_t generation, Purpose purpose)
    : key_{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)},
      counter_{replicate, generation, static_cast<std::uint32_t>(purpose), 0}
{
}

RandomStream RandomStream::sibling(std::uint32_t generation, Purpose purpose) const
{
    const std::uint64_t seed = static_cast<std::uint64_t>(key_[0]) | (static_cast<std::uint64_t>(key_[1]) << 32);
    return RandomStream(seed, counter_[0], generation, purpose);
}

void RandomStream::refill()
{
    const r123::Philox4x32 philox;
    const r123::Philox4x32::ctr_type counter = {{counter_[0], counter_[1], counter_[2], counter_[3]}};
    const r123::Philox4x32::key_type key = {{key_[0], key_[1]}};
    const auto out = philox(counter, key);
    for (int i = 0; i < 4; ++i) {
        block_[i] = out.v[i];
    }
    ++counter_[3];
    used_ = 0;
}

std::uint32_t RandomStream::nextU32()
{
    if (used_ == 4) {
        refill();
    }
    return block_[used_++];
}

std::uint64_t RandomStream::nextU64()
{
    const std::uint64_t high = nextU32();
    return (high << 32) | nextU32();
}

double RandomStream::uniform()
{
    const std::uint32_t high = nextU32();
    return uniformOfWords(high, nextU32());
}

double RandomStream::normal()
{
    if (hasSpareNormal_) {
        hasSpareNormal_ = false;
        return spareNormal_;
    }
    const double u1 = 1.0 - uniform(); // (0, 1], so the logarithm is finite
    const double u2 = uniform();
    double first = 0.0;
    boxMuller(u1, u2, first, spareNormal_);
    hasSpareNormal_ = true;
    return first;
}

COLLAPSE_WIDE_VECTORS void RandomStream::fillNormals(std::span<double> out)
{
    std::size_t filled = 0;
    if (hasSpareNormal_ && !out.empty()) {
        out[filled++] = normal();
    }
    // A stream in the middle of a block would pair its words differently: draw as normal() does.
    if (used_ != 0 && used_ != 4) {
        for (; filled < out.size(); ++filled) {
            out[filled] = normal();
        }
        return;
    }
    // Whole pairs straight from fresh blocks: each block's four words are (u1, u2) of one pair, exactly
    // as normal() would take them.
    BlockWords words;
    while (out.size() - filled >= 2) {
        const int blocks = nextBlocks(key_, counter_, (out.size() - filled) / 2, words);
        double* pairs = out.data() + filled;
#pragma omp simd
        for (int b = 0; b < blocks; ++b) {
            const double u1 = 1.0 - uniformOfWords(words[0][b], words[1][b]);
            const double u2 = uniformOfWords(words[2][b], words[3][b]);
            boxMuller(u1, u2, pairs[2 * b], pairs[2 * b + 1]);
        }
        filled += 2 * static_cast<std::size_t>(blocks);
        used_ = 4;
    }
    if (filled < out.size()) {
        out[filled] = normal();
    }
}

COLLAPSE_WIDE_VECTORS void RandomStream::fillLabelledNormals(std::span<const double> weights,
                                                           std::span<std::size_t> labels,
                                                           std::span<double> normals)
{
    const std::size_t perLabel = labels.empty() ? 0 : normals.size() / labels.size();
    const std::size_t filledNormals = perLabel * labels.size();
    // A spare normal waiting takes the first slot; from there the pairs fill the slots two by two, the
    // second value of the last going spare when the count is odd, as normal() would have it. Only the
    // words interleave: each label's uniform comes before the pairs that start in its round. Every call
    // takes two words a uniform, so the count of words is known and they are generated at once.
    const std::size_t firstPairSlot = hasSpareNormal_ && filledNormals > 0 ? 1 : 0;
    if (firstPairSlot == 1) {
        normals[0] = spareNormal_;
        hasSpareNormal_ = false;
    }
    const std::size_t pairs = (filledNormals - firstPairSlot + 1) / 2;
    std::vector<std::uint32_t> words(2 * labels.size() + 4 * pairs);
    takeWords(words);
    std::size_t nextWord = 0;
    const auto nextUniform = [&] {
        const double u = uniformOfWords(words[nextWord], words[nextWord + 1]);
        nextWord += 2;
        return u;
    };
    std::vector<double> u1s, u2s;
    u1s.reserve(pairs);
    u2s.reserve(pairs);
    for (std::size_t round = 0; round < labels.size(); ++round) {
        labels[round] = categoricalOfUniform(weights, nextUniform());
        for (std::size_t slot = round * perLabel; slot < (round + 1) * perLabel; ++slot) {
            if (slot >= firstPairSlot && (slot - firstPairSlot) % 2 == 0) {
                u1s.push_back(1.0 - nextUniform());
                u2s.push_back(nextUniform());
            }
        }
    }
    // Then the transform over all whole pairs at once, straight into their slots.
    const std::size_t wholePairs = (filledNormals - firstPairSlot) / 2;
    double* pairSlots = normals.data() + firstPairSlot;
#pragma omp simd
    for (std::size_t p = 0; p < wholePairs; ++p) {
        boxMuller(u1s[p], u2s[p], pairSlots[2 * p], pairSlots[2 * p + 1]);
    }
    if (wholePairs < pairs) {
        boxMuller(u1s[wholePairs], u2s[wholePairs], pairSlots[2 * wholePairs], spareNormal_);
        hasSpareNormal_ = true;
    }
}

COLLAPSE_WIDE_VECTORS void RandomStream::takeWords(std::span<std::uint32_t> out)
{
    std::size_t filled = 0;
    while (filled < out.size() && used_ < 4) {
        out[filled++] = block_[used_++];
    }
    BlockWords words;
    while (out.size() - filled >= 4) {
        const int blocks = nextBlocks(key_, counter_, (out.size() - filled) / 4, words);
        for (int b = 0; b < blocks; ++b) {
            for (int word = 0; word < 4; ++word) {
                out[filled++] = words[word][b];
            }
        }
    }
    while (filled < out.size()) {
        out[filled++] = nextU32();
    }
}

std::size_t RandomStream::below(std::size_t n)
{
    // Multiply-and-reject: the high word of x * n is uniform on [0, n) once the low word is past the
    // rejection threshold (2^64 mod n).
    const auto bound = static_cast<std::uint64_t>(n);
    Uint128 product = static_cast<Uint128>(nextU64()) * bound;
    auto low = static_cast<std::uint64_t>(product);
    if (low < bound) {
        const std::uint64_t threshold = -bound % bound;
        while (low < threshold) {
            product = static_cast<Uint128>(nextU64()) * bound;
            low = static_cast<std::uint64_t>(product);
        }
    }
    return static_cast<std::size_t>(product >> 64);
}

std::size_t RandomStream::categorical(std::span<const double> weights)
{
    return categoricalOfUniform(weights, uniform());
}

} // namespace collapse
