// Differential checks for SOFTMAX and LOGISTIC: every registered variant against the *_ref
// oracle on kDiffConfigs random configurations each. Softmax rows of 1..300 entries cross the
// exp-table threshold, a few long constant rows saturate the sum of exponentials, and the
// multipliers/shifts reach their extremes; logistic tensors are both smaller and larger than
// its 256-entry table.
#include <cstring>

#include "kernels/core/quantize_multiplier.h"
#include "kernels/registry.h"
#include "tests/kernels/checks/checks.h"
#include "tests/kernels/checks/random_quant.h"
#include "tests/kernels/checks/rng.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::tests {
namespace {

using kernels::Status;

// Runs every variant into its own output (pre-filled with a pattern of its own, so an element
// a variant forgets to write differs from the oracle's) and records one pass or one failure.
// `valid`: whether the configuration is within the documented ranges (the oracle must accept
// exactly those).
template <typename Args, int32_t N>
void compare_variants(CheckReport& r, const kernels::OpVariants<Args, N>& ops, Args args,
                      int32_t count, int32_t config, bool valid) {
  int8_t* outs[N];
  Status status[N];
  for (int32_t v = 0; v < N; ++v) {
    outs[v] = arena().alloc<int8_t>(count);
    std::memset(outs[v], 0x5A + 0x21 * v, count);
    args.output = outs[v];
    status[v] = ops.variants[v].run(args);
    if (!arena().redzones_intact()) {
      r.fail("%s %s config %d: wrote outside its buffers", ops.op, ops.variants[v].name,
             static_cast<int>(config));
      return;
    }
  }
  if ((status[0] == Status::kOk) != valid) {
    r.fail("%s ref config %d: status %s for a%s configuration", ops.op, static_cast<int>(config),
           kernels::status_name(status[0]), valid ? " valid" : "n invalid");
    return;
  }
  for (int32_t v = 1; v < N; ++v) {
    if (status[v] != status[0]) {
      r.fail("%s %s config %d: status %s, ref %s", ops.op, ops.variants[v].name,
             static_cast<int>(config), kernels::status_name(status[v]),
             kernels::status_name(status[0]));
      return;
    }
    if (status[0] != Status::kOk) continue;
    for (int32_t i = 0; i < count; ++i) {
      if (outs[v][i] != outs[0][i]) {
        r.fail("%s %s config %d: element %d is %d, ref %d", ops.op, ops.variants[v].name,
               static_cast<int>(config), static_cast<int>(i), outs[v][i], outs[0][i]);
        return;
      }
    }
  }
  r.pass();
}

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
