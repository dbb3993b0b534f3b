// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/pool/pool2d_args.h"

namespace tt::kernels {
Status pool2d_validate(const Pool2dArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
