// The window of one pooling output clipped to the input, for the *_dsp pool kernels: clipping
// once per output pixel keeps the bounds tests out of the inner loops.
#pragma once

#include <cstdint>

#include "kernels/pool/pool2d_args.h"

namespace tt::kernels {

// Input rows [y_begin, y_end) and columns [x_begin, x_end); never empty once
// pool2d_validate has accepted the arguments.
struct PoolWindow {
  int32_t y_begin, y_end, x_begin, x_end;
  int32_t count() const { return (y_end - y_begin) * (x_end - x_begin); }
};

inline PoolWindow pool_window(const Pool2dArgs& a, int32_t oy, int32_t ox) {
  const int32_t y0 = oy * a.stride_h - a.pad_top;
  const int32_t x0 = ox * a.stride_w - a.pad_left;
  const int32_t y1 = y0 + a.filter_h, x1 = x0 + a.filter_w;
  return PoolWindow{y0 < 0 ? 0 : y0, y1 > a.input_dims.h ? a.input_dims.h : y1, x0 < 0 ? 0 : x0,
                    x1 > a.input_dims.w ? a.input_dims.w : x1};
}

}  // namespace tt::kernels
