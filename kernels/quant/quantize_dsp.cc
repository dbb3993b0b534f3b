// QUANTIZE, DSP variants: bit-exact with quantize_ref and requantize_ref.
//  - float32 -> int8: the same float division (a reciprocal multiply would round
//    differently) and rounding, one range test per element, SSAT for the clamp, and four
//    results packed into one word store.
//  - int8 -> int8: SXTAB16 subtracts the input zero point from four bytes in 16-bit lanes
//    (|x - zp| <= 255 fits), fused_requant (proven equal to multiply_by_quantized_multiplier)
//    rescales, and the four results go out in one word store.
#include <cmath>

#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"
#include "kernels/elementwise/elementwise_dsp.h"
#include "kernels/quant/quantize.h"

namespace tt::kernels {
namespace {

using elementwise_dsp::dup16;
using elementwise_dsp::lane_hi;
using elementwise_dsp::lane_lo;
using elementwise_dsp::pack4;

// One range test on the hot path: NaN fails both comparisons and falls to the rare cases.
// std::round is a single VRINTA on the M7 (FPv5).
inline int8_t quantize_one(float x, float scale, int32_t zero_point) {
  const float q = x / scale;  // float division, as TFLite's reference
  if (q > -256.0f && q < 256.0f) {
    return static_cast<int8_t>(simd::ssat<8>(static_cast<int32_t>(std::round(q)) + zero_point));
  }
  if (q >= 256.0f) return 127;  // saturates whatever the zero point, as do -256 and below
  if (q <= -256.0f) return -128;
  return static_cast<int8_t>(zero_point);  // NaN
}

}  // namespace

Status quantize_dsp(const QuantizeArgs& a) {
  const Status status = quantize_validate(a);
  if (status != Status::kOk) return status;
  const float scale = a.scale;
  const int32_t zp = a.zero_point;
  const float* in = a.input;
  int32_t i = 0;
  for (; i + 4 <= a.size; i += 4) {
    simd::write_s32(a.output + i,
                    pack4(quantize_one(in[i], scale, zp), quantize_one(in[i + 1], scale, zp),
                          quantize_one(in[i + 2], scale, zp), quantize_one(in[i + 3], scale, zp)));
  }
  for (; i < a.size; ++i) a.output[i] = quantize_one(in[i], scale, zp);
  return Status::kOk;
}

Status requantize_dsp(const RequantizeArgs& a) {
  const Status status = requantize_validate(a);
  if (status != Status::kOk) return status;
  const FusedRequant q = make_fused_requant(a.multiplier, a.shift);
  const int32_t ozp = a.output_zero_point, lo = a.act_min, hi = a.act_max;
  auto one = [&](int32_t v) { return add_offset_clamp_s8(fused_requant(v, q), ozp, lo, hi); };
  const int32_t minus_zp = dup16(-a.input_zero_point);
  int32_t i = 0;
  for (; i + 4 <= a.size; i += 4) {
    const int32_t word = simd::read_s32(a.input + i);
    const int32_t v02 = simd::sxtab16(minus_zp, word), v13 = simd::sxtab16_ror8(minus_zp, word);
    simd::write_s32(a.output + i, pack4(one(lane_lo(v02)), one(lane_lo(v13)), one(lane_hi(v02)),
                                        one(lane_hi(v13))));
  }
  for (; i < a.size; ++i) a.output[i] = one(a.input[i] - a.input_zero_point);
  return Status::kOk;
}

}  // namespace tt::kernels
