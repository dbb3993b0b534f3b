// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/activation/logistic.h"

namespace tt::kernels {
Status logistic_validate(const LogisticArgs&) { return Status::kUnsupported; }
Status logistic_ref(const LogisticArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
