// CONCATENATION, int8, along one axis of 4-D tensors. All inputs share the output's
// quantization (the model compiler inserts a requantize where TFLite models differ).
//
// Ranges (checked): num_inputs in [1, kMaxConcatInputs]; axis in [0, 3]; every input's
// dims equal the output's except on `axis`, where they sum to the output's.
#pragma once

#include <cstdint>

#include "kernels/core/dims.h"
#include "kernels/core/status.h"

namespace tt::kernels {

inline constexpr int32_t kMaxConcatInputs = 16;

struct ConcatenationArgs {
  int32_t num_inputs = 0;
  const Dims4* input_dims = nullptr;      // [num_inputs]
  const int8_t* const* inputs = nullptr;  // [num_inputs]
  int32_t axis = 3;
  Dims4 output_dims;
  int8_t* output = nullptr;
};

Status concatenation_validate(const ConcatenationArgs& args);
Status concatenation_ref(const ConcatenationArgs& args);
// One memcpy per contiguous slab instead of element-wise copies.
Status concatenation_dsp(const ConcatenationArgs& args);

}  // namespace tt::kernels
