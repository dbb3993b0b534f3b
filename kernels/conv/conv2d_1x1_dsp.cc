// PLACEHOLDER (work in progress): replaced by the real implementation.
#include "kernels/conv/conv2d.h"

namespace tt::kernels {

}  // namespace tt::kernels
