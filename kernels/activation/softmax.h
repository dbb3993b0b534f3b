// SOFTMAX, int8 (TFLite int8 spec, TFLM integer algorithm) over the last dimension.
// Output quantization is fixed by the spec: scale 1/256, zero point -128.
//
// For each row: d = x - max(row); entries with d < diff_min contribute 0 and output -128;
// the others use exp(d * beta * input_scale) computed in fixed point
// (kernels/core/fixed_point.h) from d rescaled by (input_multiplier, input_left_shift) into
// Q5, summed in Q12, normalised by a fixed-point reciprocal.
//
// Ranges (checked): rows in [1, 2^24], depth in [1, 2^16]; input_multiplier in
// [2^30, 2^31); input_left_shift in [0, 30]; diff_min <= 0. The compiler derives the three
// from beta and the input scale (quantize_multiplier_greater_than_one, calculate_input_radius).
#pragma once

#include <cstdint>

#include "kernels/core/status.h"

namespace tt::kernels {

struct SoftmaxArgs {
  int32_t rows = 1, depth = 1;
  int32_t input_multiplier = 0, input_left_shift = 0, diff_min = 0;
  const int8_t* input = nullptr;
  int8_t* output = nullptr;
};

Status softmax_validate(const SoftmaxArgs& args);
Status softmax_ref(const SoftmaxArgs& args);
// Caches exp() per distinct difference (at most 256 of them) when the row is long enough
// for the table to pay off; identical arithmetic otherwise.
Status softmax_dsp(const SoftmaxArgs& args);

}  // namespace tt::kernels
