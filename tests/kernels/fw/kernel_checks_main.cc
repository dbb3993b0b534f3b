// Runs every framework-neutral kernel check (tests/kernels/checks) bare-metal on the
// Cortex-M7 under QEMU: one line per check, then exactly one summary line
// "N passed, M failed" (the cases of all checks) that tools/qemu/run_firmware.sh
// --expect-summary looks for. Exit code 0 when nothing failed, else 1.
#include <cinttypes>
#include <cstdint>
#include <cstdio>

#include "tests/kernels/checks/check_report.h"
#include "tests/kernels/checks/test_arena.h"

int main() {
  using tt::tests::arena;
  using tt::tests::CheckList;
  using tt::tests::CheckReport;

  const CheckList list = tt::tests::all_checks();
  int32_t passed = 0;
  int32_t failed = 0;
  for (int32_t i = 0; i < list.size; ++i) {
    arena().reset();
    CheckReport report;
    list.entries[i].fn(report);
    // As on the host (kernel_checks_test.cc), a check that ran no case counts as a failure.
    const bool empty = report.passed() + report.failed() == 0;
    const int32_t check_failed = report.failed() + (empty ? 1 : 0);
    std::printf("%s: %" PRId32 " passed, %" PRId32 " failed%s\n", list.entries[i].name,
                report.passed(), check_failed, empty ? " (ran no case)" : "");
    passed += report.passed();
    failed += check_failed;
  }
  std::printf("%" PRId32 " passed, %" PRId32 " failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
