// MUL, int8, reference variant: the oracle for mul_dsp. TFLM's integer MUL, element by
// element over the broadcast output (see mul.h for the formula).
#include "kernels/core/requantize.h"
#include "kernels/elementwise/broadcast.h"
#include "kernels/elementwise/mul.h"

namespace tt::kernels {

Status mul_ref(const MulArgs& a) {
  const Status status = mul_validate(a);
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
          // |product| <= 255 * 255: no overflow.
          const int32_t product = (x1 + a.input1_offset) * (x2 + a.input2_offset);
          const int32_t raw =
              multiply_by_quantized_multiplier(product, a.output_multiplier, a.output_shift);
          a.output[offset(out, n, h, w, c)] =
              add_offset_clamp_s8(raw, a.output_offset, a.act_min, a.act_max);
        }
      }
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
