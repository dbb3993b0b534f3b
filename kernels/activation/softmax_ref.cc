// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/activation/softmax.h"

namespace tt::kernels {
Status softmax_validate(const SoftmaxArgs&) { return Status::kUnsupported; }
Status softmax_ref(const SoftmaxArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
