// Internal to kernels/frontend: the exact integer box filter behind resize_area() and
// mnist_prepare() (see image_resize.h for the definition), and the pixel decoding both use.
// A template over the pixel fetch, so each source format gets its own tight loop.
#pragma once

#include <cstdint>

#include "kernels/frontend/image_resize.h"

namespace tt::kernels::frontend::detail {

// One axis: S source and D output pixels, reduced by their gcd so the units stay small.
// Output pixel d covers units [d*S', (d+1)*S'); source pixel s covers [s*D', (s+1)*D').
class AreaAxis {
 public:
  AreaAxis(int32_t src, int32_t dst) {
    int32_t a = src, b = dst;
    while (b != 0) {
      const int32_t t = a % b;
      a = b;
      b = t;
    }
    out_units_ = src / a;
    src_units_ = dst / a;
  }
  int32_t total() const { return out_units_; }  // the weights of one output pixel sum to this
  int32_t lo(int32_t d) const { return d * out_units_; }
  int32_t first(int32_t d) const { return lo(d) / src_units_; }
  int32_t last(int32_t d) const { return (lo(d) + out_units_ - 1) / src_units_; }
  uint32_t weight(int32_t d, int32_t s) const {
    const int32_t a = s * src_units_, b = a + src_units_;
    const int32_t from = a > lo(d) ? a : lo(d);
    const int32_t to = b < lo(d) + out_units_ ? b : lo(d) + out_units_;
    return static_cast<uint32_t>(to - from);
  }

 private:
  int32_t out_units_ = 1;  // S'
  int32_t src_units_ = 1;  // D'
};

// OpenCV's RGB to grey weights (sum 2^14), applied before any rounding.
inline uint32_t luma14(uint32_t r, uint32_t g, uint32_t b) {
  return 4899 * r + 9617 * g + 1868 * b;
}

// The R, G, B bytes of the pixel at p (grey repeats its value).
template <PixelFormat kFormat>
inline void decode_rgb(const uint8_t* p, uint32_t* rgb) {
  if constexpr (kFormat == PixelFormat::kGray8) {
    rgb[0] = rgb[1] = rgb[2] = p[0];
  } else if constexpr (kFormat == PixelFormat::kRgb888) {
    rgb[0] = p[0];
    rgb[1] = p[1];
    rgb[2] = p[2];
  } else {
    const uint32_t w =
        kFormat == PixelFormat::kRgb565 ? (p[0] | (p[1] << 8)) : ((p[0] << 8) | p[1]);
    const uint32_t r = w >> 11, g = (w >> 5) & 63, b = w & 31;
    rgb[0] = (r << 3) | (r >> 2);
    rgb[1] = (g << 2) | (g >> 4);
    rgb[2] = (b << 3) | (b >> 2);
  }
}

// The box filter. fetch(x, y, v) writes kChannels values of source pixel (x, y), each in
// units of 1/value_unit of an output level; out gets kChannels bytes per pixel, rows packed.
template <int kChannels, typename Fetch>
void area_resample(const Fetch& fetch, int32_t src_w, int32_t src_h, int32_t out_w, int32_t out_h,
                   uint32_t value_unit, uint8_t* out) {
  const AreaAxis ax(src_w, out_w), ay(src_h, out_h);
  const uint64_t den =
      static_cast<uint64_t>(ax.total()) * static_cast<uint64_t>(ay.total()) * value_unit;
  for (int32_t dy = 0; dy < out_h; ++dy) {
    const int32_t y0 = ay.first(dy), y1 = ay.last(dy);
    for (int32_t dx = 0; dx < out_w; ++dx) {
      const int32_t x0 = ax.first(dx), x1 = ax.last(dx);
      uint64_t acc[kChannels] = {};
      for (int32_t y = y0; y <= y1; ++y) {
        uint64_t row[kChannels] = {};
        for (int32_t x = x0; x <= x1; ++x) {
          uint32_t v[kChannels];
          fetch(x, y, v);
          const uint32_t wx = ax.weight(dx, x);
          for (int c = 0; c < kChannels; ++c) row[c] += static_cast<uint64_t>(wx) * v[c];
        }
        const uint32_t wy = ay.weight(dy, y);
        for (int c = 0; c < kChannels; ++c) acc[c] += row[c] * wy;
      }
      for (int c = 0; c < kChannels; ++c) *out++ = static_cast<uint8_t>((acc[c] + den / 2) / den);
    }
  }
}

}  // namespace tt::kernels::frontend::detail
