// Arguments shared by MAX_POOL_2D and AVERAGE_POOL_2D, int8 (TFLite int8 spec). Input and
// output share one quantization, so pooling works on raw int8 values.
//
// Layouts: input [N, H, W, C], output [N, OH, OW, C]. Window positions outside the input
// are skipped.
//
// Parameter ranges (checked): dims in [1, kMaxDim], input.n == output.n, input.c ==
// output.c; filter_h/w in [1, 256]; stride_h/w in [1, 64]; pad_top/left in [0, 64] and
// smaller than the filter; act_min <= act_max in [-128, 127].
#pragma once

#include <cstdint>

#include "kernels/core/dims.h"
#include "kernels/core/status.h"

namespace tt::kernels {

struct Pool2dArgs {
  Dims4 input_dims, output_dims;
  int32_t filter_h = 1, filter_w = 1;
  int32_t stride_h = 1, stride_w = 1;
  int32_t pad_top = 0, pad_left = 0;
  int32_t act_min = -128, act_max = 127;
  const int8_t* input = nullptr;
  int8_t* output = nullptr;
};

Status pool2d_validate(const Pool2dArgs& args);

}  // namespace tt::kernels
