// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/quant/quantize.h"

namespace tt::kernels {
Status quantize_validate(const QuantizeArgs&) { return Status::kUnsupported; }
Status quantize_ref(const QuantizeArgs&) { return Status::kUnsupported; }
Status requantize_validate(const RequantizeArgs&) { return Status::kUnsupported; }
Status requantize_ref(const RequantizeArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
