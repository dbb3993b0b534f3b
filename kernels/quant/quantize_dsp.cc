// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/quant/quantize.h"

namespace tt::kernels {
Status quantize_dsp(const QuantizeArgs&) { return Status::kUnsupported; }
Status requantize_dsp(const RequantizeArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
