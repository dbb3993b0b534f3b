// Differential checks for SOFTMAX and LOGISTIC: every registered variant against the *_ref
// oracle on kDiffConfigs random configurations each. Softmax rows of 1..300 entries cross the
// exp-table threshold, a few long constant rows saturate the sum of exponentials, and the
// multipliers/shifts reach their extremes; logistic tensors are both smaller and larger than
// its 256-entry table.
#include <cstring>

#include "kernels/core/quantize_multiplier.h"
#include "kernels/registry.h"
#include "tests/kernels/checks/checks.h"
#include "tests/kernels/checks/diff_harness.h"
#include "tests/kernels/checks/random_quant.h"
#include "tests/kernels/checks/rng.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::tests {
namespace {

using kernels::Status;

int8_t* random_input(Rng& rng, int32_t count) {
  int8_t* p = arena().alloc<int8_t>(count);
  const int32_t fill = rng.uniform(0, 9);
  if (fill == 0) {
    std::memset(p, static_cast<int>(rng.s8()), count);  // all equal: every entry is a maximum
  } else if (fill == 1) {
    for (int32_t i = 0; i < count; ++i) p[i] = rng.chance(50) ? -128 : 127;
  } else {
    rng.fill_s8(p, count);
  }
  return p;
}

}  // namespace

void diff_softmax(CheckReport& r) {
  Rng rng(0x534F46544D415821ull);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::SoftmaxArgs a;
    if (rng.chance(3)) {  // past 512 and 4096 full terms: wide final shifts, saturated sum
      a.rows = 1;
      a.depth = rng.uniform(400, 6000);
    } else {
      a.rows = rng.uniform(1, 4);
      a.depth = rng.chance(80) ? rng.uniform(1, 300) : rng.uniform(1, 17);
    }
    const int32_t count = a.rows * a.depth;
    a.input = random_input(rng, count);
    a.input_multiplier = random_multiplier(rng);
    const int32_t pick = rng.uniform(0, 9);
    // Realistic left shifts for beta * input_scale in 2^-4..2^-8 are about 18..22.
    a.input_left_shift = pick == 0   ? 0
                         : pick == 1 ? 30
                         : pick <= 4 ? rng.uniform(0, 30)
                                     : rng.uniform(16, 24);
    const int32_t diff_pick = rng.uniform(0, 9);
    if (diff_pick <= 5) {  // what the model compiler derives
      a.diff_min = -kernels::calculate_input_radius(5, a.input_left_shift, 31);
    } else if (diff_pick == 6) {
      a.diff_min = 0;
    } else if (diff_pick == 7) {
      a.diff_min = INT32_MIN;
    } else {
      a.diff_min = rng.uniform(-300, 0);
    }
    const bool valid = !rng.chance(3);
    if (!valid) {  // both variants must reject it alike
      switch (rng.uniform(0, 3)) {
        case 0:
          a.input_multiplier = (int32_t{1} << 30) - 1;
          break;
        case 1:
          a.input_left_shift = 31;
          break;
        case 2:
          a.diff_min = 1;
          break;
        default:
          a.depth = 0;
          break;
      }
    }
    compare_variants(r, kernels::kSoftmax, a, count, config, valid);
  }
}

void diff_logistic(CheckReport& r) {
  Rng rng(0x4C4F474953544943ull);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::LogisticArgs a;
    a.size = rng.chance(50) ? rng.uniform(0, 256) : rng.uniform(257, 3000);
    a.input = random_input(rng, a.size);
    a.input_zero_point = random_zero_point(rng);
    a.input_multiplier = random_multiplier(rng);
    // Realistic: input_scale * 2^27 for scales 2^-3..2^-8, i.e. shifts of about 19..24.
    a.input_left_shift = random_shift(rng, 14, 26);
    const int32_t radius_pick = rng.uniform(0, 9);
    if (radius_pick <= 5 && a.input_left_shift >= 0) {  // what the model compiler derives
      a.input_range_radius = kernels::calculate_input_radius(4, a.input_left_shift, 31);
    } else if (radius_pick == 6) {
      a.input_range_radius = 0;
    } else if (radius_pick == 7) {
      a.input_range_radius = INT32_MAX;
    } else {
      a.input_range_radius = rng.uniform(0, 300);
    }
    const bool valid = !rng.chance(3);
    if (!valid) {  // both variants must reject it alike
      switch (rng.uniform(0, 3)) {
        case 0:
          a.input_zero_point = 128;
          break;
        case 1:
          a.input_range_radius = -1;
          break;
        case 2:
          a.input_left_shift = -32;
          break;
        default:
          a.input = nullptr;
          break;
      }
    }
    compare_variants(r, kernels::kLogistic, a, a.size, config, valid);
  }
}

}  // namespace tt::tests
