// The per-element arithmetic of the int8 LOGISTIC (TFLM's integer algorithm), shared by
// logistic_ref and the table of logistic_dsp so that both compute exactly the same values.
#pragma once

#include <cstdint>

#include "kernels/activation/logistic.h"
#include "kernels/core/fixed_point.h"
#include "kernels/core/requantize.h"

namespace tt::kernels::logistic_math {

inline constexpr int32_t kInputIntegerBits = 4;  // the rescaled input is Q4

inline int8_t logistic_of(const LogisticArgs& a, int32_t x) {
  const int32_t d = x - a.input_zero_point;
  // Beyond the radius the rescaled input would not fit Q4: the output saturates.
  if (d <= -a.input_range_radius) return -128;
  if (d >= a.input_range_radius) return 127;
  const int32_t input_q4 =
      multiply_by_quantized_multiplier(d, a.input_multiplier, a.input_left_shift);
  const int32_t output_q0 = fixed::logistic(input_q4, kInputIntegerBits);
  // Q0 -> 1/256 steps (scale 1/256), then zero point -128.
  return static_cast<int8_t>(clamp(rounding_divide_by_pot(output_q0, 31 - 8) - 128, -128, 127));
}

}  // namespace tt::kernels::logistic_math
