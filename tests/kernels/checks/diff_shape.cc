// PLACEHOLDER (work in progress): replaced by the real checks.
#include "tests/kernels/checks/checks.h"

namespace tt::tests {

void diff_pad(CheckReport&) {}
void diff_concatenation(CheckReport&) {}

}  // namespace tt::tests
