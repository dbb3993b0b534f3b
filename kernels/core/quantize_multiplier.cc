#include "kernels/core/quantize_multiplier.h"

#include <cmath>

#include "kernels/core/requantize.h"

namespace tt::kernels {

QuantizedMultiplier quantize_multiplier(double real_multiplier) {
  QuantizedMultiplier r;
  if (!(real_multiplier > 0.0) || !std::isfinite(real_multiplier)) return r;
  int exponent = 0;
  const double q = std::frexp(real_multiplier, &exponent);  // q in [0.5, 1)
  int64_t q_fixed = static_cast<int64_t>(std::round(q * static_cast<double>(int64_t{1} << 31)));
  if (q_fixed == (int64_t{1} << 31)) {
    q_fixed /= 2;
    ++exponent;
  }
  if (exponent < kMinShift) return r;  // underflows to a zero multiplier
  if (exponent > kMaxShift) {
    exponent = kMaxShift;
    q_fixed = INT32_MAX;
  }
  r.multiplier = static_cast<int32_t>(q_fixed);
  r.shift = exponent;
  return r;
}

QuantizedMultiplier quantize_multiplier_greater_than_one(double real_multiplier) {
  QuantizedMultiplier r = quantize_multiplier(real_multiplier);
  if (r.shift < 0) r = QuantizedMultiplier{};  // not > 1: the caller validated its inputs
  return r;
}

int32_t calculate_input_radius(int32_t integer_bits, int32_t left_shift, int32_t total_bits) {
  const double max_input_rescaled = 1.0 * ((1 << integer_bits) - 1) *
                                    std::ldexp(1.0, total_bits - integer_bits) /
                                    std::ldexp(1.0, left_shift);
  return static_cast<int32_t>(std::floor(max_input_rescaled));
}

}  // namespace tt::kernels
