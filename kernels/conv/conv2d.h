// CONV_2D, int8 (TFLite int8 spec): per-channel quantized weights, int32 bias, double-rounding
// requantization, fused activation clamp.
//
// Layouts: input [N, H, W, Cin], filter [Cout, KH, KW, Cin], bias [Cout], output
// [N, OH, OW, Cout]. Padding is given explicitly as the top/left amount (SAME padding may be
// asymmetric; the bottom/right amount follows from the output size). Input positions outside
// the image contribute nothing (as if they held the input zero point).
//
// Parameter ranges (checked; violations return a Status):
//   dims in [1, kMaxDim]; input.c == filter.c; output.c == filter.n; input.n == output.n
//   stride_h/w, dilation_h/w in [1, 64]; pad_top/left in [0, 64]
//   input_offset = -input_zero_point in [-127, 128]; output_offset in [-128, 127]
//   act_min <= act_max, both in [-128, 127]
//   out_multiplier[c], out_shift[c]: see kernels/core/requantize.h
//   bias may be null (zero bias)
#pragma once

#include <cstdint>

#include "kernels/core/dims.h"
#include "kernels/core/status.h"

namespace tt::kernels {

struct ConvQuant {
  int32_t input_offset = 0;
  int32_t output_offset = 0;
  int32_t act_min = -128;
  int32_t act_max = 127;
  const int32_t* out_multiplier = nullptr;  // [Cout]
  const int32_t* out_shift = nullptr;       // [Cout]
};

struct Conv2dArgs {
  Dims4 input_dims, filter_dims, output_dims;
  int32_t stride_h = 1, stride_w = 1;
  int32_t dilation_h = 1, dilation_w = 1;
  int32_t pad_top = 0, pad_left = 0;
  ConvQuant quant;
  const int8_t* input = nullptr;
  const int8_t* filter = nullptr;
  const int32_t* bias = nullptr;
  int8_t* output = nullptr;
  void* scratch = nullptr;  // at least *_scratch_size() bytes, 4-byte aligned
  int32_t scratch_bytes = 0;
};

Status conv2d_ref(const Conv2dArgs& args);
int32_t conv2d_ref_scratch_size(const Conv2dArgs& args);

// ARMv7E-M SIMD32. Dispatches to a 1x1 fast path (stride any, no padding, no dilation)
// and otherwise to im2col + 2x2 register-blocked SMLAD matrix multiply.
Status conv2d_dsp(const Conv2dArgs& args);
int32_t conv2d_dsp_scratch_size(const Conv2dArgs& args);

// Checks every documented range; shared by all variants so they agree on errors.
Status conv2d_validate(const Conv2dArgs& args);

}  // namespace tt::kernels
