// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/quant/dequantize.h"

namespace tt::kernels {
Status dequantize_dsp(const DequantizeArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
