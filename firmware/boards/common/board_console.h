// The console under the board-neutral code in firmware/boards/common (newlib's syscalls and
// the fault report). Each board implements the tt_board_* functions in its board_console.c;
// the tt_console_* printers are shared (console_print.c). Everything here is polled and uses
// no heap, no stdio and no interrupts: the fault report runs when any of those may be what
// broke.
#ifndef TT_FIRMWARE_BOARDS_COMMON_BOARD_CONSOLE_H_
#define TT_FIRMWARE_BOARDS_COMMON_BOARD_CONSOLE_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Makes the console writable from any state: a fault may come before start-up set it up.
// Leaves a working console as it is.
void tt_board_console_init(void);
// Blocks until every byte is queued for transmission.
void tt_board_console_write(const char* data, size_t bytes);
// Whether [address, address + bytes) lies inside one RAM region, so reading it cannot fault.
int tt_board_ram_contains(uintptr_t address, size_t bytes);
// Ends the firmware after a fault report, first writing the report's last line, which says
// how: a runner needs the exit code, a person needs to know the board resets.
void tt_board_fault_exit(void) __attribute__((noreturn));

// Over tt_board_console_write, without printf (it may be the caller or the thing broken).
void tt_console_putc(char c);
void tt_console_puts(const char* s);        // no newline added
void tt_console_put_hex32(uint32_t value);  // "0x%08x"
void tt_console_put_dec32(uint32_t value);

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_COMMON_BOARD_CONSOLE_H_
