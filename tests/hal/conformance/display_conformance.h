// The Display conformance suite: what every backend must do according to tt/hal/display.h.
// A backend joins with INSTANTIATE_TEST_SUITE_P(Name, DisplayConformance,
// ::testing::Values(DisplayCase{...}), case_name). make() returns a fresh display and,
// when the backend can read back what it shows (an image widget, the host end of the link),
// `shown` to check that a successful flush really showed the framebuffer.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "tests/hal/conformance/case_name.h"
#include "tt/hal/display.h"

namespace tt::tests::hal {

struct DisplayHarness {
  std::shared_ptr<tt::hal::Display> display;
  std::function<uint16_t(int x, int y)> shown;  // may be empty
};

struct DisplayCase {
  std::string label;
  std::function<DisplayHarness()> make;
};

class DisplayConformance : public ::testing::TestWithParam<DisplayCase> {};
inline void PrintTo(const DisplayCase& c, std::ostream* os) { *os << c.label; }

}  // namespace tt::tests::hal
