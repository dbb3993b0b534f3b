// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/activation/softmax.h"

namespace tt::kernels {
Status softmax_dsp(const SoftmaxArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
