// Checks the facts the instruction counter rests on (firmware/boards/mps2_an500/
// instruction_counter.h) under qemu-system-arm -icount shift=0: a loop of a known number of
// instructions takes exactly 1/40 as many SysTick ticks, whatever the instruction mix, and
// the 64-bit count stays monotonic across the 24-bit SysTick wrap. Prints one line per check
// and the summary line "N passed, M failed"; exit code 0 when nothing failed.
#include <cinttypes>
#include <cstdint>
#include <cstdio>

#include "firmware/boards/mps2_an500/instruction_counter.h"

namespace {

int32_t g_passed = 0;
int32_t g_failed = 0;

void expect(bool ok, const char* what) {
  std::printf("%s: %s\n", what, ok ? "ok" : "FAILED");
  ok ? ++g_passed : ++g_failed;
}

// Exactly 2 instructions per iteration (SUBS, BNE).
void loop2(uint32_t n) { asm volatile("1: subs %0, %0, #1\n bne 1b\n" : "+r"(n) : : "cc"); }

// Exactly 6 instructions per iteration, mixing a load, a multiply, an SMLAD and a NOP.
void loop6(uint32_t n) {
  uint32_t a = 3, scratch = 0;
  asm volatile(
      "1: ldr %2, [sp]\n"
      " mul %1, %1, %1\n"
      " smlad %1, %1, %1, %2\n"
      " nop\n"
      " subs %0, %0, #1\n"
      " bne 1b\n"
      : "+r"(n), "+r"(a), "+r"(scratch)
      :
      : "cc", "memory");
}

uint64_t ticks_of(void (*loop)(uint32_t), uint32_t n) {
  const uint64_t t0 = tt_systick_ticks();
  loop(n);
  return tt_systick_ticks() - t0;
}

// The loop of `per_iter * n` instructions plus a constant call overhead: the difference of
// two lengths cancels the overhead, leaving the ticks for exactly per_iter * dn instructions.
void check_rate(const char* name, void (*loop)(uint32_t), uint32_t per_iter, uint32_t n) {
  const uint64_t short_ticks = ticks_of(loop, 1000);
  const uint64_t long_ticks = ticks_of(loop, 1000 + n);
  const uint64_t instructions = uint64_t{per_iter} * n;
  const uint64_t ticks = long_ticks - short_ticks;
  std::printf("%s: %" PRIu32 " instructions took %" PRIu32 " ticks (%" PRIu32
              " instructions/tick expected)\n",
              name, static_cast<uint32_t>(instructions), static_cast<uint32_t>(ticks),
              static_cast<uint32_t>(kTtInstructionsPerTick));
  // +-1 tick at each end of each of the two measurements.
  const int64_t error = static_cast<int64_t>(ticks * kTtInstructionsPerTick - instructions);
  expect(error >= -2 * kTtInstructionsPerTick && error <= 2 * kTtInstructionsPerTick, name);
}

void check_wrap() {
  constexpr uint64_t kPeriod = uint64_t{1} << 24;
  const uint64_t start = tt_systick_ticks();
  const uint64_t wrap = (start / kPeriod + 1) * kPeriod;
  while (tt_systick_ticks() + 4000 < wrap) {  // coarse approach to the wrap
    loop2(20000);
  }
  uint64_t previous = tt_systick_ticks();
  uint64_t max_step = 0;
  bool monotonic = true;
  while (previous < wrap + 2000) {
    const uint64_t now = tt_systick_ticks();
    monotonic = monotonic && now >= previous;
    if (now - previous > max_step) {
      max_step = now - previous;
    }
    previous = now;
  }
  std::printf("wrap: sampled across tick %" PRIu32 " x 2^24, largest step %" PRIu32 " ticks\n",
              static_cast<uint32_t>(wrap / kPeriod), static_cast<uint32_t>(max_step));
  expect(monotonic && max_step <= 4, "monotonic_across_wrap");
}

}  // namespace

int main() {
  const uint64_t t0 = tt_icount_start();
  const uint64_t empty = tt_icount_elapsed(t0);
  std::printf("empty interval: %" PRIu32 " instructions (resolution 40)\n",
              static_cast<uint32_t>(empty));
  check_rate("rate_subs_bne", loop2, 2, 20000000);  // 40 M instructions = 1 M ticks
  check_rate("rate_mixed", loop6, 6, 5000000);
  check_rate("rate_short", loop2, 2, 2000);  // 4000 instructions = 100 ticks
  check_wrap();
  std::printf("%" PRId32 " passed, %" PRId32 " failed\n", g_passed, g_failed);
  return g_failed == 0 ? 0 : 1;
}
