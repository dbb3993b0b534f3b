// Argument validation for CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED, shared by every
// variant so that all of them reject exactly the same inputs with the same Status.
#include "kernels/conv/conv2d.h"
#include "kernels/conv/depthwise_conv2d.h"
#include "kernels/conv/fully_connected.h"
#include "kernels/core/requantize.h"

namespace tt::kernels {
namespace {

constexpr int32_t kMaxStride = 64;
constexpr int32_t kMaxPad = 64;

Status validate_quant(const ConvQuant& q, int32_t channels) {
  if (q.out_multiplier == nullptr || q.out_shift == nullptr) return Status::kNullPointer;
  if (q.input_offset < -127 || q.input_offset > 128) return Status::kBadQuantization;
  if (q.output_offset < -128 || q.output_offset > 127) return Status::kBadQuantization;
  if (q.act_min < -128 || q.act_max > 127 || q.act_min > q.act_max) {
    return Status::kBadQuantization;
  }
  for (int32_t c = 0; c < channels; ++c) {
    if (!multiplier_valid(q.out_multiplier[c], q.out_shift[c])) return Status::kBadQuantization;
  }
  return Status::kOk;
}

Status validate_window(int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                       int32_t pad_top, int32_t pad_left) {
  if (stride_h < 1 || stride_w < 1 || stride_h > kMaxStride || stride_w > kMaxStride) {
    return Status::kBadParameter;
  }
  if (dilation_h < 1 || dilation_w < 1 || dilation_h > kMaxStride || dilation_w > kMaxStride) {
    return Status::kBadParameter;
  }
  if (pad_top < 0 || pad_left < 0 || pad_top > kMaxPad || pad_left > kMaxPad) {
    return Status::kBadParameter;
  }
  return Status::kOk;
}

}  // namespace

Status conv2d_validate(const Conv2dArgs& a) {
  if (a.input == nullptr || a.filter == nullptr || a.output == nullptr) {
    return Status::kNullPointer;
  }
  if (!dims_valid(a.input_dims) || !dims_valid(a.filter_dims) || !dims_valid(a.output_dims)) {
    return Status::kBadShape;
  }
  if (a.input_dims.c != a.filter_dims.c || a.output_dims.c != a.filter_dims.n ||
      a.input_dims.n != a.output_dims.n) {
    return Status::kBadShape;
  }
  const Status w =
      validate_window(a.stride_h, a.stride_w, a.dilation_h, a.dilation_w, a.pad_top, a.pad_left);
  if (w != Status::kOk) return w;
  return validate_quant(a.quant, a.output_dims.c);
}

Status depthwise_conv2d_validate(const DepthwiseConv2dArgs& a) {
  if (a.input == nullptr || a.filter == nullptr || a.output == nullptr) {
    return Status::kNullPointer;
  }
  if (!dims_valid(a.input_dims) || !dims_valid(a.filter_dims) || !dims_valid(a.output_dims)) {
    return Status::kBadShape;
  }
  if (a.depth_multiplier < 1 || a.depth_multiplier > kMaxDim) return Status::kBadParameter;
  if (a.filter_dims.n != 1 || a.input_dims.n != a.output_dims.n ||
      a.filter_dims.c != a.output_dims.c ||
      int64_t{a.input_dims.c} * a.depth_multiplier != a.output_dims.c) {
    return Status::kBadShape;
  }
  const Status w =
      validate_window(a.stride_h, a.stride_w, a.dilation_h, a.dilation_w, a.pad_top, a.pad_left);
  if (w != Status::kOk) return w;
  return validate_quant(a.quant, a.output_dims.c);
}

Status fully_connected_validate(const FullyConnectedArgs& a) {
  if (a.input == nullptr || a.filter == nullptr || a.output == nullptr) {
    return Status::kNullPointer;
  }
  constexpr int32_t kMax = 1 << 20;
  if (a.batches < 1 || a.depth < 1 || a.units < 1 || a.batches > kMax || a.depth > kMax ||
      a.units > kMax) {
    return Status::kBadShape;
  }
  constexpr int64_t kMaxElems = int64_t{1} << 30;
  if (int64_t{a.batches} * a.depth > kMaxElems || int64_t{a.units} * a.depth > kMaxElems ||
      int64_t{a.batches} * a.units > kMaxElems) {
    return Status::kBadShape;
  }
  if (a.quant_count != 1 && a.quant_count != a.units) return Status::kBadQuantization;
  return validate_quant(a.quant, a.quant_count);
}

}  // namespace tt::kernels
