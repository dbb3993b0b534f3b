// Folding TFLite's float quantization parameters into the integer parameters the kernels
// take, exactly as TFLite/TFLM's Prepare steps compute them (the same float32 scales,
// widened to double at the same points), so our results are bit-exact with theirs.
#pragma once

#include <cstdint>

#include "kernels/core/quantize_multiplier.h"
#include "tools/compiler/tflite_model.h"

namespace tt::compiler {

using kernels::QuantizedMultiplier;

// Fused activation clamp in output units (TFLite CalculateActivationRangeQuantized).
struct ActRange {
  int32_t min = -128, max = 127;
};
ActRange activation_range(Activation act, float scale, int32_t zero_point);

// Conv/depthwise, and FC with per-channel weights: double(input) * double(filter[c]) /
// double(output).
QuantizedMultiplier conv_multiplier(float input_scale, float filter_scale, float output_scale);

// FC with per-tensor weights (GetQuantizedConvolutionMultipler): the product of the two
// scales is taken in float32 before widening.
QuantizedMultiplier fc_per_tensor_multiplier(float input_scale, float filter_scale,
                                             float output_scale);

// In/out scale ratio as double(in) / double(out): QUANTIZE int8->int8 and MEAN.
QuantizedMultiplier ratio_multiplier(float input_scale, float output_scale);

// RELU/RELU6 standalone: TFLM divides in float32 first (input_scale / output_scale).
QuantizedMultiplier relu_multiplier(float input_scale, float output_scale);

struct AddQuant {
  int32_t left_shift = 20;
  QuantizedMultiplier input1, input2, output;
};
AddQuant add_quant(float scale1, float scale2, float output_scale);

QuantizedMultiplier mul_multiplier(float scale1, float scale2, float output_scale);

struct SoftmaxQuant {
  int32_t multiplier = 0, left_shift = 0, diff_min = 0;
};
SoftmaxQuant softmax_quant(float input_scale, float beta);

struct LogisticQuant {
  int32_t multiplier = 0, left_shift = 0, range_radius = 0;
};
LogisticQuant logistic_quant(float input_scale);

}  // namespace tt::compiler
