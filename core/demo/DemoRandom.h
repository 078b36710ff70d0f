#pragma once

#include <cmath>
#include <cstdint>
#include <iterator>
#include <numbers>
#include <span>

namespace clientele {

/// SplitMix64's finaliser: a bijection on 64-bit values that scatters neighbouring inputs.
/// Distinct inputs give distinct outputs, which makes it a source of unique-looking ids.
constexpr std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/**
 * The demo store's random numbers: xoshiro256** with its own distributions.
 *
 * std:: distributions are not used on purpose: their algorithms differ between standard
 * libraries, and the demo must produce the same rows for the same seed everywhere. Every
 * shopper gets a stream of their own (seed, stream), so one shopper's history does not
 * depend on how many numbers the shoppers before them drew.
 */
class DemoRandom {
public:
    DemoRandom(std::uint64_t seed, std::uint64_t stream)
    {
        std::uint64_t x = mix64(seed) ^ mix64(stream ^ 0x5DEECE66Dull);
        for (auto &word : state_) {
            x += 0x9E3779B97F4A7C15ull;
            word = mix64(x);
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    /// Uniform in [0, 1), 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    double uniform(double low, double high) { return low + (high - low) * uniform(); }

    /// Uniform integer in [low, high], both included.
    std::int64_t between(std::int64_t low, std::int64_t high)
    {
        const auto span = static_cast<double>(high - low) + 1.0;
        // 53 random bits are plenty for the demo's ranges (at most a few million values).
        const auto offset = static_cast<std::int64_t>(uniform() * span);
        return low + (offset > high - low ? high - low : offset);
    }

    bool chance(double probability) { return uniform() < probability; }

    /// Normal deviate (Box–Muller; the second value is dropped to keep the stream simple).
    double normal(double mean, double deviation)
    {
        const double u1 = 1.0 - uniform(); // (0, 1]: log() stays finite
        const double u2 = uniform();
        return mean
            + deviation * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

    /// A positive value whose logarithm is normal: activity rates, basket sizes.
    double logNormal(double median, double sigma) { return median * std::exp(normal(0.0, sigma)); }

    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }

    /// Knuth's method; fine for the small means the demo uses (below ~30).
    int poisson(double mean)
    {
        const double limit = std::exp(-mean);
        int count = 0;
        double product = uniform();
        while (product > limit) {
            ++count;
            product *= uniform();
        }
        return count;
    }

    /// Index drawn in proportion to weights (which need not sum to one).
    std::size_t weighted(std::span<const double> weights)
    {
        double total = 0.0;
        for (double w : weights)
            total += w;
        double target = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            target -= weights[i];
            if (target < 0.0)
                return i;
        }
        return weights.size() - 1;
    }

    /// One element of an array, span or vector, each equally likely.
    template<typename Range> decltype(auto) pick(const Range &items)
    {
        const auto count = static_cast<std::int64_t>(std::size(items));
        return items[static_cast<std::size_t>(between(0, count - 1))];
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k)
    {
        return (x << k) | (x >> (64 - k));
    }

    std::uint64_t state_[4] {};
};

} // namespace clientele
