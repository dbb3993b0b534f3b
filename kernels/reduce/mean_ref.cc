// MEAN, int8, reference variant (the oracle for mean_dsp) and the argument checks shared by
// both variants. TFLite's QuantizedMeanOrSum (see mean.h), one output element at a time:
// sum(x - zp_in), then one requantization with 1/count folded into the multiplier.
#include "kernels/core/requantize.h"
#include "kernels/reduce/mean.h"

namespace tt::kernels {
namespace {

constexpr bool folds_to(int32_t m, int32_t shift, int32_t count, int32_t m2, int32_t shift2) {
  const MeanRequant q = mean_fold_count(m, shift, count);
  return q.multiplier == m2 && q.shift == shift2;
}
// Worked examples of mean.h's fold (values from tools/golden/int8_reference.py).
static_assert(folds_to(1 << 30, 1, 4, 1 << 30, -1), "power-of-two count: exact");
static_assert(folds_to(1 << 30, 0, 49, 701219150, -5), "2^35 / 49, truncated, below 2^30");
static_assert(folds_to(INT32_MAX, -25, 1000, 137438953, -31), "s clamped to 31 + shift = 6");
static_assert(folds_to(INT32_MAX, -31, 1000, 2147483, -31), "s clamped to 0");
static_assert(folds_to(INT32_MAX, 30, 1, INT32_MAX, 30), "count 1: unchanged");

}  // namespace

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
  // sum(x - zp) over 2^23 elements is within +-255 * 2^23: it fits the int32 sum.
  if (reduced > (int64_t{1} << 23)) return Status::kBadShape;
  if (a.input_zero_point < -128 || a.input_zero_point > 127 || a.output_zero_point < -128 ||
      a.output_zero_point > 127 || !multiplier_valid(a.multiplier, a.shift)) {
    return Status::kBadQuantization;
  }
  // multiplier_valid gives shift >= -31, so the fold's shift s = min(log2(count), 31 + shift)
  // is >= 0 and the folded pair is in MBQM's domain; checked rather than assumed.
  const MeanRequant q = mean_fold_count(a.multiplier, a.shift, static_cast<int32_t>(reduced));
  if (!multiplier_in_domain(q.multiplier, q.shift)) return Status::kBadQuantization;
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
  const MeanRequant q = mean_fold_count(a.multiplier, a.shift, count);
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
          const int32_t mean = multiply_by_quantized_multiplier(sum, q.multiplier, q.shift);
          a.output[offset(out, on, oh, ow, oc)] =
              add_offset_clamp_s8(mean, a.output_zero_point, -128, 127);
        }
      }
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
