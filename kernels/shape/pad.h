// PAD (and PADV2), int8: copies the input into the output and fills the border with
// pad_value (the output zero point for PAD, as TFLite does for quantized tensors).
//
// Layouts: input [N, H, W, C]; output dims = input dims + pad_before + pad_after per axis
// (pad_after follows from output_dims). Ranges (checked): dims valid; pad_before[i] >= 0
// and output_dims[i] >= input_dims[i] + pad_before[i].
#pragma once

#include <cstdint>

#include "kernels/core/dims.h"
#include "kernels/core/status.h"

namespace tt::kernels {

struct PadArgs {
  Dims4 input_dims, output_dims;
  int32_t pad_before[4] = {0, 0, 0, 0};  // N, H, W, C
  int8_t pad_value = 0;
  const int8_t* input = nullptr;
  int8_t* output = nullptr;
};

Status pad_validate(const PadArgs& args);
Status pad_ref(const PadArgs& args);
// Whole-run memset/memcpy per contiguous innermost run.
Status pad_dsp(const PadArgs& args);

}  // namespace tt::kernels
