// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/pool/avg_pool2d.h"

namespace tt::kernels {
Status avg_pool2d_ref(const Pool2dArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
