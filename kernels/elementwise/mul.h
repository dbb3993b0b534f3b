// MUL, int8 (TFLite int8 spec):
//   y = clamp(MBQM((x1 + input1_offset) * (x2 + input2_offset), output_multiplier,
//                  output_shift) + output_offset, act_min, act_max)
//
// Shapes: input1/input2 broadcast to output (broadcast.h). Ranges (checked): input offsets in
// [-127, 128]; output_offset in [-128, 127]; multiplier/shift as requantize.h;
// act_min <= act_max in [-128, 127].
#pragma once

#include <cstdint>

#include "kernels/core/dims.h"
#include "kernels/core/status.h"

namespace tt::kernels {

struct MulArgs {
  Dims4 input1_dims, input2_dims, output_dims;
  int32_t input1_offset = 0, input2_offset = 0, output_offset = 0;
  int32_t output_multiplier = 0, output_shift = 0;
  int32_t act_min = -128, act_max = 127;
  const int8_t* input1 = nullptr;
  const int8_t* input2 = nullptr;
  int8_t* output = nullptr;
};

Status mul_validate(const MulArgs& args);
Status mul_ref(const MulArgs& args);
// Same-shape inputs: two products per SMULBB/SMULTT pair after SXTAB16 offsetting.
Status mul_dsp(const MulArgs& args);

}  // namespace tt::kernels
