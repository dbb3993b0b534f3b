// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/conv/depthwise_conv2d.h"

namespace tt::kernels {
Status depthwise_conv2d_dsp(const DepthwiseConv2dArgs&) { return Status::kUnsupported; }
int32_t depthwise_conv2d_dsp_scratch_size(const DepthwiseConv2dArgs&) { return 0; }

}  // namespace tt::kernels
