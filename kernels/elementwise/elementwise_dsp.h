// Helpers shared by add_dsp and mul_dsp: 16-bit lane access and byte packing for the
// same-shape SIMD path, and the broadcast walk used when an input shape differs from the
// output's.
#pragma once

#include <cstdint>

#include "kernels/core/dims.h"
#include "kernels/elementwise/broadcast.h"

namespace tt::kernels::elementwise_dsp {

constexpr int32_t lane_lo(int32_t v) { return static_cast<int16_t>(static_cast<uint32_t>(v)); }
constexpr int32_t lane_hi(int32_t v) {
  return static_cast<int16_t>(static_cast<uint32_t>(v) >> 16);
}
// [v, v] in the two 16-bit lanes: the SXTAB16 accumulator that adds an offset to two bytes.
constexpr int32_t dup16(int32_t v) {
  return static_cast<int32_t>((static_cast<uint32_t>(v) & 0xFFFFu) * 0x00010001u);
}
constexpr int32_t pack4(int8_t b0, int8_t b1, int8_t b2, int8_t b3) {
  return static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint8_t>(b0)) |
                              static_cast<uint32_t>(static_cast<uint8_t>(b1)) << 8 |
                              static_cast<uint32_t>(static_cast<uint8_t>(b2)) << 16 |
                              static_cast<uint32_t>(static_cast<uint8_t>(b3)) << 24);
}

// Writes op(x1, x2) for every output element in memory order, reading each input through
// its broadcast strides (0 on broadcast dimensions). Shapes are validated by the caller.
template <typename Op>
void broadcast_apply(const Dims4& dims1, const int8_t* in1, const Dims4& dims2, const int8_t* in2,
                     const Dims4& out, int8_t* dst, const Op& op) {
  const BroadcastStrides s1 = broadcast_strides(dims1);
  const BroadcastStrides s2 = broadcast_strides(dims2);
  for (int32_t n = 0; n < out.n; ++n) {
    for (int32_t h = 0; h < out.h; ++h) {
      for (int32_t w = 0; w < out.w; ++w) {
        const int8_t* p1 = in1 + n * s1.n + h * s1.h + w * s1.w;
        const int8_t* p2 = in2 + n * s2.n + h * s2.h + w * s2.w;
        for (int32_t c = 0; c < out.c; ++c, p1 += s1.c, p2 += s2.c) *dst++ = op(*p1, *p2);
      }
    }
  }
}

}  // namespace tt::kernels::elementwise_dsp
