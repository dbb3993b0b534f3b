// MEAN, int8, reference variant (the oracle for mean_dsp) and the argument checks shared by
// both variants. TFLM's integer mean (see mean.h), one output element at a time.
#include "kernels/core/requantize.h"
#include "kernels/reduce/mean.h"

namespace tt::kernels {

Status mean_validate(const MeanArgs& a) {
  if (a.input == nullptr || a.output == nullptr) return Status::kNullPointer;
  if (!dims_valid(a.input_dims) || !dims_valid(a.output_dims)) return Status::kBadShape;
  if (a.axes_mask < 1 || a.axes_mask > 15) return Status::kBadParameter;
  int64_t reduced = 1;
  for (int i = 0; i < 4; ++i) {
    const bool axis_reduced = (a.axes_mask >> i) & 1u;
    if (a.output_dims.at(i) != (axis_reduced ? 1 : a.input_dims.at(i))) return Status::kBadShape;
    if (axis_reduced) reduced *= a.input_dims.at(i);
  }
  // 2^23 * 255 still fits the int32 sum.
  if (reduced > (int64_t{1} << 23)) return Status::kBadShape;
  if (a.input_zero_point < -128 || a.input_zero_point > 127 || a.output_zero_point < -128 ||
      a.output_zero_point > 127 || !multiplier_valid(a.multiplier, a.shift)) {
    return Status::kBadQuantization;
  }
  return Status::kOk;
}

Status mean_ref(const MeanArgs& a) {
  const Status status = mean_validate(a);
  if (status != Status::kOk) return status;
  const Dims4& in = a.input_dims;
  const Dims4& out = a.output_dims;
  int32_t count = 1;  // elements reduced into each output
  for (int i = 0; i < 4; ++i) {
    if ((a.axes_mask >> i) & 1u) count *= in.at(i);
  }
  for (int32_t on = 0; on < out.n; ++on) {
    for (int32_t oh = 0; oh < out.h; ++oh) {
      for (int32_t ow = 0; ow < out.w; ++ow) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          // On a reduced axis the output has size 1 and the sum covers the whole input axis.
          const int32_t o[4] = {on, oh, ow, oc};
          int32_t lo[4], hi[4];
          for (int i = 0; i < 4; ++i) {
            const bool axis_reduced = (a.axes_mask >> i) & 1u;
            lo[i] = axis_reduced ? 0 : o[i];
            hi[i] = axis_reduced ? in.at(i) : o[i] + 1;
          }
          int32_t sum = 0;
          for (int32_t n = lo[0]; n < hi[0]; ++n) {
            for (int32_t h = lo[1]; h < hi[1]; ++h) {
              for (int32_t w = lo[2]; w < hi[2]; ++w) {
                for (int32_t c = lo[3]; c < hi[3]; ++c) {
                  sum += a.input[offset(in, n, h, w, c)] - a.input_zero_point;
                }
              }
            }
          }
          const int32_t scaled = multiply_by_quantized_multiplier(sum, a.multiplier, a.shift);
          // 64 bits: a saturated `scaled` plus count / 2 would overflow int32.
          const int64_t s = scaled;
          const int64_t avg = s > 0 ? (s + count / 2) / count : (s - count / 2) / count;
          a.output[offset(out, on, oh, ow, oc)] =
              add_offset_clamp_s8(static_cast<int32_t>(avg), a.output_zero_point, -128, 127);
        }
      }
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
