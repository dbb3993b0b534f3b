// FakeButton, FakeLed, FakeClock, FakeLog: their conformance suites, then what the scripts do.
#include <gtest/gtest.h>

#include <string>

#include "hal/fake/fake_button.h"
#include "hal/fake/fake_clock.h"
#include "hal/fake/fake_led.h"
#include "hal/fake/fake_log.h"
#include "tests/hal/conformance/small_devices_conformance.h"

namespace tt::tests::hal {
namespace {

using tt::hal::ButtonEvent;
using tt::hal::LogLevel;
using tt::hal::fake::FakeButton;
using tt::hal::fake::FakeButtonStep;
using tt::hal::fake::FakeClock;
using tt::hal::fake::FakeLed;
using tt::hal::fake::FakeLog;

INSTANTIATE_TEST_SUITE_P(
    Fake, ButtonConformance,
    ::testing::Values(
        ButtonCase{
            "manual",
            [] {
              auto b = std::make_shared<FakeButton>();
              FakeButton* raw = b.get();
              return ButtonHarness{b, [raw](bool on) { on ? raw->press() : raw->release(); }};
            }},
        ButtonCase{"undriven",
                   [] {
                     return ButtonHarness{std::make_shared<FakeButton>(), {}};
                   }}),
    case_name<ButtonCase>);

INSTANTIATE_TEST_SUITE_P(
    Fake, LedConformance,
    ::testing::Values(LedCase{"rgb", [] { return std::make_shared<FakeLed>(true); }},
                      LedCase{"monochrome", [] { return std::make_shared<FakeLed>(false); }}),
    case_name<LedCase>);

ClockCase clock_case(const char* label, uint64_t rate, const char* meaning) {
  return ClockCase{label, [=] {
                     auto c = std::make_shared<FakeClock>(rate, meaning);
                     FakeClock* raw = c.get();
                     return ClockHarness{c, [raw] { raw->advance(1); }};
                   }};
}

INSTANTIATE_TEST_SUITE_P(Fake, ClockConformance,
                         ::testing::Values(clock_case("ns", 1000000000, "ns"),
                                           clock_case("systick", 25000000,
                                                      "SysTick tick = 40 instructions")),
                         case_name<ClockCase>);

LogCase log_case(const char* label, LogLevel min) {
  return LogCase{label, [=] {
                   auto log = std::make_shared<FakeLog>(min);
                   FakeLog* raw = log.get();
                   return LogHarness{log, [raw] { return std::string(raw->last()); }};
                 }};
}

INSTANTIATE_TEST_SUITE_P(Fake, LogConformance,
                         ::testing::Values(log_case("all_levels", LogLevel::kDebug),
                                           log_case("warnings_and_up", LogLevel::kWarning)),
                         case_name<LogCase>);

TEST(FakeButton, ScriptFollowsTheClock) {
  FakeClock clock(1000, "ms");
  const FakeButtonStep steps[] = {{100, true}, {150, false}, {400, true}};
  FakeButton b(steps, 3, &clock);
  EXPECT_FALSE(b.is_pressed());
  clock.set(120);
  EXPECT_TRUE(b.is_pressed());
  clock.set(500);
  EXPECT_EQ(b.poll_event(), ButtonEvent::kPressed);
  EXPECT_EQ(b.poll_event(), ButtonEvent::kReleased);
  EXPECT_EQ(b.poll_event(), ButtonEvent::kPressed);
  EXPECT_EQ(b.poll_event(), ButtonEvent::kNone);
  EXPECT_TRUE(b.is_pressed());
}

TEST(FakeButton, RepeatedStatesAreNotEdges) {
  FakeButton b;
  b.release();
  b.press();
  b.press();
  EXPECT_EQ(b.poll_event(), ButtonEvent::kPressed);
  EXPECT_EQ(b.poll_event(), ButtonEvent::kNone);
  EXPECT_EQ(b.dropped_events(), 0u);
}

TEST(FakeLed, CountsChanges) {
  FakeLed led(false);
  led.set_colour({0, 40, 0});
  led.set(true);  // the same as far as a monochrome LED can tell
  led.set(false);
  EXPECT_EQ(led.changes(), 2);
}

TEST(FakeClock, AdvancesInMilliseconds) {
  FakeClock clock(25000000, "SysTick tick = 40 instructions");
  clock.advance_ms(2);
  EXPECT_EQ(clock.ticks(), 50000u);
}

TEST(FakeLog, KeepsLevelsAndTheLastLines) {
  FakeLog log(LogLevel::kInfo);
  log.write_line(LogLevel::kDebug, "dropped");
  EXPECT_EQ(log.line_count(), 0);
  for (int i = 0; i < FakeLog::kMaxLines + 3; ++i) log.print(LogLevel::kWarning, "line %d", i);
  EXPECT_EQ(log.line_count(), FakeLog::kMaxLines + 3);
  EXPECT_STREQ(log.line(3), "line 3");
  EXPECT_EQ(log.level(3), LogLevel::kWarning);
  EXPECT_STREQ(log.last(), "line 66");
}

}  // namespace
}  // namespace tt::tests::hal
