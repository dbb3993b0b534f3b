// The Button, Led, Clock and Log conformance tests; see small_devices_conformance.h.
#include "tests/hal/conformance/small_devices_conformance.h"

#include <cstring>
#include <string>

namespace tt::tests::hal {
namespace {

using tt::hal::ButtonEvent;
using tt::hal::LedColour;
using tt::hal::LogLevel;

// Drains the queue; returns the last event seen (kNone when there was none).
ButtonEvent drain(tt::hal::Button& b, int* count) {
  ButtonEvent last = ButtonEvent::kNone;
  *count = 0;
  for (ButtonEvent e; (e = b.poll_event()) != ButtonEvent::kNone;) {
    if (last != ButtonEvent::kNone) {
      EXPECT_NE(e, last) << "edges must alternate";
    }
    last = e;
    ++*count;
  }
  return last;
}

TEST_P(ButtonConformance, EdgesAlternateAndMatchTheState) {
  auto h = GetParam().make();
  ASSERT_NE(h.button->name(), nullptr);
  EXPECT_STRNE(h.button->name(), "");
  int n = 0;
  drain(*h.button, &n);
  EXPECT_EQ(h.button->poll_event(), ButtonEvent::kNone);
  if (!h.drive) return;
  h.drive(true);
  EXPECT_TRUE(h.button->is_pressed());
  EXPECT_EQ(drain(*h.button, &n), ButtonEvent::kPressed);
  EXPECT_EQ(n, 1);
  h.drive(false);
  EXPECT_FALSE(h.button->is_pressed());
  EXPECT_EQ(drain(*h.button, &n), ButtonEvent::kReleased);
  EXPECT_EQ(n, 1);
}

TEST_P(ButtonConformance, QueueKeepsAtLeastTheMinimumInOrder) {
  auto h = GetParam().make();
  if (!h.drive) return;
  int n = 0;
  drain(*h.button, &n);
  const uint32_t dropped = h.button->dropped_events();
  for (int i = 0; i < tt::hal::Button::kMinQueuedEvents / 2; ++i) {
    h.drive(true);
    h.drive(false);
  }
  EXPECT_EQ(h.button->poll_event(), ButtonEvent::kPressed);
  EXPECT_EQ(drain(*h.button, &n), ButtonEvent::kReleased);
  EXPECT_EQ(n + 1, tt::hal::Button::kMinQueuedEvents);
  EXPECT_EQ(h.button->dropped_events(), dropped);
}

TEST_P(ButtonConformance, OverflowDropsButKeepsAlternating) {
  auto h = GetParam().make();
  if (!h.drive) return;
  for (int i = 0; i < 50; ++i) {
    h.drive(true);
    h.drive(false);
  }
  h.drive(true);
  int n = 0;
  drain(*h.button, &n);  // checks the alternation
  EXPECT_GE(n, tt::hal::Button::kMinQueuedEvents);
  EXPECT_EQ(n + h.button->dropped_events(), 101u);
  EXPECT_TRUE(h.button->is_pressed());
  h.drive(false);
}

TEST_P(LedConformance, StateFollowsSet) {
  auto led = GetParam().make();
  ASSERT_NE(led->name(), nullptr);
  EXPECT_STRNE(led->name(), "");
  EXPECT_FALSE(led->is_on());
  led->set(true);
  EXPECT_TRUE(led->is_on());
  led->set(false);
  EXPECT_FALSE(led->is_on());
  EXPECT_TRUE(led->colour().is_black());
  const LedColour orange{255, 120, 0};
  led->set_colour(orange);
  EXPECT_TRUE(led->is_on());
  if (led->has_colour()) {
    EXPECT_TRUE(led->colour() == orange);
  } else {
    EXPECT_TRUE(led->colour() == tt::hal::kLedWhite);
  }
  led->set_colour(tt::hal::kLedBlack);
  EXPECT_FALSE(led->is_on());
}

TEST_P(ClockConformance, MonotonicWithAStatedMeaning) {
  auto h = GetParam().make();
  EXPECT_GE(h.clock->ticks_per_second(), 1u);
  ASSERT_NE(h.clock->tick_meaning(), nullptr);
  EXPECT_STRNE(h.clock->tick_meaning(), "");
  const uint64_t rate = h.clock->ticks_per_second();
  uint64_t last = h.clock->ticks();
  for (int i = 0; i < 1000; ++i) {
    const uint64_t t = h.clock->ticks();
    ASSERT_GE(t, last);
    last = t;
  }
  if (h.let_time_pass) {
    h.let_time_pass();
    EXPECT_GT(h.clock->ticks(), last);
  }
  EXPECT_EQ(h.clock->ticks_per_second(), rate);
}

TEST_P(LogConformance, LinesAreFormattedAndBounded) {
  auto h = GetParam().make();
  const LogLevel min = h.log->min_level();
  for (LogLevel l : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarning, LogLevel::kError}) {
    h.log->write_line(l, tt::hal::log_level_name(l));
  }
  h.log->print(LogLevel::kError, "camera %s: %d frames, %.1f%%", "fake", 42, 99.5);
  if (h.last_line) {
    EXPECT_EQ(h.last_line(), "camera fake: 42 frames, 99.5%");
  }
  std::string longer(1000, 'x');
  h.log->write_line(LogLevel::kError, longer.c_str());
  if (h.last_line) {
    EXPECT_EQ(h.last_line(), std::string(tt::hal::Log::kMaxLineChars, 'x'));
  }
  h.log->print(LogLevel::kError, "%s", longer.c_str());
  if (h.last_line) {
    EXPECT_EQ(h.last_line().size(), size_t(tt::hal::Log::kMaxLineChars));
  }
  h.log->write_line(LogLevel::kError, "first\nsecond");
  if (h.last_line) {
    EXPECT_EQ(h.last_line(), "first");
  }
  h.log->write_line(LogLevel::kError, "");
  if (h.last_line) {
    EXPECT_EQ(h.last_line(), "");
  }
  EXPECT_EQ(h.log->min_level(), min);
}

}  // namespace
}  // namespace tt::tests::hal
