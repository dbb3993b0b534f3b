// FakeClock: a Clock that moves only when a test advances it, so timing-dependent app logic
// (debouncing, posterior smoothing windows, frame pacing) is tested deterministically.
#pragma once

#include <cstdint>

#include "hal/fake/fake_check.h"
#include "tt/hal/clock.h"

namespace tt::hal::fake {

class FakeClock final : public Clock {
 public:
  explicit FakeClock(uint64_t ticks_per_second = 1000000000, const char* meaning = "ns")
      : rate_(ticks_per_second), meaning_(meaning) {
    TT_FAKE_CHECK(ticks_per_second >= 1, "FakeClock: tick rate must be >= 1");
  }

  uint64_t ticks() const override { return ticks_; }
  uint64_t ticks_per_second() const override { return rate_; }
  const char* tick_meaning() const override { return meaning_; }

  void advance(uint64_t n) { ticks_ += n; }
  void advance_ms(uint64_t ms) { ticks_ += ms * rate_ / 1000; }
  void set(uint64_t t) {
    TT_FAKE_CHECK(t >= ticks_, "FakeClock::set(): a clock never goes back");
    ticks_ = t;
  }

 private:
  uint64_t ticks_ = 0;
  uint64_t rate_;
  const char* meaning_;
};

}  // namespace tt::hal::fake
