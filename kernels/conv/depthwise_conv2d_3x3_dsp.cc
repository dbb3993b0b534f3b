// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/conv/depthwise_conv2d.h"

namespace tt::kernels {

}  // namespace tt::kernels
