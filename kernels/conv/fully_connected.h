// FULLY_CONNECTED, int8 (TFLite int8 spec): symmetric int8 weights (zero point 0), int32 bias,
// per-tensor (quant_count == 1) or per-channel (quant_count == units) requantization.
//
// Layouts: input [batches, depth] (row-major), filter [units, depth], bias [units],
// output [batches, units].
//
// Parameter ranges (checked): batches, depth, units in [1, 2^20] with batches*depth and
// units*depth <= 2^30; offsets, activation range and multipliers as conv2d.h;
// quant_count is 1 or units. bias may be null.
#pragma once

#include <cstdint>

#include "kernels/conv/conv2d.h"

namespace tt::kernels {

struct FullyConnectedArgs {
  int32_t batches = 1, depth = 1, units = 1;
  ConvQuant quant;  // out_multiplier/out_shift hold quant_count entries
  int32_t quant_count = 1;
  const int8_t* input = nullptr;
  const int8_t* filter = nullptr;
  const int32_t* bias = nullptr;
  int8_t* output = nullptr;
  void* scratch = nullptr;
  int32_t scratch_bytes = 0;
};

Status fully_connected_ref(const FullyConnectedArgs& args);
int32_t fully_connected_ref_scratch_size(const FullyConnectedArgs& args);
Status fully_connected_dsp(const FullyConnectedArgs& args);
int32_t fully_connected_dsp_scratch_size(const FullyConnectedArgs& args);
Status fully_connected_validate(const FullyConnectedArgs& args);

}  // namespace tt::kernels
