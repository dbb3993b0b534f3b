// MAX_POOL_2D, int8. See pool2d_args.h for layouts and ranges.
#pragma once

#include "kernels/pool/pool2d_args.h"

namespace tt::kernels {

Status max_pool2d_ref(const Pool2dArgs& args);
// Four channels per step with byte-wise SSUB8/SEL maxima.
Status max_pool2d_dsp(const Pool2dArgs& args);

}  // namespace tt::kernels
