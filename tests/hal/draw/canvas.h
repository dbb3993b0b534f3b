// A test surface fenced by guard pixels: guard rows before and after the framebuffer and
// padding at the end of every row (stride > width). untouched_outside() proves a drawing call
// wrote nothing outside the surface, however its arguments were chosen.
#pragma once

#include <cstdint>
#include <vector>

#include "tt/hal/surface.h"

namespace tt::tests::hal {

class Canvas {
 public:
  static constexpr uint16_t kGuard = 0xDEAD;
  static constexpr int kGuardPixels = 256;
  static constexpr int kPadding = 7;

  Canvas(int width, int height, uint16_t background = 0)
      : width_(width),
        height_(height),
        stride_(width + kPadding),
        buf_(2 * kGuardPixels + stride_ * height, kGuard) {
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) at(x, y) = background;
    }
  }

  tt::hal::Surface surface() {
    return tt::hal::Surface{buf_.data() + kGuardPixels, width_, height_, stride_};
  }
  uint16_t& at(int x, int y) { return buf_[kGuardPixels + y * stride_ + x]; }

  bool untouched_outside() const {
    for (size_t i = 0; i < buf_.size(); ++i) {
      const long p = static_cast<long>(i) - kGuardPixels;
      const bool inside =
          p >= 0 && p < static_cast<long>(stride_) * height_ && p % stride_ < width_;
      if (!inside && buf_[i] != kGuard) return false;
    }
    return true;
  }

  // The bounding box of pixels that differ from `background` (empty if none).
  tt::hal::Rect changed(uint16_t background) {
    int x0 = width_, y0 = height_, x1 = -1, y1 = -1;
    for (int y = 0; y < height_; ++y) {
      for (int x = 0; x < width_; ++x) {
        if (at(x, y) == background) continue;
        x0 = x < x0 ? x : x0;
        y0 = y < y0 ? y : y0;
        x1 = x > x1 ? x : x1;
        y1 = y > y1 ? y : y1;
      }
    }
    return x1 < 0 ? tt::hal::Rect{} : tt::hal::Rect{x0, y0, x1 - x0 + 1, y1 - y0 + 1};
  }

  int count(uint16_t colour) {
    int n = 0;
    for (int y = 0; y < height_; ++y) {
      for (int x = 0; x < width_; ++x) n += at(x, y) == colour;
    }
    return n;
  }

 private:
  int width_, height_, stride_;
  std::vector<uint16_t> buf_;
};

}  // namespace tt::tests::hal
