// The link UART of the OpenMV Cam H7: USART3 on the expansion header, P4 = PB10 (TX) and
// P5 = PB11 (RX), alternate function 7, 921600 baud 8N1.
//
// Kernel clock: APB1 (rcc_pclk1, the reset default of D2CCIP2R.USART234578SEL), 120 MHz at
// 480 MHz core or 100 MHz at 400 MHz. With 16x oversampling the divider is 130 (+0.16 %) or
// 109 (-0.45 %), well inside the receiver's tolerance; the 64 MHz HSI kernel clock would
// give 69 (+0.64 %). The divider is computed from the clock read back at init, so it stays
// right if the clock set-up fell back to HSI.
//
// Receive: the RX-FIFO-not-empty interrupt drains the hardware FIFO into a 16 KB ring, so a
// host can send a whole link frame (up to 8 KB of payload) while an inference runs; bytes
// that find the ring full are dropped and counted. Transmit: polled, one byte per free
// transmit FIFO slot. The polled set-up and writes need no interrupts and no heap, for the
// fault report (boards/common over board_console.c).
#ifndef TT_FIRMWARE_BOARDS_OPENMV_H7_LINK_UART_H_
#define TT_FIRMWARE_BOARDS_OPENMV_H7_LINK_UART_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { kTtH7LinkBaud = 921600, kTtH7LinkRxRingBytes = 16384 };

// Pins, clock, divider, FIFO, receiver interrupt. Safe to call again (re-initialises).
void tt_h7_link_init(void);
// Polled-only set-up for the fault handler: does nothing if USART3 is already enabled.
void tt_h7_link_init_polled(void);

size_t tt_h7_link_read(uint8_t* buffer, size_t max);  // non-blocking
void tt_h7_link_write(const uint8_t* data, size_t bytes);
void tt_h7_link_putc(char c);
void tt_h7_link_flush(void);  // waits until the last bit has left the pin

uint32_t tt_h7_link_rx_dropped(void);  // bytes lost to a full ring or a hardware overrun

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_OPENMV_H7_LINK_UART_H_
