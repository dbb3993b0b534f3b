// board_console.h for the OpenMV Cam H7: the console is the link UART (USART3), and a fault
// ends in a reset through AIRCR once the report's last byte has left the pin: a board has
// nowhere to exit to. Should the fault report itself fault (a lock-up), the independent
// watchdog resets the board within its 2 s time-out.
#include "firmware/boards/common/board_console.h"

#include "firmware/boards/openmv_h7/h743_registers.h"
#include "firmware/boards/openmv_h7/link_uart.h"

// The RAM a stack frame can be in: DTCM, AXI SRAM, SRAM1-3, SRAM4.
static const uintptr_t ram_ranges[][2] = {
    {0x20000000u, 0x20020000u},
    {0x24000000u, 0x24080000u},
    {0x30000000u, 0x30048000u},
    {0x38000000u, 0x38010000u},
};

// Polled set-up only: the fault may come before tt_board_init, or with interrupts unusable.
void tt_board_console_init(void) { tt_h7_link_init_polled(); }

void tt_board_console_write(const char* data, size_t bytes) {
  tt_h7_link_write((const uint8_t*)data, bytes);
}

int tt_board_ram_contains(uintptr_t address, size_t bytes) {
  for (size_t i = 0; i < sizeof ram_ranges / sizeof ram_ranges[0]; ++i) {
    const uintptr_t start = ram_ranges[i][0];
    const uintptr_t end = ram_ranges[i][1];
    if (address >= start && address <= end && bytes <= end - address) {
      return 1;
    }
  }
  return 0;
}

// Resets at once, not through tt_board_exit: its red-LED second relies on the tick counter
// and the LED, which may be what broke.
void tt_board_fault_exit(void) {
  tt_console_puts("\n*** resetting\n");
  tt_h7_link_flush();
  tt_h7_system_reset();
}
