// QUANTIZE, reference variants (the oracles for quantize_dsp and requantize_dsp) and the
// argument checks shared by both variants of each form: float32 -> int8 and int8 -> int8.
#include <cmath>

#include "kernels/core/requantize.h"
#include "kernels/quant/quantize.h"

namespace tt::kernels {
namespace {

bool zero_point_valid(int32_t zp) { return zp >= -128 && zp <= 127; }

int8_t quantize_one(float x, float scale, int32_t zero_point) {
  const float q = x / scale;  // float division, as TFLite's reference
  if (std::isnan(q)) return static_cast<int8_t>(zero_point);
  // Beyond +-256 the result saturates whatever the zero point; clamping first also keeps
  // infinities and huge values out of the integer conversion.
  if (q >= 256.0f) return 127;
  if (q <= -256.0f) return -128;
  const int32_t rounded = static_cast<int32_t>(std::round(q));  // half away from zero
  return static_cast<int8_t>(clamp(rounded + zero_point, -128, 127));
}

}  // namespace

Status quantize_validate(const QuantizeArgs& a) {
  if (a.input == nullptr || a.output == nullptr) return Status::kNullPointer;
  if (a.size < 0 || a.size > (1 << 30)) return Status::kBadShape;
  if (!(a.scale > 0.0f) || !std::isfinite(a.scale) || !zero_point_valid(a.zero_point)) {
    return Status::kBadQuantization;
  }
  return Status::kOk;
}

Status quantize_ref(const QuantizeArgs& a) {
  const Status status = quantize_validate(a);
  if (status != Status::kOk) return status;
  const float scale = a.scale;
  for (int32_t i = 0; i < a.size; ++i) a.output[i] = quantize_one(a.input[i], scale, a.zero_point);
  return Status::kOk;
}

Status requantize_validate(const RequantizeArgs& a) {
  if (a.input == nullptr || a.output == nullptr) return Status::kNullPointer;
  if (a.size < 0 || a.size > (1 << 30)) return Status::kBadShape;
  if (!zero_point_valid(a.input_zero_point) || !zero_point_valid(a.output_zero_point) ||
      !multiplier_valid(a.multiplier, a.shift)) {
    return Status::kBadQuantization;
  }
  if (a.act_min > a.act_max || a.act_min < -128 || a.act_max > 127) return Status::kBadParameter;
  return Status::kOk;
}

Status requantize_ref(const RequantizeArgs& a) {
  const Status status = requantize_validate(a);
  if (status != Status::kOk) return status;
  for (int32_t i = 0; i < a.size; ++i) {
    const int32_t scaled =
        multiply_by_quantized_multiplier(a.input[i] - a.input_zero_point, a.multiplier, a.shift);
    a.output[i] = add_offset_clamp_s8(scaled, a.output_zero_point, a.act_min, a.act_max);
  }
  return Status::kOk;
}

}  // namespace tt::kernels
