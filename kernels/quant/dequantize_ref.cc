// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/quant/dequantize.h"

namespace tt::kernels {
Status dequantize_validate(const DequantizeArgs&) { return Status::kUnsupported; }
Status dequantize_ref(const DequantizeArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
