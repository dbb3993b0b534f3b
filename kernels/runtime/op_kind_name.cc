// Names shown for op kinds: the TFLite operator each kind implements.
#include "kernels/runtime/plan_format.h"

namespace tt::kernels::plan {

const char* op_kind_name(OpKind kind) {
  switch (kind) {
    case OpKind::kConv2d:
      return "CONV_2D";
    case OpKind::kDepthwiseConv2d:
      return "DEPTHWISE_CONV_2D";
    case OpKind::kFullyConnected:
      return "FULLY_CONNECTED";
    case OpKind::kMaxPool2d:
      return "MAX_POOL_2D";
    case OpKind::kAvgPool2d:
      return "AVERAGE_POOL_2D";
    case OpKind::kAdd:
      return "ADD";
    case OpKind::kMul:
      return "MUL";
    case OpKind::kSoftmax:
      return "SOFTMAX";
    case OpKind::kLogistic:
      return "LOGISTIC";
    case OpKind::kPad:
      return "PAD";
    case OpKind::kConcatenation:
      return "CONCATENATION";
    case OpKind::kMean:
      return "MEAN";
    case OpKind::kQuantize:
      return "QUANTIZE";
    case OpKind::kRequantize:
      return "QUANTIZE(int8)";
    case OpKind::kDequantize:
      return "DEQUANTIZE";
    case OpKind::kCopy:
      return "RESHAPE";
  }
  return "?";
}

}  // namespace tt::kernels::plan
