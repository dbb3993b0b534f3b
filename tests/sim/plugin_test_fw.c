// Firmware image for sim.plugin_counts (tests/sim/plugin_check.py): calls a marker function
// between stretches of code whose exact instruction counts are known, so the host can check
// what the icount_marker plugin (sim/plugin/icount_marker.c) records for each marker entry.
//
// Part 1 is a single assembly block, so every instruction between two marker entries is
// spelt out below and the compiler adds none. It covers straight-line code, counted loops,
// loads and stores, MMIO loads in the middle of a translated block (which QEMU's -icount mode
// re-executes in a block of their own) and an IT block with a skipped instruction. Part 2
// reads the SysTick instruction counter before each marker entry, an independent measure
// (+-40 per reading) to check the plugin against. The image prints what the host needs:
//   marker_addr 0x...         the marker's address as a function pointer (Thumb bit set)
//   expect <hit> <n>          hit <hit> comes exactly n instructions after hit <hit - 1>
//   systick <hit> <n>         SysTick's count (instructions) just before hit <hit>
//   hits <n>                  how many times the marker was entered
// Exit code 0.
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

#include "firmware/boards/mps2_an500/instruction_counter.h"

// The test's own marker, not the board's tt_layer_marker, so the test does not depend on
// the board library's definition. Naked: exactly one instruction, whatever the compiler.
void tt_test_marker(void) __attribute__((naked, noinline, used));
void tt_test_marker(void) { __asm__ volatile("bx lr"); }

// The deltas Part 1 produces. Each includes the marker's own `bx lr` (1) at the start of the
// interval and the `bl` that makes the next entry (1) at its end.
static const uint32_t kPart1Deltas[] = {
    2,       // hit 1: nothing between two calls
    1002,    // hit 2: 1000 nops
    100003,  // hit 3: movw + 50000 x (subs, bne)
    60003,   // hit 4: movw + 10000 x (ldr, adds, str, mul, subs, bne)
    1005,    // hit 5: movw, movw, movt + 100 x (4 nops, MMIO ldr, 3 nops, subs, bne)
    6,       // hit 6: cmp, ite, movne (skipped, still executed), moveq
};
enum { kPart1Hits = 7 };  // hit 0 and one per delta

static uint32_t g_scratch[2];

static void part1(void) {
  __asm__ volatile(
      "bl tt_test_marker\n"  // hit 0
      "bl tt_test_marker\n"  // hit 1
      ".rept 1000\n"
      "nop\n"
      ".endr\n"
      "bl tt_test_marker\n"  // hit 2
      "movw r0, #50000\n"
      "1: subs r0, r0, #1\n"
      "bne 1b\n"
      "bl tt_test_marker\n"  // hit 3
      "movw r0, #10000\n"
      "1: ldr r1, [%0]\n"
      "adds r1, r1, #3\n"
      "str r1, [%0, #4]\n"
      "mul r1, r1, r1\n"
      "subs r0, r0, #1\n"
      "bne 1b\n"
      "bl tt_test_marker\n"  // hit 4
      "movw r0, #100\n"
      "movw r2, #0xED00\n"
      "movt r2, #0xE000\n"  // SCB CPUID: an MMIO register that reading cannot disturb
      "1: nop\n"
      "nop\n"
      "nop\n"
      "nop\n"
      "ldr r1, [r2]\n"
      "nop\n"
      "nop\n"
      "nop\n"
      "subs r0, r0, #1\n"
      "bne 1b\n"
      "bl tt_test_marker\n"  // hit 5
      "cmp r0, r0\n"
      "ite ne\n"
      "movne r1, #1\n"
      "moveq r1, #2\n"
      "bl tt_test_marker\n"  // hit 6
      :
      : "r"(g_scratch)
      : "r0", "r1", "r2", "r3", "r12", "lr", "cc", "memory");
}

// Exactly 2 instructions per iteration.
static void spin(uint32_t n) {
  __asm__ volatile("1: subs %0, %0, #1\n bne 1b\n" : "+r"(n) : : "cc");
}

static const uint32_t kPart2Spins[] = {1000, 20000, 300000, 4000, 50000};
enum { kPart2Hits = sizeof kPart2Spins / sizeof kPart2Spins[0] };

int main(void) {
  part1();

  uint64_t ticks[kPart2Hits];
  (void)tt_systick_ticks();  // starts SysTick, so every reading below takes the same path
  for (uint32_t i = 0; i < kPart2Hits; ++i) {
    ticks[i] = tt_systick_ticks();
    tt_test_marker();
    spin(kPart2Spins[i]);
  }

  printf("marker_addr 0x%08" PRIx32 "\n", (uint32_t)(uintptr_t)&tt_test_marker);
  for (uint32_t i = 0; i < sizeof kPart1Deltas / sizeof kPart1Deltas[0]; ++i) {
    printf("expect %" PRIu32 " %" PRIu32 "\n", i + 1, kPart1Deltas[i]);
  }
  // newlib-nano's printf has no 64-bit conversions; these counts stay far below 2^32.
  for (uint32_t i = 0; i < kPart2Hits; ++i) {
    printf("systick %" PRIu32 " %" PRIu32 "\n", kPart1Hits + i,
           (uint32_t)(ticks[i] * kTtInstructionsPerTick));
  }
  printf("hits %" PRIu32 "\n", (uint32_t)(kPart1Hits + kPart2Hits));
  return 0;
}
