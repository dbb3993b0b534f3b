// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/conv/conv2d.h"

namespace tt::kernels {
Status conv2d_ref(const Conv2dArgs&) { return Status::kUnsupported; }
int32_t conv2d_ref_scratch_size(const Conv2dArgs&) { return 0; }

}  // namespace tt::kernels
