// SteadyClock: the host's Clock. Ticks are nanoseconds of std::chrono::steady_clock since the
// clock was constructed, so per-layer timings on the desktop read as plain nanoseconds and
// never jump with wall-clock adjustments (NTP, suspend). Thread-safe: it holds no mutable
// state.
#pragma once

#include <chrono>
#include <cstdint>

#include "tt/hal/clock.h"

namespace tt::hal::host {

class SteadyClock final : public Clock {
 public:
  SteadyClock() : start_(std::chrono::steady_clock::now()) {}

  uint64_t ticks() const override {
    const auto since = std::chrono::steady_clock::now() - start_;
    return static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(since).count());
  }
  uint64_t ticks_per_second() const override { return 1000000000u; }
  const char* tick_meaning() const override { return "nanoseconds (host steady clock)"; }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace tt::hal::host
