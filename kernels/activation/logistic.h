// LOGISTIC, int8 (TFLite int8 spec, TFLM integer algorithm). Output quantization is fixed by
// the spec: scale 1/256, zero point -128.
//
//   d = x - input_zero_point
//   d <= -radius -> -128;  d >= radius -> 127
//   otherwise y = clamp(RDBPOT(logistic_Q0(MBQM(d, input_multiplier, input_left_shift) as Q4),
//                              23) - 128, -128, 127)
//
// Ranges (checked): size in [0, 2^30]; input_zero_point in [-128, 127]; input_range_radius
// >= 0; input_multiplier/input_left_shift as requantize.h.
#pragma once

#include <cstdint>

#include "kernels/core/status.h"

namespace tt::kernels {

struct LogisticArgs {
  int32_t size = 0;
  int32_t input_zero_point = 0, input_range_radius = 0;
  int32_t input_multiplier = 0, input_left_shift = 0;
  const int8_t* input = nullptr;
  int8_t* output = nullptr;
};

Status logistic_validate(const LogisticArgs& args);
Status logistic_ref(const LogisticArgs& args);
// Builds a 256-entry table once per call when the tensor is larger than the table.
Status logistic_dsp(const LogisticArgs& args);

}  // namespace tt::kernels
