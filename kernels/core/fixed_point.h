// Q-format fixed-point helpers for the integer SOFTMAX and LOGISTIC kernels.
//
// These reproduce, bit for bit, the fixed-point algorithms the TFLite int8 spec relies on
// (gemmlowp's exp on negative values, 1/(1+x) by Newton-Raphson, logistic). A raw int32 in
// "Qk" has k integer bits and 31-k fractional bits. Products of Qa and Qb are Q(a+b) computed
// with saturating_rounding_doubling_high_mul. Additions wrap, as in the reference; the
// documented input ranges keep them from overflowing.
#pragma once

#include <cstdint>

#include "kernels/core/requantize.h"

namespace tt::kernels::fixed {

inline constexpr int32_t kQ0One = INT32_MAX;  // 1.0 saturates in Q0

constexpr int32_t mul(int32_t a, int32_t b) { return saturating_rounding_doubling_high_mul(a, b); }
constexpr int32_t add(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}
constexpr int32_t sub(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) - static_cast<uint32_t>(b));
}

// x * 2^exponent, rounding when exponent < 0, saturating when exponent > 0.
constexpr int32_t saturating_rounding_mul_by_pot(int32_t x, int32_t exponent) {
  if (exponent == 0) return x;
  if (exponent < 0) return rounding_divide_by_pot(x, -exponent);
  const int32_t threshold = static_cast<int32_t>((int64_t{1} << (31 - exponent)) - 1);
  if (x > threshold) return INT32_MAX;
  if (x < -threshold) return INT32_MIN;
  return static_cast<int32_t>(static_cast<uint32_t>(x) << exponent);
}

// Changes the number of integer bits of a raw value from `from` to `to`.
constexpr int32_t rescale(int32_t x, int32_t from, int32_t to) {
  return saturating_rounding_mul_by_pot(x, from - to);
}

constexpr int32_t rounding_half_sum(int32_t a, int32_t b) {
  const int64_t sum = int64_t{a} + b;
  const int64_t sign = sum >= 0 ? 1 : -1;
  return static_cast<int32_t>((sum + sign) / 2);
}

// exp(x) for x in [-1/4, 0) in Q0 (input and output), by a 4th-order Taylor series around -1/8.
constexpr int32_t exp_on_interval_neg_quarter_to_0(int32_t a) {
  constexpr int32_t kExpMinusOneEighth = 1895147668;  // exp(-1/8) in Q0
  constexpr int32_t kOneThird = 715827883;            // 1/3 in Q0
  const int32_t x = add(a, int32_t{1} << 28);         // a + 1/8
  const int32_t x2 = mul(x, x);
  const int32_t x3 = mul(x2, x);
  const int32_t x4 = mul(x2, x2);
  const int32_t x4_over_4 = rounding_divide_by_pot(x4, 2);
  const int32_t poly = rounding_divide_by_pot(add(mul(add(x4_over_4, x3), kOneThird), x2), 1);
  return add(kExpMinusOneEighth, mul(kExpMinusOneEighth, add(x, poly)));
}

// exp(a) for a <= 0 given in Q(integer_bits); result in Q0. integer_bits in [1, 30].
constexpr int32_t exp_on_negative_values(int32_t a, int32_t integer_bits) {
  const int32_t fractional_bits = 31 - integer_bits;
  const int32_t one_quarter = int32_t{1} << (fractional_bits - 2);
  const int32_t mask = one_quarter - 1;
  const int32_t a_mod_quarter_minus_one_quarter = sub(a & mask, one_quarter);
  int32_t result =
      exp_on_interval_neg_quarter_to_0(rescale(a_mod_quarter_minus_one_quarter, integer_bits, 0));
  const int32_t remainder = sub(a_mod_quarter_minus_one_quarter, a);
  // exp(-2^k) in Q0 for k = -2..4, applied for each set bit of the remainder.
  constexpr int32_t kBarrel[7] = {1672461947, 1302514674, 790015084, 290630308,
                                  39332535,   720401,     242};
  for (int32_t k = -2; k <= 4; ++k) {
    if (integer_bits > k) {
      const int32_t bit = fractional_bits + k;
      if ((remainder >> bit) & 1) result = mul(result, kBarrel[k + 2]);
    }
  }
  if (integer_bits > 5) {
    const int32_t clamp_value = -(int32_t{1} << (36 - integer_bits));  // -32.0
    if (a < clamp_value) result = 0;
  }
  if (a == 0) result = kQ0One;
  return result;
}

// 1 / (1 + x) for x in [0, 1) in Q0; result in Q0. Three Newton-Raphson steps in Q2.
constexpr int32_t one_over_one_plus_x_for_x_in_0_1(int32_t a) {
  const int32_t half_denominator = rounding_half_sum(a, kQ0One);  // Q0
  constexpr int32_t k48Over17 = 1515870810;                       // Q2
  constexpr int32_t kNeg32Over17 = -1010580540;                   // Q2
  constexpr int32_t kQ2One = int32_t{1} << 29;
  int32_t x = add(k48Over17, mul(half_denominator, kNeg32Over17));  // Q2
  for (int i = 0; i < 3; ++i) {
    const int32_t half_denominator_times_x = mul(half_denominator, x);  // Q2
    const int32_t one_minus = sub(kQ2One, half_denominator_times_x);    // Q2
    x = add(x, rescale(mul(x, one_minus), 4, 2));                       // Q4 -> Q2
  }
  // x ~ 2/(1+a) in Q2; the same raw read as Q1 is 1/(1+a) (an exact multiply by 1/2),
  // then rescaled to Q0.
  return rescale(x, 1, 0);
}

// 1 / (1 + e^-a) for a in Q(integer_bits); result in Q0.
constexpr int32_t logistic(int32_t a, int32_t integer_bits) {
  if (a == 0) return int32_t{1} << 30;  // one half
  const int32_t abs_a = a > 0 ? a : sub(0, a);
  const int32_t result_if_positive =
      one_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(sub(0, abs_a), integer_bits));
  return a > 0 ? result_if_positive : sub(kQ0One, result_if_positive);
}

// Reciprocal of a positive Q(integer_bits) value as a Q0 scale and a power-of-two exponent:
// 1/x = scale * 2^-(num_bits_over_unit) with scale in [0.5, 1).
inline int32_t reciprocal(int32_t x, int32_t integer_bits, int32_t* num_bits_over_unit) {
  // x > 0 (a sum of exponentials), so the leading-zero count is in [1, 31].
  const int32_t headroom_plus_one = __builtin_clz(static_cast<uint32_t>(x));
  *num_bits_over_unit = integer_bits - headroom_plus_one;
  const int32_t shifted_sum_minus_one =
      static_cast<int32_t>((static_cast<uint32_t>(x) << headroom_plus_one) - (uint32_t{1} << 31));
  return one_over_one_plus_x_for_x_in_0_1(shifted_sum_minus_one);
}

}  // namespace tt::kernels::fixed
