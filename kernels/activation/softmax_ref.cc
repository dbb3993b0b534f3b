// SOFTMAX, int8, reference variant (the oracle for softmax_dsp) and the argument checks
// shared by both variants. TFLM's integer softmax, row by row (see softmax.h).
#include "kernels/activation/softmax.h"
#include "kernels/activation/softmax_math.h"

namespace tt::kernels {

using softmax_math::accumulate;
using softmax_math::accumulation_term;
using softmax_math::exp_of_diff;
using softmax_math::kAccumulationIntegerBits;
using softmax_math::output_of;

Status softmax_validate(const SoftmaxArgs& a) {
  if (a.input == nullptr || a.output == nullptr) return Status::kNullPointer;
  if (a.rows < 1 || a.rows > (1 << 24) || a.depth < 1 || a.depth > (1 << 16)) {
    return Status::kBadShape;
  }
  if (a.input_multiplier < kMinMultiplier || a.input_left_shift < 0 || a.input_left_shift > 30 ||
      a.diff_min > 0) {
    return Status::kBadQuantization;
  }
  return Status::kOk;
}

Status softmax_ref(const SoftmaxArgs& a) {
  const Status status = softmax_validate(a);
  if (status != Status::kOk) return status;
  const int8_t* in = a.input;
  int8_t* out = a.output;
  for (int32_t row = 0; row < a.rows; ++row, in += a.depth, out += a.depth) {
    int32_t max = -128;
    for (int32_t i = 0; i < a.depth; ++i) max = in[i] > max ? in[i] : max;

    int32_t sum = 0;  // Q12; the maximum itself adds exp(0), so sum >= 2^19 > 0
    for (int32_t i = 0; i < a.depth; ++i) {
      const int32_t diff = in[i] - max;
      if (diff >= a.diff_min) sum = accumulate(sum, accumulation_term(exp_of_diff(a, diff)));
    }
    int32_t num_bits_over_unit = 0;
    const int32_t shifted_scale =
        fixed::reciprocal(sum, kAccumulationIntegerBits, &num_bits_over_unit);

    for (int32_t i = 0; i < a.depth; ++i) {
      const int32_t diff = in[i] - max;
      out[i] = diff >= a.diff_min
                   ? output_of(shifted_scale, num_bits_over_unit, exp_of_diff(a, diff))
                   : int8_t{-128};
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
