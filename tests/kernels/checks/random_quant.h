// Random quantization parameters for differential tests, biased toward the edges the issue
// cares about: zero points -128/127, multipliers 2^30 and 2^31-1, shifts -31 and 30, next to
// realistic values (so that outputs are not all saturated).
#pragma once

#include <cstdint>

#include "tests/kernels/checks/rng.h"

namespace tt::tests {

inline int32_t random_zero_point(Rng& rng) {
  const int32_t pick = rng.uniform(0, 9);
  if (pick == 0) return -128;
  if (pick == 1) return 127;
  return rng.uniform(-128, 127);
}

// input_offset = -input_zero_point, in [-127, 128].
inline int32_t random_input_offset(Rng& rng) { return -random_zero_point(rng); }

inline int32_t random_multiplier(Rng& rng) {
  const int32_t pick = rng.uniform(0, 9);
  if (pick == 0) return int32_t{1} << 30;
  if (pick == 1) return INT32_MAX;
  return rng.uniform(int32_t{1} << 30, INT32_MAX);
}

// Mostly realistic right shifts (scales around 2^-6..2^-12 fit int8 conv accumulators),
// sometimes the extremes of the documented range [-31, 30].
inline int32_t random_shift(Rng& rng, int32_t typical_lo = -12, int32_t typical_hi = 0) {
  const int32_t pick = rng.uniform(0, 19);
  if (pick == 0) return -31;
  if (pick == 1) return 30;
  if (pick == 2) return rng.uniform(-31, 30);
  return rng.uniform(typical_lo, typical_hi);
}

// An activation range [lo, hi] inside [-128, 127]: usually the full range (no activation),
// sometimes a ReLU-like or ReLU6-like clamp.
inline void random_activation(Rng& rng, int32_t* lo, int32_t* hi) {
  const int32_t pick = rng.uniform(0, 3);
  if (pick <= 1) {
    *lo = -128;
    *hi = 127;
  } else {
    *lo = rng.uniform(-128, 20);
    *hi = rng.uniform(*lo, 127);
  }
}

}  // namespace tt::tests
