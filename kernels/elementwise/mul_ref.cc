// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/elementwise/mul.h"

namespace tt::kernels {
Status mul_ref(const MulArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
