// The comments name the TFLite/TFLM Prepare step each function reproduces; where TFLite
// mixes float32 and double arithmetic we do the same, since the last bit of a multiplier
// decides rounding ties.
#include "tools/compiler/lower_quant.h"

#include <algorithm>
#include <cmath>

namespace tt::compiler {

ActRange activation_range(Activation act, float scale, int32_t zero_point) {
  // TFLite quantizes the float bounds with float division and round-half-away.
  auto q = [&](float f) { return zero_point + static_cast<int32_t>(std::round(f / scale)); };
  ActRange r;
  switch (act) {
    case Activation::kNone:
      break;
    case Activation::kRelu:
      r.min = std::max(r.min, q(0.0f));
      break;
    case Activation::kRelu6:
      r.min = std::max(r.min, q(0.0f));
      r.max = std::min(r.max, q(6.0f));
      break;
    case Activation::kReluN1To1:
      r.min = std::max(r.min, q(-1.0f));
      r.max = std::min(r.max, q(1.0f));
      break;
  }
  return r;
}

QuantizedMultiplier conv_multiplier(float input_scale, float filter_scale, float output_scale) {
  // PopulateConvolutionQuantizationParams.
  return kernels::quantize_multiplier(static_cast<double>(input_scale) *
                                      static_cast<double>(filter_scale) /
                                      static_cast<double>(output_scale));
}

QuantizedMultiplier fc_per_tensor_multiplier(float input_scale, float filter_scale,
                                             float output_scale) {
  const float product = input_scale * filter_scale;
  return kernels::quantize_multiplier(static_cast<double>(product) /
                                      static_cast<double>(output_scale));
}

QuantizedMultiplier ratio_multiplier(float input_scale, float output_scale) {
  return kernels::quantize_multiplier(static_cast<double>(input_scale) /
                                      static_cast<double>(output_scale));
}

QuantizedMultiplier relu_multiplier(float input_scale, float output_scale) {
  const float real = input_scale / output_scale;  // CalculateReluOpData: a float division
  return kernels::quantize_multiplier(static_cast<double>(real));
}

AddQuant add_quant(float scale1, float scale2, float output_scale) {
  // TFLM add_common: both inputs rescaled to twice the larger scale, 20 bits of headroom.
  AddQuant q;
  const double twice_max = 2 * static_cast<double>(std::max(scale1, scale2));
  q.input1 = kernels::quantize_multiplier(static_cast<double>(scale1) / twice_max);
  q.input2 = kernels::quantize_multiplier(static_cast<double>(scale2) / twice_max);
  q.output = kernels::quantize_multiplier(
      twice_max / ((1 << q.left_shift) * static_cast<double>(output_scale)));
  return q;
}

QuantizedMultiplier mul_multiplier(float scale1, float scale2, float output_scale) {
  return kernels::quantize_multiplier(static_cast<double>(scale1) * static_cast<double>(scale2) /
                                      static_cast<double>(output_scale));
}

SoftmaxQuant softmax_quant(float input_scale, float beta) {
  // PreprocessSoftmaxScaling(beta, scale, kScaledDiffIntegerBits = 5), capped at 2^31 - 1.
  constexpr int kScaledDiffIntegerBits = 5;
  const double real = std::min(static_cast<double>(beta) * static_cast<double>(input_scale) *
                                   static_cast<double>(1 << (31 - kScaledDiffIntegerBits)),
                               static_cast<double>((int64_t{1} << 31) - 1));
  const QuantizedMultiplier m = kernels::quantize_multiplier_greater_than_one(real);
  SoftmaxQuant q;
  q.multiplier = m.multiplier;
  q.left_shift = m.shift;
  q.diff_min = -kernels::calculate_input_radius(kScaledDiffIntegerBits, m.shift, 31);
  return q;
}

LogisticQuant logistic_quant(float input_scale) {
  // TFLM logistic_common: the input rescaled into Q4.27.
  constexpr int kInputIntegerBits = 4;
  const QuantizedMultiplier m = kernels::quantize_multiplier(
      static_cast<double>(input_scale) * static_cast<double>(1 << (31 - kInputIntegerBits)));
  LogisticQuant q;
  q.multiplier = m.multiplier;
  q.left_shift = m.shift;
  q.range_radius = kernels::calculate_input_radius(kInputIntegerBits, m.shift, 31);
  return q;
}

}  // namespace tt::compiler
