// Core-cycle counter on DWT CYCCNT, with SysTick as the wrap keeper or, where CYCCNT does
// not count, as the counter itself (see cycle_counter.h).
#include "firmware/boards/openmv_h7/cycle_counter.h"

#include "firmware/boards/openmv_h7/h743_registers.h"

enum {
  kDemcrTrcena = 1u << 24,
  kDwtCtrlCyccntena = 1u << 0,
  kDwtUnlockKey = 0xC5ACCE55u,  // CoreSight lock access key; the M7's DWT is locked at reset
  kSysTickEnable = 1u << 0,
  kSysTickInterrupt = 1u << 1,
  kSysTickCoreClock = 1u << 2,
  kSysTickReload = 0xFFFFFFu,
  kIcsrPendstset = 1u << 26,
  kScbShpr3 = 0xE000ED20u,  // SysTick priority in bits 31:24
  kProbeLoops = 64,
};

enum { kNotStarted = 0, kUseDwt = 1, kUseSysTick = 2 };

static volatile int g_mode;
// DWT mode: the high word and the last CYCCNT seen; SysTick mode: completed 2^24 periods.
static volatile uint32_t g_high;
static volatile uint32_t g_last;
static volatile uint32_t g_wraps;

void systick_handler(void);  // overrides startup.c's weak alias

static int cyccnt_counts(void) {
  *tt_h7_reg(kTtH7DemCr) |= kDemcrTrcena;
  *tt_h7_reg(kTtH7DwtLar) = kDwtUnlockKey;
  *tt_h7_reg(kTtH7DwtCyccnt) = 0;
  *tt_h7_reg(kTtH7DwtCtrl) |= kDwtCtrlCyccntena;
  const uint32_t before = *tt_h7_reg(kTtH7DwtCyccnt);
  for (volatile int i = 0; i < kProbeLoops; ++i) {
  }
  const uint32_t after = *tt_h7_reg(kTtH7DwtCyccnt);
  return after != before && after != 0;
}

void tt_h7_ticks_start(void) {
  if (g_mode != kNotStarted) {
    return;
  }
  const int dwt = cyccnt_counts();
  g_high = 0;
  g_last = dwt ? *tt_h7_reg(kTtH7DwtCyccnt) : 0;
  g_wraps = 0;
  g_mode = dwt ? kUseDwt : kUseSysTick;
  // SysTick at priority 0x80 (like the link UART), counting core cycles, interrupt on wrap.
  *tt_h7_reg(kScbShpr3) = (*tt_h7_reg(kScbShpr3) & 0x00FFFFFFu) | (0x80u << 24);
  *tt_h7_reg(kTtH7SysTickCsr) = 0;
  *tt_h7_reg(kTtH7SysTickRvr) = kSysTickReload;
  *tt_h7_reg(kTtH7SysTickCvr) = 0;  // any write clears it; it reloads on the next tick
  *tt_h7_reg(kTtH7SysTickCsr) = kSysTickEnable | kSysTickInterrupt | kSysTickCoreClock;
}

// Folds a CYCCNT wrap into the high word. Interrupts masked: SysTick calls it too.
static uint64_t dwt_ticks(void) {
  const uint32_t primask = tt_h7_irq_save();
  const uint32_t now = *tt_h7_reg(kTtH7DwtCyccnt);
  if (now < g_last) {
    g_high = g_high + 1u;
  }
  g_last = now;
  const uint64_t ticks = ((uint64_t)g_high << 32) | now;
  tt_h7_irq_restore(primask);
  return ticks;
}

static uint64_t systick_ticks(void) {
  uint32_t wraps;
  uint32_t current;
  uint32_t pending;
  do {  // retry if the interrupt ran between the reads
    wraps = g_wraps;
    current = *tt_h7_reg(kTtH7SysTickCvr);
    pending = *tt_h7_reg(kTtH7ScbIcsr) & kIcsrPendstset;
  } while (wraps != g_wraps);
  // Counts down; 0 is the first tick of the new period and the reload value its second.
  const uint32_t in_period = (kSysTickReload + 1u - current) & kSysTickReload;
  uint64_t ticks = (uint64_t)wraps * (kSysTickReload + 1u) + in_period;
  if (pending && in_period < kSysTickReload / 2) {
    ticks += kSysTickReload + 1u;  // wrapped, interrupt not taken yet (masked by the caller)
  }
  return ticks;
}

void systick_handler(void) {
  if (g_mode == kUseDwt) {
    (void)dwt_ticks();
  } else {
    g_wraps = g_wraps + 1u;
  }
}

uint64_t tt_h7_ticks(void) {
  if (g_mode == kNotStarted) {
    tt_h7_ticks_start();
  }
  return g_mode == kUseDwt ? dwt_ticks() : systick_ticks();
}

int tt_h7_ticks_use_dwt(void) {
  if (g_mode == kNotStarted) {
    tt_h7_ticks_start();
  }
  return g_mode == kUseDwt;
}

const char* tt_h7_tick_meaning(void) {
  return tt_h7_ticks_use_dwt() ? "cycles (DWT CYCCNT)"
                               : "cycles (SysTick; DWT CYCCNT does not count here)";
}
