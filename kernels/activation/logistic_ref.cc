// LOGISTIC, int8, reference variant (the oracle for logistic_dsp) and the argument checks
// shared by both variants. TFLM's integer logistic, element by element (see logistic.h).
#include "kernels/activation/logistic.h"
#include "kernels/activation/logistic_math.h"
#include "kernels/core/requantize.h"

namespace tt::kernels {

Status logistic_validate(const LogisticArgs& a) {
  if (a.input == nullptr || a.output == nullptr) return Status::kNullPointer;
  if (a.size < 0 || a.size > (1 << 30)) return Status::kBadShape;
  if (a.input_zero_point < -128 || a.input_zero_point > 127 || a.input_range_radius < 0 ||
      !multiplier_valid(a.input_multiplier, a.input_left_shift)) {
    return Status::kBadQuantization;
  }
  return Status::kOk;
}

Status logistic_ref(const LogisticArgs& a) {
  const Status status = logistic_validate(a);
  if (status != Status::kOk) return status;
  for (int32_t i = 0; i < a.size; ++i) a.output[i] = logistic_math::logistic_of(a, a.input[i]);
  return Status::kOk;
}

}  // namespace tt::kernels
