// Runs every framework-neutral kernel check (tests/kernels/checks) as one GoogleTest case.
// The same checks run on the Cortex-M7 under QEMU (tests/kernels/fw).
#include <gtest/gtest.h>

#include <string>

#include "tests/kernels/checks/check_report.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::tests {
namespace {

class KernelCheck : public ::testing::TestWithParam<CheckEntry> {};

TEST_P(KernelCheck, Passes) {
  arena().reset();
  CheckReport report;
  GetParam().fn(report);
  EXPECT_EQ(report.failed(), 0) << GetParam().name << ": " << report.failed() << " of "
                                << report.passed() + report.failed() << " cases failed";
  EXPECT_GT(report.passed(), 0) << GetParam().name << " ran no case";
}

std::vector<CheckEntry> entries() {
  const CheckList list = all_checks();
  return std::vector<CheckEntry>(list.entries, list.entries + list.size);
}

INSTANTIATE_TEST_SUITE_P(All, KernelCheck, ::testing::ValuesIn(entries()),
                         [](const ::testing::TestParamInfo<CheckEntry>& p) {
                           return std::string(p.param.name);
                         });

}  // namespace
}  // namespace tt::tests
