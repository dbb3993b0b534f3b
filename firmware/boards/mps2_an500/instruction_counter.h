// Instruction counter for code running under qemu-system-arm -M mps2-an500 -icount shift=0.
//
// QEMU does not emulate DWT->CYCCNT (it reads 0), but with -icount shift=0 virtual time
// advances by exactly 1 ns per guest instruction, and SysTick on the core clock (25 MHz) then
// ticks once every 40 ns: one SysTick tick = exactly 40 guest instructions (DESIGN.md
// section 6; tests/kernels/fw/instruction_counter_check.cc measures it). The counter runs
// SysTick with reload 0xFFFFFF and counts its wraps in the SysTick interrupt, so it never
// overflows in practice (64 bits of ticks).
//
// Resolution: one tick, i.e. a measured interval is exact to within +-40 instructions. The
// counts include part of the start/elapsed calls themselves (one reading costs ~24
// instructions) and the SysTick handler (once per 2^24 ticks, ~671 M instructions).
// They are instructions, not cycles: QEMU models no pipeline, caches or wait states, so
// never report them as time. Without -icount the ticks follow the host's wall clock and the
// counts are meaningless.
#ifndef TT_FIRMWARE_BOARDS_MPS2_AN500_INSTRUCTION_COUNTER_H_
#define TT_FIRMWARE_BOARDS_MPS2_AN500_INSTRUCTION_COUNTER_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { kTtInstructionsPerTick = 40 };

// SysTick ticks since the counter was first used (it starts itself on the first call).
uint64_t tt_systick_ticks(void);

// A point in time, in instructions; pass it to tt_icount_elapsed().
static inline uint64_t tt_icount_start(void) { return tt_systick_ticks() * kTtInstructionsPerTick; }

// Instructions executed since `start` (+-40).
static inline uint64_t tt_icount_elapsed(uint64_t start) {
  return tt_systick_ticks() * kTtInstructionsPerTick - start;
}

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_MPS2_AN500_INSTRUCTION_COUNTER_H_
