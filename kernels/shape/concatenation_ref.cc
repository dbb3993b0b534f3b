// CONCATENATION, int8, reference variant (the oracle for concatenation_dsp) and the argument
// checks shared by both variants: each input element is copied to its own coordinates in
// the output, shifted along the axis by the sizes of the inputs before it.
#include "kernels/shape/concatenation.h"

namespace tt::kernels {

Status concatenation_validate(const ConcatenationArgs& a) {
  if (a.output == nullptr || a.input_dims == nullptr || a.inputs == nullptr) {
    return Status::kNullPointer;
  }
  if (a.num_inputs < 1 || a.num_inputs > kMaxConcatInputs) return Status::kBadParameter;
  if (a.axis < 0 || a.axis > 3) return Status::kBadParameter;
  for (int32_t i = 0; i < a.num_inputs; ++i) {
    if (a.inputs[i] == nullptr) return Status::kNullPointer;
  }
  if (!dims_valid(a.output_dims)) return Status::kBadShape;
  int32_t axis_sum = 0;  // at most 16 * kMaxDim
  for (int32_t i = 0; i < a.num_inputs; ++i) {
    const Dims4& d = a.input_dims[i];
    if (!dims_valid(d)) return Status::kBadShape;
    for (int k = 0; k < 4; ++k) {
      if (k != a.axis && d.at(k) != a.output_dims.at(k)) return Status::kBadShape;
    }
    axis_sum += d.at(a.axis);
  }
  if (axis_sum != a.output_dims.at(a.axis)) return Status::kBadShape;
  return Status::kOk;
}

Status concatenation_ref(const ConcatenationArgs& a) {
  const Status status = concatenation_validate(a);
  if (status != Status::kOk) return status;
  int32_t axis_base = 0;
  for (int32_t i = 0; i < a.num_inputs; ++i) {
    const Dims4& d = a.input_dims[i];
    for (int32_t n = 0; n < d.n; ++n) {
      for (int32_t h = 0; h < d.h; ++h) {
        for (int32_t w = 0; w < d.w; ++w) {
          for (int32_t c = 0; c < d.c; ++c) {
            int32_t at[4] = {n, h, w, c};
            at[a.axis] += axis_base;
            a.output[offset(a.output_dims, at[0], at[1], at[2], at[3])] =
                a.inputs[i][offset(d, n, h, w, c)];
          }
        }
      }
    }
    axis_base += d.at(a.axis);
  }
  return Status::kOk;
}

}  // namespace tt::kernels
