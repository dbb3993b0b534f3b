// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/activation/logistic.h"

namespace tt::kernels {
Status logistic_dsp(const LogisticArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
