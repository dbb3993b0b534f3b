// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/pool/max_pool2d.h"

namespace tt::kernels {
Status max_pool2d_ref(const Pool2dArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
