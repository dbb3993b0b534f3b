// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/shape/pad.h"

namespace tt::kernels {
Status pad_validate(const PadArgs&) { return Status::kUnsupported; }
Status pad_ref(const PadArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
