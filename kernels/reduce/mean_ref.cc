// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/reduce/mean.h"

namespace tt::kernels {
Status mean_validate(const MeanArgs&) { return Status::kUnsupported; }
Status mean_ref(const MeanArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
