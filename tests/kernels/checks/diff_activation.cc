// PLACEHOLDER (work in progress): replaced by the real checks.
#include "tests/kernels/checks/checks.h"

namespace tt::tests {

void diff_softmax(CheckReport&) {}
void diff_logistic(CheckReport&) {}

}  // namespace tt::tests
