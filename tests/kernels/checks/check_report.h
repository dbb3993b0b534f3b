// Framework-neutral test plumbing for the kernel checks. The same check functions run under
// GoogleTest on the host (tests/kernels/host) and bare-metal on the Cortex-M7 under QEMU
// (tests/kernels/fw), so they use no heap, no exceptions and no test framework.
#pragma once

#include <cstdint>

namespace tt::tests {

// Counts passed/failed cases and prints the first few failures (printf: stdout on the host,
// UART0 on the board).
class CheckReport {
 public:
  void pass() { ++passed_; }
  void fail(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
  // Records one case: passes when ok, otherwise fails with the message.
  template <typename... A>
  void expect(bool ok, const char* fmt, A... args) {
    if (ok) {
      pass();
    } else {
      fail(fmt, args...);
    }
  }
  int32_t passed() const { return passed_; }
  int32_t failed() const { return failed_; }

 private:
  int32_t passed_ = 0;
  int32_t failed_ = 0;
};

using CheckFn = void (*)(CheckReport&);

struct CheckEntry {
  const char* name;
  CheckFn fn;
};

// Every check, in the order they run (all_checks.cc).
struct CheckList {
  const CheckEntry* entries;
  int32_t size;
};
CheckList all_checks();

}  // namespace tt::tests
