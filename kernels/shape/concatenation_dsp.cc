// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/shape/concatenation.h"

namespace tt::kernels {
Status concatenation_dsp(const ConcatenationArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
