// board_console.h for qemu-system-arm -M mps2-an500: the console is UART0 (QEMU's stdout
// with -nographic), and a fault ends the emulation through semihosting with kTtExitFault,
// so a test runner sees a crash and where it happened instead of a hang.
#include "firmware/boards/common/board_console.h"

#include "firmware/boards/mps2_an500/cmsdk_uart.h"
#include "firmware/boards/mps2_an500/exit_codes.h"
#include "firmware/boards/mps2_an500/semihosting.h"

enum {
  kRamStart = 0x20000000u,  // the 4 MB SRAM that holds .data, .bss, the heap and the stack
  kRamEnd = 0x20400000u,
};

void tt_board_console_init(void) { tt_uart_init(); }

void tt_board_console_write(const char* data, size_t bytes) { tt_uart_write(data, bytes); }

int tt_board_ram_contains(uintptr_t address, size_t bytes) {
  return address >= kRamStart && address <= kRamEnd && bytes <= kRamEnd - address;
}

void tt_board_fault_exit(void) {
  tt_console_puts("\n*** exiting with code ");
  tt_console_put_dec32(kTtExitFault);
  tt_console_putc('\n');
  tt_semihosting_exit(kTtExitFault);
}
