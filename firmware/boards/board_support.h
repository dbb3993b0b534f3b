// What every board gives the board-independent firmware (firmware/app): the link's byte
// port, a tick counter that says what a tick is, a watchdog, an LED and a way to end.
// firmware/boards/<board>/ implements it; firmware/app/ and hal/board use only this, so the
// same application image source builds for QEMU's mps2-an500 and for the OpenMV Cam H7.
#ifndef TT_FIRMWARE_BOARDS_BOARD_SUPPORT_H_
#define TT_FIRMWARE_BOARDS_BOARD_SUPPORT_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Brings up what main() needs beyond the C runtime (the reset handler already enabled the
// FPU and caches and set up .data/.bss): the link UART, the tick counter, the watchdog.
void tt_board_init(void);

const char* tt_board_name(void);  // e.g. "mps2-an500 (QEMU)", "OpenMV Cam H7"

// The link's UART. read is non-blocking: copies up to max bytes already received and returns
// how many. write blocks until every byte is queued for transmission.
size_t tt_board_link_read(uint8_t* buffer, size_t max);
void tt_board_link_write(const uint8_t* data, size_t bytes);

// A free-running 64-bit tick counter and what a tick means. mps2-an500 under QEMU:
// instructions (SysTick x 40 with -icount shift=0); real silicon: core cycles (DWT CYCCNT).
uint64_t tt_board_ticks(void);
uint64_t tt_board_ticks_per_second(void);
const char* tt_board_tick_meaning(void);

// Exact per-layer counts under QEMU: a TCG plugin (sim/plugin) counts the instructions
// between calls of this function, so it must stay a real, non-inlined call.
void tt_layer_marker(void) __attribute__((noinline));

void tt_board_watchdog_kick(void);
void tt_board_set_led(uint8_t r, uint8_t g, uint8_t b);  // no-op where there is no LED

// Ends the firmware with `code`: QEMU exits with it (semihosting); a board resets.
void tt_board_exit(int code) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_BOARD_SUPPORT_H_
