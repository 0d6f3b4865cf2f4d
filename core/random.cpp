#include "core/random.h"

#include <Random123/philox.h>

#include <cmath>
#include <numbers>

namespace collapse {

namespace {
__extension__ using Uint128 = unsigned __int128;
}

RandomStream::RandomStream(std::uint64_t seed, std::uint32_t replicate, std::uint32_t generation, Purpose purpose)
    : key_{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)},
      counter_{replicate, generation, static_cast<std::uint32_t>(purpose), 0}
{
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
    return static_cast<double>(nextU64() >> 11) * 0x1.0p-53;
}

double RandomStream::normal()
{
    if (hasSpareNormal_) {
        hasSpareNormal_ = false;
        return spareNormal_;
    }
    const double u1 = 1.0 - uniform(); // (0, 1], so the logarithm is finite
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    spareNormal_ = radius * std::sin(angle);
    hasSpareNormal_ = true;
    return radius * std::cos(angle);
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
    double total = 0.0;
    for (const double w : weights) {
        total += w;
    }
    const double target = uniform() * total;
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

} // namespace collapse
