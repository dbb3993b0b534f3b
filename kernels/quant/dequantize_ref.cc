// DEQUANTIZE, reference variant (the oracle for dequantize_dsp) and the argument checks
// shared by both variants: y = (float)(double(scale) * (x - zero_point)).
#include <cmath>

#include "kernels/quant/dequantize.h"

namespace tt::kernels {

Status dequantize_validate(const DequantizeArgs& a) {
  if (a.input == nullptr || a.output == nullptr) return Status::kNullPointer;
  if (a.size < 0 || a.size > (1 << 30)) return Status::kBadShape;
  if (!(a.scale > 0.0f) || !std::isfinite(a.scale) || a.zero_point < -128 || a.zero_point > 127) {
    return Status::kBadQuantization;
  }
  return Status::kOk;
}

Status dequantize_ref(const DequantizeArgs& a) {
  const Status status = dequantize_validate(a);
  if (status != Status::kOk) return status;
  const double scale = a.scale;
  for (int32_t i = 0; i < a.size; ++i) {
    a.output[i] = static_cast<float>(scale * (a.input[i] - a.zero_point));
  }
  return Status::kOk;
}

}  // namespace tt::kernels
