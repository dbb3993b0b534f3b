// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/elementwise/add.h"

namespace tt::kernels {
Status add_ref(const AddArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
