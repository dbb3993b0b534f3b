// The per-element arithmetic of the int8 SOFTMAX (TFLM's integer algorithm), shared by
// softmax_ref and the tables of softmax_dsp so that both compute exactly the same values.
#pragma once

#include <cstdint>

#include "kernels/activation/softmax.h"
#include "kernels/core/fixed_point.h"
#include "kernels/core/requantize.h"

namespace tt::kernels::softmax_math {

inline constexpr int32_t kScaledDiffIntegerBits = 5;     // exp() input: Q5
inline constexpr int32_t kAccumulationIntegerBits = 12;  // sum of exps: Q12

// exp(diff * beta * input_scale) in Q0 for a difference diff <= 0 from the row maximum.
// TFLite's MultiplyByQuantizedMultiplierGreaterThanOne is MBQM with shift = left_shift >= 0;
// MBQM saturates the left shift where TFLite would overflow.
inline int32_t exp_of_diff(const SoftmaxArgs& a, int32_t diff) {
  const int32_t scaled =
      multiply_by_quantized_multiplier(diff, a.input_multiplier, a.input_left_shift);
  return fixed::exp_on_negative_values(scaled, kScaledDiffIntegerBits);
}

// One exp (Q0) as a term of the Q12 sum.
inline int32_t accumulation_term(int32_t exp_q0) {
  return fixed::rescale(exp_q0, 0, kAccumulationIntegerBits);
}

// sum + term, saturated. TFLite's sum wraps (undefined behaviour) past 4096 full terms; a
// saturated sum keeps the reciprocal defined for rows of up to 2^16 entries.
inline int32_t accumulate(int32_t sum, int32_t term) {
  const int64_t s = int64_t{sum} + term;
  return s > INT32_MAX ? INT32_MAX : static_cast<int32_t>(s);
}

// The int8 output for one entry: RDBPOT(scale * exp, num_bits_over_unit + 31 - 8) - 128,
// clamped. The exponent reaches 34 for rows whose sum exceeds 512 full terms; there the
// product (< 2^31) over 2^exponent is below 1/2 and rounds to 0 (TFLite shifts by >= 32,
// undefined).
inline int8_t output_of(int32_t shifted_scale, int32_t num_bits_over_unit, int32_t exp_q0) {
  const int32_t product = fixed::mul(shifted_scale, exp_q0);
  const int32_t exponent = num_bits_over_unit + 31 - 8;
  const int32_t unsat = exponent > 31 ? 0 : rounding_divide_by_pot(product, exponent);
  return static_cast<int8_t>(clamp(unsat - 128, -128, 127));
}

}  // namespace tt::kernels::softmax_math
