// PLACEHOLDER (work in progress): replaced by the real checks.
#include "tests/kernels/checks/checks.h"

namespace tt::tests {

void check_simd_ops(CheckReport&) {}
void check_requantize_extremes(CheckReport&) {}
void check_fixed_point(CheckReport&) {}

}  // namespace tt::tests
