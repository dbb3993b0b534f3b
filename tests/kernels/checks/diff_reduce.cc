// Differential checks for MEAN: every registered variant against the *_ref oracle on
// kDiffConfigs random configurations, over every axis mask 1..15 (the spatial mask 0x6, the
// SIMD path, more often), windows beyond 256 elements (lane flushes), saturated inputs and
// extreme zero points, multipliers and shifts -- including shifts low enough that the fold of
// 1/count into the multiplier is clamped (shift' = -31, multiplier' far below 2^30).
#include <cstring>

#include "kernels/registry.h"
#include "tests/kernels/checks/checks.h"
#include "tests/kernels/checks/diff_harness.h"
#include "tests/kernels/checks/random_quant.h"
#include "tests/kernels/checks/rng.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::tests {
namespace {

using kernels::Dims4;
using kernels::Status;

}  // namespace

void diff_mean(CheckReport& r) {
  Rng rng(0x4D45414E5F444946ull);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::MeanArgs a;
    a.axes_mask = rng.chance(30) ? 0x6u : static_cast<uint32_t>(rng.uniform(1, 15));
    Dims4& in = a.input_dims;
    const bool large = rng.chance(25);
    if (large) {  // more than 256 elements per output
      in = Dims4{rng.uniform(1, 2), rng.uniform(12, 40), rng.uniform(12, 40), rng.uniform(1, 6)};
    } else {
      in = Dims4{rng.uniform(1, 3), rng.uniform(1, 9), rng.uniform(1, 9),
                 rng.chance(80) ? rng.uniform(1, 17) : rng.uniform(18, 48)};
    }
    for (int i = 0; i < 4; ++i) {
      const int32_t size = ((a.axes_mask >> i) & 1u) ? 1 : in.at(i);
      (i == 0   ? a.output_dims.n
       : i == 1 ? a.output_dims.h
       : i == 2 ? a.output_dims.w
                : a.output_dims.c) = size;
    }
    a.input_zero_point = random_zero_point(rng);
    a.output_zero_point = random_zero_point(rng);
    a.multiplier = rng.chance(2) ? 0 : random_multiplier(rng);
    // input_scale / output_scale is usually near 1; sometimes tiny, so that
    // floor(log2(count)) > 31 + shift and the fold's shift is clamped.
    a.shift = rng.chance(10) ? rng.uniform(-31, -22) : random_shift(rng, -3, 1);
    int8_t* input = arena().alloc<int8_t>(in.count());
    // Saturated inputs stress the 16-bit lanes, most of all in large windows.
    const int32_t fill = rng.uniform(0, large ? 3 : 9);
    if (fill == 0) {
      std::memset(input, 0x80, in.count());
    } else if (fill == 1) {
      std::memset(input, 0x7F, in.count());
    } else {
      rng.fill_s8(input, in.count());
    }
    a.input = input;
    const int32_t count = a.output_dims.count();
    const bool valid = !rng.chance(3);
    if (!valid) {  // both variants must reject it alike
      switch (rng.uniform(0, 3)) {
        case 0:
          a.axes_mask = rng.chance(50) ? 0u : 16u;
          break;
        case 1:
          a.output_dims.c = in.c + 1;
          break;
        case 2:
          a.input_zero_point = 128;
          break;
        default:
          a.shift = -32;
          break;
      }
    }
    compare_variants(r, kernels::kMean, a, count, config, valid);
  }
}

}  // namespace tt::tests
