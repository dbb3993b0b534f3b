// The board's 64-bit tick counter: core cycles.
//
// Where DWT CYCCNT counts (the real Cortex-M7 once the trace block is enabled and the DWT
// unlocked), a tick is one CYCCNT cycle. CYCCNT is 32 bits and wraps every 8.9 s at 480 MHz,
// so a SysTick interrupt every 2^24 cycles (35 ms) folds each wrap into a high word;
// readers need not be called in time. If CYCCNT does not count (checked at start: two reads
// around a short busy loop; no DWT, or a debugger holding it), SysTick itself becomes the
// counter: 24 bits on the core clock plus its wraps, the same cycles at the same rate, and
// the tick meaning says so.
#ifndef TT_FIRMWARE_BOARDS_OPENMV_H7_CYCLE_COUNTER_H_
#define TT_FIRMWARE_BOARDS_OPENMV_H7_CYCLE_COUNTER_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Starts the counter (idempotent; tt_h7_ticks starts it on first use too).
void tt_h7_ticks_start(void);
uint64_t tt_h7_ticks(void);
int tt_h7_ticks_use_dwt(void);  // 1: DWT CYCCNT, 0: SysTick fallback
const char* tt_h7_tick_meaning(void);

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_OPENMV_H7_CYCLE_COUNTER_H_
