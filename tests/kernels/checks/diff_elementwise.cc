// Differential checks for ADD and MUL: every registered variant against the *_ref oracle on
// kDiffConfigs random configurations each. Half the configurations use same-shape inputs
// (the SIMD fast path), the rest broadcast either input along any subset of the axes; the
// quantization parameters are biased to their extremes (random_quant.h).
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

// Output dims and two input shapes that broadcast to it; fills the inputs.
struct Shapes {
  Dims4 in1, in2, out;
  const int8_t* input1;
  const int8_t* input2;
};

Dims4 broadcast_from(Rng& rng, const Dims4& out) {
  if (rng.chance(30)) return out;
  if (rng.chance(15)) return Dims4{1, 1, 1, 1};  // a scalar
  Dims4 d = out;
  if (rng.chance(50)) d.n = 1;
  if (rng.chance(50)) d.h = 1;
  if (rng.chance(50)) d.w = 1;
  if (rng.chance(50)) d.c = 1;
  return d;
}

Shapes random_shapes(Rng& rng) {
  Shapes s;
  s.out.n = rng.uniform(1, 2);
  s.out.h = rng.uniform(1, 5);
  s.out.w = rng.uniform(1, 7);
  s.out.c = rng.chance(80) ? rng.uniform(1, 17) : rng.uniform(18, 67);
  if (rng.chance(50)) {
    s.in1 = s.in2 = s.out;
  } else {
    s.in1 = broadcast_from(rng, s.out);
    s.in2 = broadcast_from(rng, s.out);
  }
  int8_t* in1 = arena().alloc<int8_t>(s.in1.count());
  int8_t* in2 = arena().alloc<int8_t>(s.in2.count());
  rng.fill_s8(in1, s.in1.count());
  rng.fill_s8(in2, s.in2.count());
  s.input1 = in1;
  s.input2 = in2;
  return s;
}

int32_t random_multiplier_or_zero(Rng& rng) { return rng.chance(2) ? 0 : random_multiplier(rng); }

// Occasionally breaks one parameter (returns whether it did): both variants must then report
// the same error.
template <typename Args>
bool maybe_invalidate(Rng& rng, Args* a) {
  if (!rng.chance(3)) return false;
  switch (rng.uniform(0, 4)) {
    case 0:
      a->input1_offset = -128;
      break;
    case 1:
      a->output_offset = 128;
      break;
    case 2:
      a->input2_dims.c = a->output_dims.c + 1;
      break;
    case 3:
      a->input2 = nullptr;
      break;
    default:
      a->output_shift = 31;
      break;
  }
  return true;
}

}  // namespace

void diff_add(CheckReport& r) {
  Rng rng(0x4144445F44494646ull);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    const Shapes s = random_shapes(rng);
    kernels::AddArgs a;
    a.input1_dims = s.in1;
    a.input2_dims = s.in2;
    a.output_dims = s.out;
    a.input1 = s.input1;
    a.input2 = s.input2;
    a.input1_offset = random_input_offset(rng);
    a.input2_offset = random_input_offset(rng);
    a.output_offset = random_zero_point(rng);
    const int32_t pick = rng.uniform(0, 9);
    a.left_shift = pick == 0 ? 0 : pick == 1 ? 22 : pick == 2 ? rng.uniform(0, 22) : 20;
    // Realistic scales: inputs rescaled by ~2^-1..2^-5, the sum by ~2^-15..2^-25.
    a.input1_multiplier = random_multiplier_or_zero(rng);
    a.input1_shift = random_shift(rng, -5, 0);
    a.input2_multiplier = random_multiplier_or_zero(rng);
    a.input2_shift = random_shift(rng, -5, 0);
    a.output_multiplier = random_multiplier_or_zero(rng);
    a.output_shift = random_shift(rng, -25, -15);
    random_activation(rng, &a.act_min, &a.act_max);
    const bool valid = !maybe_invalidate(rng, &a);
    compare_variants(r, kernels::kAdd, a, s.out.count(), config, valid);
  }
}

void diff_mul(CheckReport& r) {
  Rng rng(0x4D554C5F44494646ull);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    const Shapes s = random_shapes(rng);
    kernels::MulArgs a;
    a.input1_dims = s.in1;
    a.input2_dims = s.in2;
    a.output_dims = s.out;
    a.input1 = s.input1;
    a.input2 = s.input2;
    a.input1_offset = random_input_offset(rng);
    a.input2_offset = random_input_offset(rng);
    a.output_offset = random_zero_point(rng);
    a.output_multiplier = random_multiplier_or_zero(rng);
    a.output_shift = random_shift(rng, -14, -2);  // products up to 2^16
    random_activation(rng, &a.act_min, &a.act_max);
    const bool valid = !maybe_invalidate(rng, &a);
    compare_variants(r, kernels::kMul, a, s.out.count(), config, valid);
  }
}

}  // namespace tt::tests
