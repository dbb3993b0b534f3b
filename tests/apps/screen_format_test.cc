// screen::format_ticks: the LCD's timing text, the same on the host and on the firmware
// (whose newlib-nano printf has no %f, so the text is built in fixed point).
#include <gtest/gtest.h>

#include <string>

#include "apps/common/screen.h"
#include "hal/fake/fake_clock.h"

namespace tt::apps {
namespace {

std::string ticks_text(uint64_t ticks, uint64_t per_second, const char* meaning) {
  hal::fake::FakeClock clock(per_second, meaning);
  char out[32];
  screen::format_ticks(out, sizeof out, ticks, clock);
  return out;
}

TEST(ScreenFormat, MillisecondsInHundredths) {
  EXPECT_EQ(ticks_text(3'130'000, 1'000'000'000, "ns"), "3.13 ms");
  EXPECT_EQ(ticks_text(20'000, 1'000'000'000, "ns"), "0.02 ms");
  EXPECT_EQ(ticks_text(1'234'567'890, 1'000'000'000, "ns"), "1234.57 ms");
  EXPECT_EQ(ticks_text(0, 1000, "ms"), "0.00 ms");
}

TEST(ScreenFormat, InstructionsInMillions) {
  const char* meaning = "instructions (SysTick x 40 under -icount shift=0)";
  EXPECT_EQ(ticks_text(3'265'366, 25'000'000, meaning), "3.27 M instr");
  EXPECT_EQ(ticks_text(23'996'630, 25'000'000, meaning), "24.00 M instr");
  EXPECT_EQ(ticks_text(4'470, 25'000'000, meaning), "0.00 M instr");
}

}  // namespace
}  // namespace tt::apps
