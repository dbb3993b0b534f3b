// Conformance suites of the small devices: Button, Led, Clock and Log, each checked only
// through its interface (tt/hal/button.h, led.h, clock.h, log.h). A backend joins a suite with
// INSTANTIATE_TEST_SUITE_P(Name, ButtonConformance, ::testing::Values(ButtonCase{...}),
// case_name), and likewise for the others. Each harness gives the device plus the
// hooks a test needs to observe or drive it; a hook left empty skips the checks that need it.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "tests/hal/conformance/case_name.h"
#include "tt/hal/button.h"
#include "tt/hal/clock.h"
#include "tt/hal/led.h"
#include "tt/hal/log.h"

namespace tt::tests::hal {

struct ButtonHarness {
  std::shared_ptr<tt::hal::Button> button;
  std::function<void(bool pressed)> drive;  // press or release it (a GUI click, the sim)
};
struct ButtonCase {
  std::string label;
  std::function<ButtonHarness()> make;
};
class ButtonConformance : public ::testing::TestWithParam<ButtonCase> {};
inline void PrintTo(const ButtonCase& c, std::ostream* os) { *os << c.label; }

struct LedCase {
  std::string label;
  std::function<std::shared_ptr<tt::hal::Led>()> make;
};
class LedConformance : public ::testing::TestWithParam<LedCase> {};
inline void PrintTo(const LedCase& c, std::ostream* os) { *os << c.label; }

struct ClockHarness {
  std::shared_ptr<tt::hal::Clock> clock;
  std::function<void()> let_time_pass;  // sleep a millisecond, advance a fake, run code
};
struct ClockCase {
  std::string label;
  std::function<ClockHarness()> make;
};
class ClockConformance : public ::testing::TestWithParam<ClockCase> {};
inline void PrintTo(const ClockCase& c, std::ostream* os) { *os << c.label; }

struct LogHarness {
  std::shared_ptr<tt::hal::Log> log;
  std::function<std::string()> last_line;  // the last line written, as stored or sent
};
struct LogCase {
  std::string label;
  std::function<LogHarness()> make;
};
class LogConformance : public ::testing::TestWithParam<LogCase> {};
inline void PrintTo(const LogCase& c, std::ostream* os) { *os << c.label; }

}  // namespace tt::tests::hal
