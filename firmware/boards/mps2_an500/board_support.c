// board_support.h for qemu-system-arm -M mps2-an500: the link on UART0, instruction counting
// with SysTick under -icount shift=0 (DWT CYCCNT reads 0 in QEMU), the CMSDK watchdog, and
// the exit through semihosting. The LED and the LCD are the host's (over the link).
#include "firmware/boards/board_support.h"

#include "firmware/boards/mps2_an500/cmsdk_uart.h"
#include "firmware/boards/mps2_an500/instruction_counter.h"
#include "firmware/boards/mps2_an500/semihosting.h"

enum {
  kWatchdogBase = 0x40008000u,
  kWdogLoad = 0x00,
  kWdogControl = 0x08,
  kWdogIntClear = 0x0C,
  kWdogLock = 0xC00,
  kWdogUnlockKey = 0x1ACCE551u,
  kWdogIntEnable = 1u << 0,
  kWdogResetEnable = 1u << 1,
  // The watchdog counts the 25 MHz SYSCLK, i.e. (under -icount shift=0) once per 40
  // instructions: 2 s of board time = 50 M instructions. Its first expiry raises the
  // interrupt the fault handler reports, so a hung firmware ends with a report.
  kWdogTicks = 50000000u,
  kTicksPerSecond = 25000000u,
};

static volatile uint32_t* wdog(uint32_t offset) {
  return (volatile uint32_t*)(kWatchdogBase + offset);  // NOLINT(performance-no-int-to-ptr)
}

void tt_board_init(void) {
  tt_uart_init();
  (void)tt_systick_ticks();  // starts the counter
  *wdog(kWdogLock) = kWdogUnlockKey;
  *wdog(kWdogLoad) = kWdogTicks;
  *wdog(kWdogControl) = kWdogIntEnable | kWdogResetEnable;
  *wdog(kWdogLock) = 0;
}

const char* tt_board_name(void) { return "mps2-an500 Cortex-M7 (QEMU)"; }

size_t tt_board_link_read(uint8_t* buffer, size_t max) { return tt_uart_read(buffer, max); }

void tt_board_link_write(const uint8_t* data, size_t bytes) {
  tt_uart_write((const char*)data, bytes);
}

uint64_t tt_board_ticks(void) { return tt_icount_start(); }
uint64_t tt_board_ticks_per_second(void) {
  return (uint64_t)kTicksPerSecond * kTtInstructionsPerTick;  // 1 instruction = 1 ns
}
const char* tt_board_tick_meaning(void) {
  return "instructions (SysTick x 40 under -icount shift=0, +-40)";
}

void tt_layer_marker(void) { __asm__ volatile("" ::: "memory"); }

void tt_board_watchdog_kick(void) {
  *wdog(kWdogLock) = kWdogUnlockKey;
  *wdog(kWdogIntClear) = 1;  // clears the interrupt and reloads the counter
  *wdog(kWdogLock) = 0;
}

void tt_board_set_led(uint8_t r, uint8_t g, uint8_t b) {
  (void)r;
  (void)g;
  (void)b;
}

void tt_board_exit(int code) { tt_semihosting_exit(code); }
