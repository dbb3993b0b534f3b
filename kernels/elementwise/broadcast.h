// 4-D broadcasting for the binary elementwise ops: each input dimension equals the output's
// or is 1 (NumPy/TFLite rules after extending both shapes to rank 4).
#pragma once

#include <cstdint>

#include "kernels/core/dims.h"

namespace tt::kernels {

// Element strides of `in` when iterated in the output's index space (0 on broadcast dims).
struct BroadcastStrides {
  int32_t n, h, w, c;
};

constexpr bool broadcast_compatible(const Dims4& in, const Dims4& out) {
  for (int i = 0; i < 4; ++i) {
    if (in.at(i) != out.at(i) && in.at(i) != 1) return false;
  }
  return true;
}

constexpr BroadcastStrides broadcast_strides(const Dims4& in) {
  const int32_t sc = 1, sw = in.c, sh = in.w * in.c, sn = in.h * in.w * in.c;
  return BroadcastStrides{in.n == 1 ? 0 : sn, in.h == 1 ? 0 : sh, in.w == 1 ? 0 : sw,
                          in.c == 1 ? 0 : sc};
}

}  // namespace tt::kernels
