// Clock: a monotonic tick counter for per-layer timings and app pacing. What a tick is
// depends on the backend and is said, never hidden: nanoseconds of steady_clock on the host,
// "SysTick tick = 40 instructions" under QEMU (where instructions, not time, are exact),
// cycles on a real board.
//
// Spec, per method:
//   ticks()           Defined: any time; never decreases; wraps only after 2^64 ticks.
//   ticks_per_second()  Defined: any time; constant, >= 1. The nominal rate: exact for a
//                     hardware timer, the emulator's virtual rate under QEMU.
//   tick_meaning()    Defined: any time; a non-empty, static string such as "ns" or
//                     "SysTick tick = 40 instructions".
#pragma once

#include <cstdint>

namespace tt::hal {

class Clock {
 public:
  virtual uint64_t ticks() const = 0;
  virtual uint64_t ticks_per_second() const = 0;
  virtual const char* tick_meaning() const = 0;

 protected:
  ~Clock() = default;  // not virtual: see camera.h
};

}  // namespace tt::hal
