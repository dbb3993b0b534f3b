// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/conv/depthwise_conv2d.h"
#include "kernels/conv/fully_connected.h"

namespace tt::kernels {
Status conv2d_validate(const Conv2dArgs&) { return Status::kUnsupported; }
Status depthwise_conv2d_validate(const DepthwiseConv2dArgs&) { return Status::kUnsupported; }
Status fully_connected_validate(const FullyConnectedArgs&) { return Status::kUnsupported; }

}  // namespace tt::kernels
