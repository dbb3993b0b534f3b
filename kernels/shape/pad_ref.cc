// PAD, int8, reference variant (the oracle for pad_dsp) and the argument checks shared by
// both variants: every output element is either the input element it covers or pad_value.
#include "kernels/shape/pad.h"

namespace tt::kernels {

Status pad_validate(const PadArgs& a) {
  if (a.input == nullptr || a.output == nullptr) return Status::kNullPointer;
  if (!dims_valid(a.input_dims) || !dims_valid(a.output_dims)) return Status::kBadShape;
  for (int i = 0; i < 4; ++i) {
    if (a.pad_before[i] < 0) return Status::kBadParameter;
  }
  for (int i = 0; i < 4; ++i) {
    // 64-bit sum: pad_before is unbounded above. A negative pad_after is a shape mismatch.
    if (int64_t{a.output_dims.at(i)} < int64_t{a.input_dims.at(i)} + a.pad_before[i]) {
      return Status::kBadShape;
    }
  }
  return Status::kOk;
}

Status pad_ref(const PadArgs& a) {
  const Status status = pad_validate(a);
  if (status != Status::kOk) return status;
  const Dims4& in = a.input_dims;
  const Dims4& out = a.output_dims;
  const int32_t* before = a.pad_before;
  for (int32_t n = 0; n < out.n; ++n) {
    for (int32_t h = 0; h < out.h; ++h) {
      for (int32_t w = 0; w < out.w; ++w) {
        for (int32_t c = 0; c < out.c; ++c) {
          const int32_t in_n = n - before[0], in_h = h - before[1];
          const int32_t in_w = w - before[2], in_c = c - before[3];
          const bool inside = in_n >= 0 && in_n < in.n && in_h >= 0 && in_h < in.h && in_w >= 0 &&
                              in_w < in.w && in_c >= 0 && in_c < in.c;
          a.output[offset(out, n, h, w, c)] =
              inside ? a.input[offset(in, in_n, in_h, in_w, in_c)] : a.pad_value;
        }
      }
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
