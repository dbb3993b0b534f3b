// AVERAGE_POOL_2D, int8, DSP variant: bit-exact with avg_pool2d_ref. Four channels per step
// in 16-bit SIMD lanes (reduce/sum4.h), flushed into 32-bit sums before a window row would
// take them past 256 positions, so any window is exact; small windows flush once.
#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"
#include "kernels/pool/avg_pool2d.h"
#include "kernels/pool/pool_window.h"
#include "kernels/reduce/sum4.h"

namespace tt::kernels {
namespace {

// The reference rounding: half away from zero (count >= 1).
inline int32_t average(int32_t sum, int32_t count, int32_t lo, int32_t hi) {
  const int32_t avg = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
  return clamp(avg, lo, hi);
}

}  // namespace

Status avg_pool2d_dsp(const Pool2dArgs& a) {
  const Status status = pool2d_validate(a);
  if (status != Status::kOk) return status;
  const Dims4& in = a.input_dims;
  const Dims4& out = a.output_dims;
  const int32_t channels = in.c;
  const int32_t row_stride = in.w * channels;
  int8_t* dst = a.output;
  for (int32_t n = 0; n < out.n; ++n) {
    const int8_t* image = a.input + offset(in, n, 0, 0, 0);
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox, dst += channels) {
        const PoolWindow win = pool_window(a, oy, ox);
        const int8_t* corner = image + win.y_begin * row_stride + win.x_begin * channels;
        const int32_t rows = win.y_end - win.y_begin, cols = win.x_end - win.x_begin;
        const int32_t count = rows * cols;
        int32_t c = 0;
        for (; c + 4 <= channels; c += 4) {
          Sum4 sums;
          int32_t in_lanes = 0;  // positions added since the last flush
          for (int32_t y = 0; y < rows; ++y) {
            if (in_lanes + cols > Sum4::kMaxLaneAdds) {
              sums.flush();
              in_lanes = 0;
            }
            const int8_t* p = corner + y * row_stride + c;
            for (int32_t x = 0; x < cols; ++x, p += channels) sums.add(simd::read_s32(p));
            in_lanes += cols;
          }
          sums.flush();
          for (int i = 0; i < 4; ++i) {
            dst[c + i] = static_cast<int8_t>(average(sums.total(i), count, a.act_min, a.act_max));
          }
        }
        for (; c < channels; ++c) {  // the last channels % 4
          int32_t sum = 0;
          for (int32_t y = 0; y < rows; ++y) {
            const int8_t* p = corner + y * row_stride + c;
            for (int32_t x = 0; x < cols; ++x, p += channels) sum += *p;
          }
          dst[c] = static_cast<int8_t>(average(sum, count, a.act_min, a.act_max));
        }
      }
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
