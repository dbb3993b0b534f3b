// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/conv/fully_connected.h"

namespace tt::kernels {
Status fully_connected_dsp(const FullyConnectedArgs&) { return Status::kUnsupported; }
int32_t fully_connected_dsp_scratch_size(const FullyConnectedArgs&) { return 0; }

}  // namespace tt::kernels
