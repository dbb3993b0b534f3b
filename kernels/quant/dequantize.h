// DEQUANTIZE (TFLite int8 spec): int8 -> float32, y = (float)(double(scale) * (x - zero_point)),
// the product in double precision as TFLite's reference does.
//
// Ranges (checked): size in [0, 2^30]; scale finite and > 0; zero_point in [-128, 127].
#pragma once

#include <cstdint>

#include "kernels/core/status.h"

namespace tt::kernels {

struct DequantizeArgs {
  int32_t size = 0;
  float scale = 1.0f;
  int32_t zero_point = 0;
  const int8_t* input = nullptr;
  float* output = nullptr;
};

Status dequantize_validate(const DequantizeArgs& args);
Status dequantize_ref(const DequantizeArgs& args);
// Since int8 has only 256 values, builds the 256-entry table once per call when the tensor
// is larger than the table; the table holds the exact same products.
Status dequantize_dsp(const DequantizeArgs& args);

}  // namespace tt::kernels
