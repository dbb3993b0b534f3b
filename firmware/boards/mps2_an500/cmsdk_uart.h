// Polled driver for the CMSDK APB UART0 of the mps2-an500 (0x40004000), which QEMU connects
// to its first serial port (stdout with -nographic). newlib's _write sends printf here; the
// fault handler and _sbrk use the raw helpers directly because they must not re-enter stdio.
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
void tt_uart_puts(const char* s);  // no newline added
// Non-blocking receive: copies up to max bytes already received (QEMU holds one byte at a
// time in the data register and delivers the next once it is read). Returns the count.
size_t tt_uart_read(uint8_t* out, size_t max);
// Fixed-width "0x%08x" and unsigned decimal, without printf.
void tt_uart_put_hex32(uint32_t value);
void tt_uart_put_dec32(uint32_t value);

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_MPS2_AN500_CMSDK_UART_H_
