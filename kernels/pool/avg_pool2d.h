// AVERAGE_POOL_2D, int8. See pool2d_args.h for layouts and ranges. The sum over the window
// positions inside the input is divided by their count, rounding half away from zero
// (TFLM's integer average pool), then clamped to the activation range.
#pragma once

#include "kernels/pool/pool2d_args.h"

namespace tt::kernels {

Status avg_pool2d_ref(const Pool2dArgs& args);
// Four channels per step, summed in 16-bit SIMD lanes while the window is small enough
// (<= 256 positions) that the lanes cannot overflow; larger windows use 32-bit sums.
Status avg_pool2d_dsp(const Pool2dArgs& args);

}  // namespace tt::kernels
