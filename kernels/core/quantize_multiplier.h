// Conversion of a real-valued scale into the (multiplier, shift) pair the kernels take,
// exactly as the TFLite int8 spec does it (frexp, round half away from zero, Q31).
// Used offline by the model compiler and by tests; kernels themselves never see floats here.
#pragma once

#include <cstdint>

namespace tt::kernels {

struct QuantizedMultiplier {
  int32_t multiplier = 0;  // in [2^30, 2^31) or 0
  int32_t shift = 0;       // in [-31, 30]; positive = left shift
};

// real_multiplier >= 0. Values too small for the shift range become 0 (the kernel then
// outputs the zero point); values too large are clamped to the largest representable one.
QuantizedMultiplier quantize_multiplier(double real_multiplier);

// For SOFTMAX and LOGISTIC: the multiplier/left-shift of real_multiplier >= 1 scaled into
// Q31 with `integer_bits` integer bits (TFLite's PreprocessSoftmaxScaling idiom).
QuantizedMultiplier quantize_multiplier_greater_than_one(double real_multiplier);

// The largest |input - zero_point| whose rescaled value fits in Q(integer_bits) (TFLite's
// CalculateInputRadius); inputs beyond it saturate.
int32_t calculate_input_radius(int32_t integer_bits, int32_t left_shift, int32_t total_bits);

}  // namespace tt::kernels
