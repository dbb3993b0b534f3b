// SysTick-based instruction counter (see instruction_counter.h for what a tick means).
#include "firmware/boards/mps2_an500/instruction_counter.h"

enum {
  kSysTickCsr = 0xE000E010u,
  kSysTickRvr = 0xE000E014u,
  kSysTickCvr = 0xE000E018u,
  kScbIcsr = 0xE000ED04u,
  kCsrEnable = 1u << 0,
  kCsrTickInt = 1u << 1,
  kCsrCoreClock = 1u << 2,  // the 25 MHz core clock; the reference clock is slower
  kIcsrPendStSet = 1u << 26,
  kReload = 0xFFFFFFu,
};

static volatile uint32_t* reg(uint32_t address) {
  return (volatile uint32_t*)address;  // NOLINT(performance-no-int-to-ptr): a register
}

static volatile uint32_t g_wraps;  // completed periods of 2^24 ticks
static int g_started;

void systick_handler(void);  // overrides startup.c's weak alias

void systick_handler(void) { g_wraps = g_wraps + 1; }

uint64_t tt_systick_ticks(void) {
  if (!g_started) {
    g_started = 1;
    *reg(kSysTickRvr) = kReload;
    *reg(kSysTickCvr) = 0;  // any write clears the counter; it reloads on the next tick
    *reg(kSysTickCsr) = kCsrEnable | kCsrTickInt | kCsrCoreClock;
  }
  uint32_t wraps;
  uint32_t current;
  uint32_t pending;
  // Retry if the interrupt ran between the reads.
  do {
    wraps = g_wraps;
    current = *reg(kSysTickCvr);
    pending = *reg(kScbIcsr) & kIcsrPendStSet;
  } while (wraps != g_wraps);
  // The counter counts down and the interrupt fires as it reaches 0, so 0 is the first tick
  // of the new period and the reload value its second.
  const uint32_t in_period = (kReload + 1u - current) & kReload;
  uint64_t ticks = (uint64_t)wraps * (kReload + 1u) + in_period;
  // Wrapped, but the interrupt has not been taken yet: count that wrap here.
  if (pending && in_period < kReload / 2) {
    ticks += kReload + 1u;
  }
  return ticks;
}
