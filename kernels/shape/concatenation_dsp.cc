// CONCATENATION, int8, DSP variant: bit-exact with concatenation_ref. In NHWC memory order
// the output is `outer` repetitions (the product of the dimensions before the axis) of each
// input's contiguous slab (the product of its dimensions from the axis on), so the copy is
// one memcpy per (repetition, input).
#include <cstring>

#include "kernels/shape/concatenation.h"

namespace tt::kernels {
namespace {

int32_t product(const Dims4& d, int from, int to) {
  int32_t p = 1;
  for (int k = from; k < to; ++k) p *= d.at(k);
  return p;
}

}  // namespace

Status concatenation_dsp(const ConcatenationArgs& a) {
  const Status status = concatenation_validate(a);
  if (status != Status::kOk) return status;
  const int32_t outer = product(a.output_dims, 0, a.axis);
  int32_t slab[kMaxConcatInputs];
  for (int32_t i = 0; i < a.num_inputs; ++i) slab[i] = product(a.input_dims[i], a.axis, 4);
  int8_t* dst = a.output;
  for (int32_t o = 0; o < outer; ++o) {
    for (int32_t i = 0; i < a.num_inputs; ++i) {
      std::memcpy(dst, a.inputs[i] + o * slab[i], slab[i]);
      dst += slab[i];
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
