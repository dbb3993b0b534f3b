// ADD, int8, reference variant: the oracle for add_dsp. TFLM's integer ADD, element by
// element over the broadcast output (see add.h for the formula).
#include "kernels/core/requantize.h"
#include "kernels/elementwise/add.h"
#include "kernels/elementwise/broadcast.h"

namespace tt::kernels {
namespace {

int8_t add_one(const AddArgs& a, int32_t x1, int32_t x2) {
  // |x + offset| <= 255 and left_shift <= 22: the shifted values fit int32.
  const int32_t shifted1 = (x1 + a.input1_offset) * (int32_t{1} << a.left_shift);
  const int32_t shifted2 = (x2 + a.input2_offset) * (int32_t{1} << a.left_shift);
  const int32_t scaled1 =
      multiply_by_quantized_multiplier(shifted1, a.input1_multiplier, a.input1_shift);
  const int32_t scaled2 =
      multiply_by_quantized_multiplier(shifted2, a.input2_multiplier, a.input2_shift);
  // Only extreme input shifts can overflow the sum (undefined in TFLite); it saturates here.
  const int64_t wide_sum = int64_t{scaled1} + scaled2;
  const int32_t sum = static_cast<int32_t>(
      wide_sum > INT32_MAX ? INT32_MAX : (wide_sum < INT32_MIN ? INT32_MIN : wide_sum));
  const int32_t raw = multiply_by_quantized_multiplier(sum, a.output_multiplier, a.output_shift);
  return add_offset_clamp_s8(raw, a.output_offset, a.act_min, a.act_max);
}

}  // namespace

Status add_ref(const AddArgs& a) {
  const Status status = add_validate(a);
  if (status != Status::kOk) return status;
  const Dims4& out = a.output_dims;
  const BroadcastStrides s1 = broadcast_strides(a.input1_dims);
  const BroadcastStrides s2 = broadcast_strides(a.input2_dims);
  for (int32_t n = 0; n < out.n; ++n) {
    for (int32_t h = 0; h < out.h; ++h) {
      for (int32_t w = 0; w < out.w; ++w) {
        for (int32_t c = 0; c < out.c; ++c) {
          const int32_t x1 = a.input1[n * s1.n + h * s1.h + w * s1.w + c * s1.c];
          const int32_t x2 = a.input2[n * s2.n + h * s2.h + w * s2.w + c * s2.c];
          a.output[offset(out, n, h, w, c)] = add_one(a, x1, x2);
        }
      }
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
