// Requantization: int32 accumulator -> scaled int32, following the TFLite int8 spec with
// "double rounding" (the default of TFLM's reference kernels and CMSIS-NN):
//
//   y = SaturatingRoundingDoublingHighMul(x << left_shift, multiplier)
//   r = RoundingDivideByPOT(y, right_shift)
//
// Documented ranges (kernels validate them): multiplier in [2^30, 2^31) or 0 (a zero scale,
// what QuantizeMultiplier produces), shift in [-31, 30] (left_shift = max(shift, 0),
// right_shift = max(-shift, 0)). The arithmetic below does not use the normalisation: it is
// exact, and the fused form equal to the reference, for every multiplier in [0, 2^31)
// (multiplier_in_domain). MEAN relies on that: folding 1/count into its multiplier leaves
// it below 2^30.
//
// The one point where TFLite leaves behaviour undefined -- x << left_shift overflowing int32 --
// is defined here as saturation, so the result is well defined for every int32 x.
#pragma once

#include <cstdint>

#include "kernels/core/simd.h"

namespace tt::kernels {

inline constexpr int32_t kMinShift = -31;
inline constexpr int32_t kMaxShift = 30;
inline constexpr int32_t kMinMultiplier = int32_t{1} << 30;

// A (multiplier, shift) pair as QuantizeMultiplier makes it: normalised, or zero.
constexpr bool multiplier_valid(int32_t multiplier, int32_t shift) {
  return (multiplier == 0 || multiplier >= kMinMultiplier) && shift >= kMinShift &&
         shift <= kMaxShift;
}

// The domain of multiply_by_quantized_multiplier and fused_requant: any non-negative
// multiplier, not necessarily normalised (a derived multiplier such as MEAN's).
constexpr bool multiplier_in_domain(int32_t multiplier, int32_t shift) {
  return multiplier >= 0 && shift >= kMinShift && shift <= kMaxShift;
}

// round(a * b / 2^31) with ties toward +infinity, saturating the single overflow case.
constexpr int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  const int64_t ab = int64_t{a} * b;
  const int64_t nudge = ab >= 0 ? (int64_t{1} << 30) : (1 - (int64_t{1} << 30));
  return static_cast<int32_t>((ab + nudge) / (int64_t{1} << 31));
}

// x / 2^exponent rounded to nearest, ties away from zero. exponent in [0, 31].
constexpr int32_t rounding_divide_by_pot(int32_t x, int32_t exponent) {
  const int32_t mask = static_cast<int32_t>((int64_t{1} << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

// x * 2^left_shift, saturated to int32. left_shift in [0, 31].
constexpr int32_t saturating_left_shift(int32_t x, int32_t left_shift) {
  if (left_shift == 0) return x;
  const int32_t limit = static_cast<int32_t>(INT32_MAX >> left_shift);  // largest safe |x|
  if (x > limit) return INT32_MAX;
  if (x < -limit - 1) return INT32_MIN;
  return static_cast<int32_t>(static_cast<uint32_t>(x) << left_shift);
}

// The reference requantization (the oracle every optimized path is checked against).
constexpr int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int32_t shift) {
  const int32_t left_shift = shift > 0 ? shift : 0;
  const int32_t right_shift = shift > 0 ? 0 : -shift;
  return rounding_divide_by_pot(
      saturating_rounding_doubling_high_mul(saturating_left_shift(x, left_shift), multiplier),
      right_shift);
}

// The same result in one 64-bit multiply-accumulate and one 32-bit shift (SMLAL + ASR on
// the M7; no 64-bit shift by a variable amount, which would be a library call).
//
// With y = floor((x*m + 2^30) / 2^31) (exactly the first rounding for m >= 0) the second
// rounding is floor((y + 2^(e-1) - [y<0]) / 2^e), and nested floors merge:
//   r = floor((x*m + 2^30 + 2^(30+e) - [y<0]*2^31) / 2^(31+e)).
// [y<0] may be replaced by [x<0]: they differ only when y == 0, far from a rounding tie.
// For e >= 1 the divisor is at least 2^32, so r is the high word shifted by e - 1.
// Valid for every multiplier in [0, 2^31), normalised or not (multiplier_in_domain): the
// first step needs m >= 0 only (no saturation case, and x*m < 0 implies x < 0), and
// |x*m| < 2^62 keeps the 64-bit sum clear of overflow even for e = 31. x is after the
// saturating left shift.
struct FusedRequant {
  int32_t multiplier;
  int32_t left_shift;
  int32_t right_shift;  // e
  int64_t round;        // 2^30 + 2^(30+e) when e > 0
};

constexpr FusedRequant make_fused_requant(int32_t multiplier, int32_t shift) {
  const int32_t left_shift = shift > 0 ? shift : 0;
  const int32_t right_shift = shift > 0 ? 0 : -shift;
  // 2^30 + 2^(30+e) from 32-bit halves: e == 1 stays in the low word, e >= 2 puts 2^(e-2)
  // in the high word.
  const uint32_t lo = right_shift == 1 ? 0xC0000000u : 0x40000000u;
  const uint32_t hi = right_shift >= 2 ? (uint32_t{1} << (right_shift - 2)) : 0u;
  const int64_t round = static_cast<int64_t>((uint64_t{hi} << 32) | lo);
  return FusedRequant{multiplier, left_shift, right_shift, round};
}

// Requires q.left_shift == 0 (the common case; fused_requant handles left shifts).
inline int32_t fused_requant_no_left_shift(int32_t x, const FusedRequant& q) {
  if (q.right_shift == 0) {  // only the first rounding: floor((x*m + 2^30) / 2^31)
    const int64_t acc = simd::smlal(int64_t{1} << 30, x, q.multiplier);
    return static_cast<int32_t>((static_cast<uint32_t>(acc >> 32) << 1) |
                                (static_cast<uint32_t>(acc) >> 31));
  }
  // (x >> 31) * 2^31 is -2^31 for negative x and 0 otherwise (a constant shift).
  const int64_t acc = simd::smlal(q.round + int64_t{x >> 31} * (int64_t{1} << 31), x, q.multiplier);
  return static_cast<int32_t>(acc >> 32) >> (q.right_shift - 1);
}

inline int32_t fused_requant(int32_t x, const FusedRequant& q) {
  if (q.left_shift > 0) x = saturating_left_shift(x, q.left_shift);
  return fused_requant_no_left_shift(x, q);
}

constexpr int32_t clamp(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

// clamp(v + offset, lo, hi) for a requantized v (any int32) and an int8 zero point, with the
// sum taken exactly (the spec's int32 addition can overflow when v is saturated).
constexpr int32_t add_offset_clamp(int32_t v, int32_t offset, int32_t lo, int32_t hi) {
  const int64_t sum = int64_t{v} + offset;
  return sum < lo ? lo : (sum > hi ? hi : static_cast<int32_t>(sum));
}

// The SIMD kernels' output stage: fused requantization, output offset, activation clamp.
// Saturating to 16 bits first keeps the offset addition from overflowing and cannot change
// the result: anything beyond int16 clamps to the same int8 bound either way.
inline int8_t requantize_to_s8(int32_t acc, const FusedRequant& q, int32_t output_offset,
                               int32_t act_min, int32_t act_max) {
  const int32_t v = simd::ssat<16>(fused_requant(acc, q));
  return static_cast<int8_t>(clamp(v + output_offset, act_min, act_max));
}

inline int8_t add_offset_clamp_s8(int32_t v, int32_t offset, int32_t lo, int32_t hi) {
  return static_cast<int8_t>(add_offset_clamp(v, offset, lo, hi));
}

}  // namespace tt::kernels
