// Differential checks for PAD and CONCATENATION: every registered variant against the *_ref
// oracle on kDiffConfigs random configurations each. PAD: padding on any subset of the axes
// (channels unpadded hits the whole-row copy), any pad value; CONCATENATION: every axis with
// 1..4 inputs (sometimes up to 16) of different sizes along it.
#include <cstring>

#include "kernels/registry.h"
#include "tests/kernels/checks/checks.h"
#include "tests/kernels/checks/diff_harness.h"
#include "tests/kernels/checks/rng.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::tests {
namespace {

using kernels::Dims4;
using kernels::Status;

Dims4 random_dims(Rng& rng) {
  return Dims4{rng.uniform(1, 2), rng.uniform(1, 6), rng.uniform(1, 7),
               rng.chance(80) ? rng.uniform(1, 17) : rng.uniform(18, 40)};
}

}  // namespace

void diff_pad(CheckReport& r) {
  Rng rng(0x5041445F44494646ull);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::PadArgs a;
    a.input_dims = random_dims(rng);
    int32_t after[4];
    for (int i = 0; i < 4; ++i) {
      const bool padded = rng.chance(i == 0 ? 20 : 60);
      a.pad_before[i] = padded ? rng.uniform(0, 3) : 0;
      after[i] = padded ? rng.uniform(0, 3) : 0;
    }
    const Dims4& in = a.input_dims;
    a.output_dims = Dims4{in.n + a.pad_before[0] + after[0], in.h + a.pad_before[1] + after[1],
                          in.w + a.pad_before[2] + after[2], in.c + a.pad_before[3] + after[3]};
    const int32_t pick = rng.uniform(0, 9);
    a.pad_value = pick == 0 ? int8_t{-128} : pick == 1 ? int8_t{127} : pick == 2 ? 0 : rng.s8();
    int8_t* input = arena().alloc<int8_t>(in.count());
    rng.fill_s8(input, in.count());
    a.input = input;
    const int32_t count = a.output_dims.count();
    const bool valid = !rng.chance(3);
    if (!valid) {  // both variants must reject it alike
      const int axis = rng.uniform(0, 3);
      if (rng.chance(50)) {
        a.pad_before[axis] = -1;
      } else {
        a.pad_before[axis] = a.output_dims.at(axis) - in.at(axis) + 1;  // output too small
      }
    }
    compare_variants(r, kernels::kPad, a, count, config, valid);
  }
}

void diff_concatenation(CheckReport& r) {
  Rng rng(0x434F4E4341544E21ull);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::ConcatenationArgs a;
    Dims4 dims[kernels::kMaxConcatInputs];
    const int8_t* inputs[kernels::kMaxConcatInputs];
    a.axis = rng.uniform(0, 3);
    a.num_inputs = rng.chance(90) ? rng.uniform(1, 4) : rng.uniform(5, kernels::kMaxConcatInputs);
    const Dims4 base = random_dims(rng);
    int32_t axis_total = 0;
    for (int32_t i = 0; i < a.num_inputs; ++i) {
      dims[i] = base;
      int32_t* extent = a.axis == 0   ? &dims[i].n
                        : a.axis == 1 ? &dims[i].h
                        : a.axis == 2 ? &dims[i].w
                                      : &dims[i].c;
      *extent = rng.uniform(1, a.axis == 3 ? 9 : 4);
      axis_total += *extent;
      int8_t* p = arena().alloc<int8_t>(dims[i].count());
      rng.fill_s8(p, dims[i].count());
      inputs[i] = p;
    }
    a.input_dims = dims;
    a.inputs = inputs;
    a.output_dims = base;
    (a.axis == 0   ? a.output_dims.n
     : a.axis == 1 ? a.output_dims.h
     : a.axis == 2 ? a.output_dims.w
                   : a.output_dims.c) = axis_total;
    const int32_t count = a.output_dims.count();
    const bool valid = !rng.chance(3);
    if (!valid) {  // both variants must reject it alike
      switch (rng.uniform(0, 3)) {
        case 0:
          a.axis = rng.chance(50) ? -1 : 4;
          break;
        case 1:
          a.num_inputs = rng.chance(50) ? 0 : kernels::kMaxConcatInputs + 1;
          break;
        case 2:
          // A size off by one: along the axis the sum no longer matches, elsewhere the shapes.
          dims[rng.uniform(0, a.num_inputs - 1)].c += 1;
          break;
        default:
          inputs[a.num_inputs - 1] = nullptr;
          break;
      }
    }
    compare_variants(r, kernels::kConcatenation, a, count, config, valid);
  }
}

}  // namespace tt::tests
