// Test-name suffixes for the conformance suites: every case struct has a `label` made of
// letters, digits and '_', which names the instantiation's tests (e.g. .../RGB565_lost).
#pragma once

#include <gtest/gtest.h>

#include <string>

namespace tt::tests::hal {

template <typename Case>
std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  return info.param.label;
}

}  // namespace tt::tests::hal
