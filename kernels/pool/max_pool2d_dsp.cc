// MAX_POOL_2D, int8, DSP variant: bit-exact with max_pool2d_ref. Four channels share one
// 32-bit word, so one SSUB8/SEL pair (simd::smax8) takes four maxima per window position.
#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"
#include "kernels/pool/max_pool2d.h"
#include "kernels/pool/pool_window.h"

namespace tt::kernels {
namespace {

constexpr int32_t splat(int32_t v) {
  return static_cast<int32_t>((static_cast<uint32_t>(v) & 0xFFu) * 0x01010101u);
}

}  // namespace

Status max_pool2d_dsp(const Pool2dArgs& a) {
  const Status status = pool2d_validate(a);
  if (status != Status::kOk) return status;
  const Dims4& in = a.input_dims;
  const Dims4& out = a.output_dims;
  const int32_t channels = in.c;
  const int32_t row_stride = in.w * channels;
  const int32_t lo4 = splat(a.act_min);
  // ~x maps int8 onto itself in reverse order (~x == -1 - x), so min(x, y) is ~max(~x, ~y):
  // the activation upper bound needs no separate SIMD minimum.
  const int32_t not_hi4 = ~splat(a.act_max);
  int8_t* dst = a.output;
  for (int32_t n = 0; n < out.n; ++n) {
    const int8_t* image = a.input + offset(in, n, 0, 0, 0);
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox, dst += channels) {
        const PoolWindow win = pool_window(a, oy, ox);
        const int8_t* corner = image + win.y_begin * row_stride + win.x_begin * channels;
        const int32_t rows = win.y_end - win.y_begin, cols = win.x_end - win.x_begin;
        int32_t c = 0;
        for (; c + 4 <= channels; c += 4) {
          int32_t max4 = splat(-128);
          for (int32_t y = 0; y < rows; ++y) {
            const int8_t* p = corner + y * row_stride + c;
            for (int32_t x = 0; x < cols; ++x, p += channels) {
              max4 = simd::smax8(max4, simd::read_s32(p));
            }
          }
          max4 = ~simd::smax8(~simd::smax8(max4, lo4), not_hi4);
          simd::write_s32(dst + c, max4);
        }
        for (; c < channels; ++c) {  // the last channels % 4
          int32_t max = -128;
          for (int32_t y = 0; y < rows; ++y) {
            const int8_t* p = corner + y * row_stride + c;
            for (int32_t x = 0; x < cols; ++x, p += channels) max = *p > max ? *p : max;
          }
          dst[c] = static_cast<int8_t>(clamp(max, a.act_min, a.act_max));
        }
      }
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
