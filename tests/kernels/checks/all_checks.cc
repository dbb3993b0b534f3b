#include "tests/kernels/checks/checks.h"

namespace tt::tests {
namespace {

constexpr CheckEntry kChecks[] = {
    {"simd_ops", check_simd_ops},
    {"requantize_extremes", check_requantize_extremes},
    {"fixed_point", check_fixed_point},
    {"crc32", check_crc32},
    {"validation", check_validation},
    {"diff_conv2d", diff_conv2d},
    {"diff_depthwise_conv2d", diff_depthwise_conv2d},
    {"diff_fully_connected", diff_fully_connected},
    {"diff_max_pool2d", diff_max_pool2d},
    {"diff_avg_pool2d", diff_avg_pool2d},
    {"diff_add", diff_add},
    {"diff_mul", diff_mul},
    {"diff_softmax", diff_softmax},
    {"diff_logistic", diff_logistic},
    {"diff_pad", diff_pad},
    {"diff_concatenation", diff_concatenation},
    {"diff_mean", diff_mean},
    {"diff_quantize", diff_quantize},
    {"diff_requantize", diff_requantize},
    {"diff_dequantize", diff_dequantize},
    {"golden_all_ops", golden_all_ops},
};

}  // namespace

CheckList all_checks() {
  return CheckList{kChecks, static_cast<int32_t>(sizeof kChecks / sizeof kChecks[0])};
}

}  // namespace tt::tests
