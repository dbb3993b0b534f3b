// MEAN, int8, over any subset of the four axes (keep_dims layout: reduced axes have size 1
// in output_dims; dropping them does not change the memory layout). Integer semantics of
// TFLM's int8 spatial mean, applied to every axis set:
//   acc = sum(x - input_zero_point) over the reduced elements (count of them = n)
//   acc = MBQM(acc, multiplier, shift)          (multiplier = input_scale / output_scale)
//   acc = acc > 0 ? (acc + n/2) / n : (acc - n/2) / n
//   y = clamp(acc + output_zero_point, -128, 127)
//
// Ranges (checked): dims valid; axes_mask in [1, 15] (bit i = axis i); output_dims[i] is 1
// on reduced axes and equals input_dims[i] elsewhere; zero points in [-128, 127];
// multiplier/shift as requantize.h; at most 2^23 elements reduced into one output.
#pragma once

#include <cstdint>

#include "kernels/core/dims.h"
#include "kernels/core/status.h"

namespace tt::kernels {

struct MeanArgs {
  Dims4 input_dims, output_dims;
  uint32_t axes_mask = 0x6;  // H and W
  int32_t input_zero_point = 0, output_zero_point = 0;
  int32_t multiplier = 0, shift = 0;
  const int8_t* input = nullptr;
  int8_t* output = nullptr;
};

Status mean_validate(const MeanArgs& args);
Status mean_ref(const MeanArgs& args);
// Spatial (H, W) means sum four channels per step in SIMD lanes; other axis sets use the
// reference loop.
Status mean_dsp(const MeanArgs& args);

}  // namespace tt::kernels
