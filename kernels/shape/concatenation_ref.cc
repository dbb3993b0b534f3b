// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/shape/concatenation.h"

namespace tt::kernels {
Status concatenation_validate(const ConcatenationArgs&) { return Status::kUnsupported; }
Status concatenation_ref(const ConcatenationArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
