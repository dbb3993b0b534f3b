// Argument checks shared by MAX_POOL_2D and AVERAGE_POOL_2D (both variants), so every
// variant returns the same Status for the same arguments.
#include "kernels/pool/pool2d_args.h"

namespace tt::kernels {

Status pool2d_validate(const Pool2dArgs& a) {
  if (a.input == nullptr || a.output == nullptr) return Status::kNullPointer;
  if (!dims_valid(a.input_dims) || !dims_valid(a.output_dims)) return Status::kBadShape;
  if (a.input_dims.n != a.output_dims.n || a.input_dims.c != a.output_dims.c) {
    return Status::kBadShape;
  }
  if (a.filter_h < 1 || a.filter_h > 256 || a.filter_w < 1 || a.filter_w > 256) {
    return Status::kBadParameter;
  }
  if (a.stride_h < 1 || a.stride_h > 64 || a.stride_w < 1 || a.stride_w > 64) {
    return Status::kBadParameter;
  }
  if (a.pad_top < 0 || a.pad_top > 64 || a.pad_top >= a.filter_h) return Status::kBadParameter;
  if (a.pad_left < 0 || a.pad_left > 64 || a.pad_left >= a.filter_w) return Status::kBadParameter;
  // The activation range is in output quantization units, as in every other op.
  if (a.act_min < -128 || a.act_max > 127 || a.act_min > a.act_max) {
    return Status::kBadQuantization;
  }
  // Every window must overlap the input: with pad < filter the first one does; the last one
  // starts at (out - 1) * stride - pad. An empty window would make the average a division by
  // zero (TFLM fails such a layer at run time), so an output too large for the input is
  // rejected here. Fits int32: (2^15 - 1) * 64.
  if ((a.output_dims.h - 1) * a.stride_h - a.pad_top >= a.input_dims.h ||
      (a.output_dims.w - 1) * a.stride_w - a.pad_left >= a.input_dims.w) {
    return Status::kBadShape;
  }
  return Status::kOk;
}

}  // namespace tt::kernels
