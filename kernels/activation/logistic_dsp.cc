// LOGISTIC, int8, DSP variant: bit-exact with logistic_ref. An int8 input has 256 possible
// values, so a tensor larger than that maps through a 256-entry table computed once per call
// with the very same arithmetic (logistic_math.h); smaller tensors compute each element.
#include "kernels/activation/logistic.h"
#include "kernels/activation/logistic_math.h"

namespace tt::kernels {

Status logistic_dsp(const LogisticArgs& a) {
  const Status status = logistic_validate(a);
  if (status != Status::kOk) return status;
  if (a.size <= 256) {
    for (int32_t i = 0; i < a.size; ++i) a.output[i] = logistic_math::logistic_of(a, a.input[i]);
    return Status::kOk;
  }
  int8_t table[256];  // indexed by input + 128
  for (int32_t x = -128; x <= 127; ++x) table[x + 128] = logistic_math::logistic_of(a, x);
  for (int32_t i = 0; i < a.size; ++i) a.output[i] = table[a.input[i] + 128];
  return Status::kOk;
}

}  // namespace tt::kernels
