// CMSDK APB UART0 driver (polled, transmit-focused). Register map from DESIGN.md section 6.
#include "firmware/boards/mps2_an500/cmsdk_uart.h"

enum {
  kUartBase = 0x40004000u,
  kStateTxFull = 1u << 0,
  kStateRxFull = 1u << 1,
  kCtrlTxEnable = 1u << 0,
  kCtrlRxEnable = 1u << 1,
  kSystemClockHz = 25000000u,  // mps2-an500 SYSCLK
  kBaud = 115200u,
};

typedef struct {
  volatile uint32_t data;     // +0x00
  volatile uint32_t state;    // +0x04
  volatile uint32_t ctrl;     // +0x08
  volatile uint32_t intstat;  // +0x0C
  volatile uint32_t bauddiv;  // +0x10
} CmsdkUart;

static CmsdkUart* uart0(void) {
  return (CmsdkUart*)kUartBase;  // NOLINT(performance-no-int-to-ptr): a peripheral
}

void tt_uart_init(void) {
  // With TX disabled, QEMU keeps a written character and TX-full set forever, so the polled
  // writer below would hang: enable TX first. The divider (>= 16 on a real CMSDK UART) does
  // not matter to QEMU but does on hardware.
  uart0()->bauddiv = kSystemClockHz / kBaud;
  uart0()->ctrl = kCtrlTxEnable | kCtrlRxEnable;
}

void tt_uart_putc(char c) {
  while (uart0()->state & kStateTxFull) {
  }
  uart0()->data = (uint8_t)c;
}

void tt_uart_write(const char* data, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    tt_uart_putc(data[i]);
  }
}

size_t tt_uart_read(uint8_t* out, size_t max) {
  size_t n = 0;
  while (n < max && (uart0()->state & kStateRxFull)) {
    out[n++] = (uint8_t)uart0()->data;
  }
  return n;
}
