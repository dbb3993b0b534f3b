#include "tests/kernels/checks/check_report.h"

#include <cstdarg>
#include <cstdio>

namespace tt::tests {

namespace {
constexpr int32_t kMaxPrintedFailures = 8;
}

void CheckReport::fail(const char* fmt, ...) {
  ++failed_;
  if (failed_ > kMaxPrintedFailures) return;
  char line[256];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  std::printf("  FAIL: %s\n", line);
}

}  // namespace tt::tests
