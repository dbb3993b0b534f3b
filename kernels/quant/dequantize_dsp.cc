// DEQUANTIZE, DSP variant: bit-exact with dequantize_ref. An int8 input has only 256 values,
// so a tensor larger than that maps through a 256-entry table holding the very same products
// (double multiply, one rounding to float); smaller tensors compute each element.
#include "kernels/quant/dequantize.h"

namespace tt::kernels {

Status dequantize_dsp(const DequantizeArgs& a) {
  const Status status = dequantize_validate(a);
  if (status != Status::kOk) return status;
  const double scale = a.scale;
  if (a.size <= 256) {
    for (int32_t i = 0; i < a.size; ++i) {
      a.output[i] = static_cast<float>(scale * (a.input[i] - a.zero_point));
    }
    return Status::kOk;
  }
  float table[256];  // indexed by input + 128
  for (int32_t x = -128; x <= 127; ++x) {
    table[x + 128] = static_cast<float>(scale * (x - a.zero_point));
  }
  for (int32_t i = 0; i < a.size; ++i) a.output[i] = table[a.input[i] + 128];
  return Status::kOk;
}

}  // namespace tt::kernels
