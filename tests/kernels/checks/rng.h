// Deterministic pseudo-random numbers for the differential tests (splitmix64), identical on
// the host and the MCU so a failing configuration can be reproduced anywhere from its index.
#pragma once

#include <cstdint>

namespace tt::tests {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi], inclusive.
  int32_t uniform(int32_t lo, int32_t hi) {
    const uint64_t span = static_cast<uint64_t>(static_cast<int64_t>(hi) - lo) + 1;
    return static_cast<int32_t>(lo + static_cast<int64_t>(next() % span));
  }
  bool chance(int32_t percent) { return uniform(0, 99) < percent; }
  int8_t s8() { return static_cast<int8_t>(uniform(-128, 127)); }
  void fill_s8(int8_t* p, int32_t n) {
    for (int32_t i = 0; i < n; ++i) p[i] = s8();
  }
  void fill_s32(int32_t* p, int32_t n, int32_t lo, int32_t hi) {
    for (int32_t i = 0; i < n; ++i) p[i] = uniform(lo, hi);
  }

 private:
  uint64_t state_;
};

}  // namespace tt::tests
