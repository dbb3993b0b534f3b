// MAX_POOL_2D, int8, reference variant: the oracle for max_pool2d_dsp. Follows TFLM's
// reference int8 max pool: the maximum over the window positions inside the input, then
// clamped to the activation range.
#include "kernels/core/requantize.h"
#include "kernels/pool/max_pool2d.h"

namespace tt::kernels {

Status max_pool2d_ref(const Pool2dArgs& a) {
  const Status status = pool2d_validate(a);
  if (status != Status::kOk) return status;
  const Dims4& in = a.input_dims;
  const Dims4& out = a.output_dims;
  for (int32_t n = 0; n < out.n; ++n) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        const int32_t y0 = oy * a.stride_h - a.pad_top;
        const int32_t x0 = ox * a.stride_w - a.pad_left;
        for (int32_t c = 0; c < out.c; ++c) {
          int32_t max = -128;
          for (int32_t fy = 0; fy < a.filter_h; ++fy) {
            for (int32_t fx = 0; fx < a.filter_w; ++fx) {
              const int32_t y = y0 + fy, x = x0 + fx;
              if (y < 0 || y >= in.h || x < 0 || x >= in.w) continue;
              const int32_t v = a.input[offset(in, n, y, x, c)];
              if (v > max) max = v;
            }
          }
          a.output[offset(out, n, oy, ox, c)] =
              static_cast<int8_t>(clamp(max, a.act_min, a.act_max));
        }
      }
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
