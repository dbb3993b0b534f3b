// Differential checks for QUANTIZE (float32 -> int8 and int8 -> int8) and DEQUANTIZE: every
// registered variant against the *_ref oracle on kDiffConfigs random configurations each.
// Float inputs include 0, -0, exact ties (k + 1/2 steps), NaN, infinities, huge values and
// subnormals; scales range from subnormal to FLT_MAX; float outputs are compared as bit
// patterns. Tensors are both smaller and larger than the 256-entry dequantize table.
#include <cfloat>
#include <cmath>
#include <cstring>

#include "kernels/registry.h"
#include "tests/kernels/checks/checks.h"
#include "tests/kernels/checks/random_quant.h"
#include "tests/kernels/checks/rng.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::tests {
namespace {

using kernels::Status;

uint32_t bits_of(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

// Runs every variant into its own output (pre-filled with a pattern of its own, so an element
// a variant forgets to write differs from the oracle's) and records one pass or one failure.
// Elements are compared as bytes, so floats must match bit for bit (NaN included).
// `valid`: whether the configuration is within the documented ranges (the oracle must accept
// exactly those).
template <typename Args, int32_t N, typename T>
void compare_variants(CheckReport& r, const kernels::OpVariants<Args, N>& ops, Args args,
                      T* Args::*output, int32_t count, int32_t config, bool valid) {
  T* outs[N];
  Status status[N];
  for (int32_t v = 0; v < N; ++v) {
    outs[v] = arena().alloc<T>(count);
    std::memset(outs[v], 0x5A + 0x21 * v, sizeof(T) * count);
    args.*output = outs[v];
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
      if (std::memcmp(&outs[v][i], &outs[0][i], sizeof(T)) != 0) {
        if constexpr (sizeof(T) == 1) {
          r.fail("%s %s config %d: element %d is %d, ref %d", ops.op, ops.variants[v].name,
                 static_cast<int>(config), static_cast<int>(i), outs[v][i], outs[0][i]);
        } else {
          r.fail("%s %s config %d: element %d is 0x%08lx, ref 0x%08lx", ops.op,
                 ops.variants[v].name, static_cast<int>(config), static_cast<int>(i),
                 static_cast<unsigned long>(bits_of(outs[v][i])),
                 static_cast<unsigned long>(bits_of(outs[0][i])));
        }
        return;
      }
    }
  }
  r.pass();
}

int32_t random_size(Rng& rng) {
  return rng.chance(50) ? rng.uniform(0, 256) : rng.uniform(257, 2000);
}

float random_scale(Rng& rng) {
  switch (rng.uniform(0, 9)) {
    case 0:
      return std::ldexp(1.0f, rng.uniform(-20, 4));  // exact quotients: ties stay ties
    case 1:
      return std::ldexp(1.0f, rng.uniform(-149, 127));  // subnormal to 2^127
    case 2:
      return rng.chance(50) ? FLT_MAX : FLT_TRUE_MIN;
    case 3:
      return 1.0f;
    default:  // typical activation scales
      return static_cast<float>(rng.uniform(1, 1 << 20)) * std::ldexp(1.0f, -24);
  }
}

// A float for QUANTIZE: special values, exact ties, values near the int8 range, anything.
float random_float(Rng& rng, float scale, int32_t zero_point) {
  switch (rng.uniform(0, 15)) {
    case 0:
      return 0.0f;
    case 1:
      return -0.0f;
    case 2:
      return NAN;
    case 3:
      return rng.chance(50) ? INFINITY : -INFINITY;
    case 4:
      return rng.chance(50) ? FLT_MAX : -FLT_MAX;
    case 5:
      return rng.chance(50) ? 2.5f : -2.5f;
    case 6:
      return rng.chance(50) ? FLT_TRUE_MIN : -FLT_TRUE_MIN;
    case 7:
    case 8:  // k + 1/2 steps, exact when the scale is a power of two
      return (static_cast<float>(rng.uniform(-300, 300)) + 0.5f) * scale;
    case 9: {  // around the clamp edges, taking the zero point into account
      const int32_t edge = rng.chance(50) ? 127 - zero_point : -128 - zero_point;
      return static_cast<float>(edge + rng.uniform(-2, 2)) * 0.5f * scale;
    }
    case 10: {  // any finite bit pattern
      uint32_t u = static_cast<uint32_t>(rng.next());
      if ((u & 0x7F800000u) == 0x7F800000u) u &= 0xBFFFFFFFu;
      float f;
      std::memcpy(&f, &u, sizeof f);
      return f;
    }
    default:
      return static_cast<float>(rng.uniform(-400000, 400000)) * 0.001f * scale;
  }
}

}  // namespace

void diff_quantize(CheckReport& r) {
  Rng rng(0x5155414E54495A45ull);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::QuantizeArgs a;
    a.size = random_size(rng);
    a.scale = random_scale(rng);
    a.zero_point = random_zero_point(rng);
    float* input = arena().alloc<float>(a.size);
    for (int32_t i = 0; i < a.size; ++i) input[i] = random_float(rng, a.scale, a.zero_point);
    a.input = input;
    const int32_t count = a.size;
    const bool valid = !rng.chance(3);
    if (!valid) {  // both variants must reject it alike
      const float bad_scales[] = {0.0f, -1.0f, NAN, INFINITY};
      if (rng.chance(60)) {
        a.scale = bad_scales[rng.uniform(0, 3)];
      } else {
        a.zero_point = rng.chance(50) ? -129 : 128;
      }
    }
    compare_variants(r, kernels::kQuantize, a, &kernels::QuantizeArgs::output, count, config,
                     valid);
  }
}

void diff_requantize(CheckReport& r) {
  Rng rng(0x524551554E545A21ull);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::RequantizeArgs a;
    a.size = random_size(rng);
    a.input_zero_point = random_zero_point(rng);
    a.output_zero_point = random_zero_point(rng);
    a.multiplier = rng.chance(2) ? 0 : random_multiplier(rng);
    a.shift = random_shift(rng, -3, 1);  // scale ratios near 1
    if (rng.chance(30)) {                // the RELU/RELU6 form: a narrower clamp
      a.act_min = a.output_zero_point;
      a.act_max = rng.uniform(a.act_min, 127);
    }
    int8_t* input = arena().alloc<int8_t>(a.size);
    rng.fill_s8(input, a.size);
    a.input = input;
    const int32_t count = a.size;
    const bool valid = !rng.chance(3);
    if (!valid) {  // both variants must reject it alike
      switch (rng.uniform(0, 3)) {
        case 0:
          a.multiplier = (int32_t{1} << 30) - 1;
          break;
        case 3:
          a.act_min = 5, a.act_max = 4;
          break;
        case 1:
          a.shift = rng.chance(50) ? -32 : 31;
          break;
        default:
          a.output_zero_point = 128;
          break;
      }
    }
    compare_variants(r, kernels::kRequantize, a, &kernels::RequantizeArgs::output, count, config,
                     valid);
  }
}

void diff_dequantize(CheckReport& r) {
  Rng rng(0x444551554E545A21ull);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::DequantizeArgs a;
    a.size = random_size(rng);
    a.scale = random_scale(rng);
    a.zero_point = random_zero_point(rng);
    int8_t* input = arena().alloc<int8_t>(a.size);
    rng.fill_s8(input, a.size);
    a.input = input;
    const int32_t count = a.size;
    const bool valid = !rng.chance(3);
    if (!valid) {  // both variants must reject it alike
      const float bad_scales[] = {0.0f, -0.0f, -2.0f, NAN, INFINITY};
      if (rng.chance(60)) {
        a.scale = bad_scales[rng.uniform(0, 4)];
      } else {
        a.zero_point = rng.chance(50) ? -129 : 128;
      }
    }
    compare_variants(r, kernels::kDequantize, a, &kernels::DequantizeArgs::output, count, config,
                     valid);
  }
}

}  // namespace tt::tests
