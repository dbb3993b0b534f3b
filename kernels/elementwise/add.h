// ADD, int8 (TFLite int8 spec, TFLM integer semantics): both inputs are rescaled to a common
// scale with extra headroom (left_shift, 20 in TFLite), added, then requantized:
//   a = MBQM((x1 + input1_offset) << left_shift, input1_multiplier, input1_shift)
//   b = MBQM((x2 + input2_offset) << left_shift, input2_multiplier, input2_shift)
//   y = clamp(MBQM(a + b, output_multiplier, output_shift) + output_offset, act_min, act_max)
// (MBQM = multiply_by_quantized_multiplier, kernels/core/requantize.h).
//
// Shapes: input1/input2 broadcast to output (broadcast.h). Ranges (checked): input offsets in
// [-127, 128]; output_offset in [-128, 127]; left_shift in [0, 22]; multipliers/shifts as
// requantize.h; act_min <= act_max in [-128, 127].
#pragma once

#include <cstdint>

#include "kernels/core/dims.h"
#include "kernels/core/status.h"

namespace tt::kernels {

struct AddArgs {
  Dims4 input1_dims, input2_dims, output_dims;
  int32_t input1_offset = 0, input2_offset = 0, output_offset = 0;
  int32_t left_shift = 20;
  int32_t input1_multiplier = 0, input1_shift = 0;
  int32_t input2_multiplier = 0, input2_shift = 0;
  int32_t output_multiplier = 0, output_shift = 0;
  int32_t act_min = -128, act_max = 127;
  const int8_t* input1 = nullptr;
  const int8_t* input2 = nullptr;
  int8_t* output = nullptr;
};

Status add_validate(const AddArgs& args);
Status add_ref(const AddArgs& args);
// Same-shape inputs: four elements per step with SXTAB16 offsets and fused requantization.
Status add_dsp(const AddArgs& args);

}  // namespace tt::kernels
