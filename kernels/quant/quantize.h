// QUANTIZE (TFLite int8 spec), both forms of the op:
//  - float32 -> int8:  y = clamp(round_half_away(x / scale) + zero_point, -128, 127), the
//    division in float32 as TFLite's reference does. NaN maps to zero_point.
//  - int8 -> int8 (requantize): y = clamp(MBQM(x - input_zero_point, multiplier, shift) +
//    output_zero_point, -128, 127).
//
// Ranges (checked): size in [0, 2^30]; scale finite and > 0; zero points in [-128, 127];
// multiplier/shift as requantize.h.
#pragma once

#include <cstdint>

#include "kernels/core/status.h"

namespace tt::kernels {

struct QuantizeArgs {
  int32_t size = 0;
  float scale = 1.0f;
  int32_t zero_point = 0;
  const float* input = nullptr;
  int8_t* output = nullptr;
};

Status quantize_validate(const QuantizeArgs& args);
Status quantize_ref(const QuantizeArgs& args);
Status quantize_dsp(const QuantizeArgs& args);  // 4 outputs per word store

struct RequantizeArgs {
  int32_t size = 0;
  int32_t input_zero_point = 0, output_zero_point = 0;
  int32_t multiplier = 0, shift = 0;
  // Clamp after adding the output zero point: [-128, 127] for QUANTIZE; RELU and RELU6
  // lower to a requantization with a narrower range. act_min <= act_max, both in [-128, 127].
  int32_t act_min = -128, act_max = 127;
  const int8_t* input = nullptr;
  int8_t* output = nullptr;
};

Status requantize_validate(const RequantizeArgs& args);
Status requantize_ref(const RequantizeArgs& args);
Status requantize_dsp(const RequantizeArgs& args);  // fused requantization, 4 per step

}  // namespace tt::kernels
