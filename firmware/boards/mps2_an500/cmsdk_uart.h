// Polled driver for the CMSDK APB UART0 of the mps2-an500 (0x40004000), which QEMU connects
// to its first serial port (stdout with -nographic). The board's console (board_console.c)
// writes here: newlib's _write and the fault report (boards/common), which must not
// re-enter stdio.
#ifndef TT_FIRMWARE_BOARDS_MPS2_AN500_CMSDK_UART_H_
#define TT_FIRMWARE_BOARDS_MPS2_AN500_CMSDK_UART_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Enables the transmitter and receiver at 115200 baud. Idempotent; called at reset.
void tt_uart_init(void);
// Blocks while the transmit buffer is full.
void tt_uart_putc(char c);
void tt_uart_write(const char* data, size_t size);
// Non-blocking receive: copies up to max bytes already received (QEMU holds one byte at a
// time in the data register and delivers the next once it is read). Returns the count.
size_t tt_uart_read(uint8_t* out, size_t max);

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_MPS2_AN500_CMSDK_UART_H_
