// DEPTHWISE_CONV_2D, int8 (TFLite int8 spec), per-channel quantization, depth multiplier.
//
// Layouts: input [N, H, W, Cin], filter [1, KH, KW, Cout] with Cout = Cin * depth_multiplier,
// bias [Cout], output [N, OH, OW, Cout]; output channel oc reads input channel
// oc / depth_multiplier. Padding, strides, dilation and quantization as for conv2d.h.
//
// Parameter ranges (checked): as conv2d.h, plus filter.n == 1, depth_multiplier >= 1 and
// filter.c == output.c == input.c * depth_multiplier.
#pragma once

#include <cstdint>

#include "kernels/conv/conv2d.h"

namespace tt::kernels {

struct DepthwiseConv2dArgs {
  Dims4 input_dims, filter_dims, output_dims;
  int32_t depth_multiplier = 1;
  int32_t stride_h = 1, stride_w = 1;
  int32_t dilation_h = 1, dilation_w = 1;
  int32_t pad_top = 0, pad_left = 0;
  ConvQuant quant;
  const int8_t* input = nullptr;
  const int8_t* filter = nullptr;
  const int32_t* bias = nullptr;
  int8_t* output = nullptr;
  void* scratch = nullptr;
  int32_t scratch_bytes = 0;
};

Status depthwise_conv2d_ref(const DepthwiseConv2dArgs& args);
int32_t depthwise_conv2d_ref_scratch_size(const DepthwiseConv2dArgs& args);

// ARMv7E-M SIMD32. Dispatches to a 3x3 fast path (depth multiplier 1, no dilation, any
// stride and padding) and otherwise to a generic channel-blocked loop.
Status depthwise_conv2d_dsp(const DepthwiseConv2dArgs& args);
int32_t depthwise_conv2d_dsp_scratch_size(const DepthwiseConv2dArgs& args);

Status depthwise_conv2d_validate(const DepthwiseConv2dArgs& args);

}  // namespace tt::kernels
