// USART3 link driver (see link_uart.h): pins, divider, FIFO mode, the receive ring filled by
// the interrupt, polled transmit.
#include "firmware/boards/openmv_h7/link_uart.h"

#include "firmware/boards/openmv_h7/clock.h"
#include "firmware/boards/openmv_h7/h743_registers.h"

enum {
  kCr1 = kTtH7Usart3 + 0x00u,
  kCr2 = kTtH7Usart3 + 0x04u,
  kCr3 = kTtH7Usart3 + 0x08u,
  kBrr = kTtH7Usart3 + 0x0Cu,
  kIsr = kTtH7Usart3 + 0x1Cu,
  kIcr = kTtH7Usart3 + 0x20u,
  kRdr = kTtH7Usart3 + 0x24u,
  kTdr = kTtH7Usart3 + 0x28u,
  kPresc = kTtH7Usart3 + 0x2Cu,

  kCr1Ue = 1u << 0,
  kCr1Re = 1u << 2,
  kCr1Te = 1u << 3,
  kCr1Rxfneie = 1u << 5,
  kCr1Fifoen = 1u << 29,  // writable only while UE = 0
  kIsrErrors = 0xFu,      // PE, FE, NE, ORE; ICR clears them at the same positions
  kIsrOre = 1u << 3,
  kIsrRxfne = 1u << 5,
  kIsrTc = 1u << 6,
  kIsrTxfnf = 1u << 7,

  kAhb4enrGpioben = 1u << 1,
  kApb1lenrUsart3en = 1u << 18,
  kUsart3KernelClockMask = 7u,  // D2CCIP2R.USART234578SEL: 000 = rcc_pclk1
  kPinTx = 10,                  // PB10
  kPinRx = 11,                  // PB11
  kAlternateFunction = 7,
  kFallbackKernelHz = 64000000u,
  kFlushLoops = 4000000u,  // > 10 bytes at 921600 baud on a 480 MHz core
};

_Static_assert((kTtH7LinkRxRingBytes & (kTtH7LinkRxRingBytes - 1)) == 0,
               "the ring indexes with a mask");

// Free-running indices: head - tail is the fill level, also across 2^32 wraps.
static uint8_t g_ring[kTtH7LinkRxRingBytes];
static volatile uint32_t g_head;  // written only by the interrupt
static volatile uint32_t g_tail;  // written only by the reader
static volatile uint32_t g_dropped;

void usart3_irq_handler(void);  // overrides startup.c's weak alias

static void memory_barrier(void) { __asm__ volatile("dmb 0xF" ::: "memory"); }

static void set_field(uint32_t address, uint32_t mask, uint32_t value) {
  volatile uint32_t* r = tt_h7_reg(address);
  *r = (*r & ~mask) | value;
}

static void configure_pins(void) {
  *tt_h7_reg(kTtH7RccAhb4enr) |= kAhb4enrGpioben;
  (void)*tt_h7_reg(kTtH7RccAhb4enr);  // the port is clocked once the write has landed
  const uint32_t two_bits = (3u << (2 * kPinTx)) | (3u << (2 * kPinRx));
  set_field(kTtH7GpioB + kTtH7GpioAfrh, (0xFu << 4 * (kPinTx - 8)) | (0xFu << 4 * (kPinRx - 8)),
            ((uint32_t)kAlternateFunction << 4 * (kPinTx - 8)) |
                ((uint32_t)kAlternateFunction << 4 * (kPinRx - 8)));
  set_field(kTtH7GpioB + kTtH7GpioOtyper, (1u << kPinTx) | (1u << kPinRx), 0);  // push-pull
  set_field(kTtH7GpioB + kTtH7GpioOspeedr, two_bits,
            (1u << (2 * kPinTx)) | (1u << (2 * kPinRx)));  // medium: ample for 1 Mbaud
  // Pull-up on RX so an unconnected header reads idle instead of noise.
  set_field(kTtH7GpioB + kTtH7GpioPupdr, two_bits, 1u << (2 * kPinRx));
  set_field(kTtH7GpioB + kTtH7GpioModer, two_bits, (2u << (2 * kPinTx)) | (2u << (2 * kPinRx)));
}

static void configure(int receive_interrupt) {
  configure_pins();
  set_field(kTtH7RccD2ccip2r, kUsart3KernelClockMask, 0);
  *tt_h7_reg(kTtH7RccApb1lenr) |= kApb1lenrUsart3en;
  (void)*tt_h7_reg(kTtH7RccApb1lenr);

  *tt_h7_reg(kCr1) = 0;  // UE = 0: FIFOEN and the frame format can be written
  const uint32_t kernel_hz = tt_h7_pclk1_hz() ? tt_h7_pclk1_hz() : kFallbackKernelHz;
  *tt_h7_reg(kPresc) = 0;
  *tt_h7_reg(kCr2) = 0;  // 1 stop bit
  *tt_h7_reg(kCr3) = 0;
  *tt_h7_reg(kBrr) = (kernel_hz + kTtH7LinkBaud / 2u) / kTtH7LinkBaud;  // 16x oversampling
  *tt_h7_reg(kIcr) = kIsrErrors;
  const uint32_t cr1 = kCr1Fifoen | kCr1Te | kCr1Re | (receive_interrupt ? kCr1Rxfneie : 0);
  *tt_h7_reg(kCr1) = cr1;  // 8 data bits, no parity (M, PCE = 0)
  *tt_h7_reg(kCr1) = cr1 | kCr1Ue;
}

void tt_h7_link_init(void) {
  const uint32_t bit = 1u << (kTtH7Usart3Irq % 32);
  *tt_h7_reg(kTtH7NvicIcer + 4u * (kTtH7Usart3Irq / 32)) = bit;
  tt_h7_dsb_isb();
  g_head = 0;
  g_tail = 0;
  g_dropped = 0;
  configure(1);
  // Priority 0x80 of 0x00..0xF0 (4 bits): below faults, so the fault handler is never
  // interrupted, and the same level as SysTick, so neither delays the other for long.
  *((volatile uint8_t*)tt_h7_reg(kTtH7NvicIpr + kTtH7Usart3Irq)) = 0x80u;
  *tt_h7_reg(kTtH7NvicIcpr + 4u * (kTtH7Usart3Irq / 32)) = bit;
  *tt_h7_reg(kTtH7NvicIser + 4u * (kTtH7Usart3Irq / 32)) = bit;
}

void tt_h7_link_init_polled(void) {
  if (*tt_h7_reg(kCr1) & kCr1Ue) {
    return;
  }
  configure(0);
}

void usart3_irq_handler(void) {
  uint32_t isr = *tt_h7_reg(kIsr);
  while (isr & kIsrRxfne) {
    const uint8_t byte = (uint8_t)*tt_h7_reg(kRdr);
    const uint32_t head = g_head;
    if (head - g_tail < kTtH7LinkRxRingBytes) {
      g_ring[head & (kTtH7LinkRxRingBytes - 1u)] = byte;
      memory_barrier();  // the byte before the index that publishes it
      g_head = head + 1u;
    } else {
      g_dropped = g_dropped + 1u;
    }
    isr = *tt_h7_reg(kIsr);
  }
  // An overrun loses the byte that found the hardware FIFO full; framing and noise errors
  // keep theirs. Clear all of them, or the interrupt would fire again at once.
  if (isr & kIsrErrors) {
    if (isr & kIsrOre) {
      g_dropped = g_dropped + 1u;
    }
    *tt_h7_reg(kIcr) = kIsrErrors;
  }
}

size_t tt_h7_link_read(uint8_t* buffer, size_t max) {
  const uint32_t tail = g_tail;
  const uint32_t available = g_head - tail;
  const size_t n = available < max ? available : max;
  memory_barrier();  // the index before the bytes it announces
  for (size_t i = 0; i < n; ++i) {
    buffer[i] = g_ring[(tail + i) & (kTtH7LinkRxRingBytes - 1u)];
  }
  memory_barrier();  // the copies before the index that frees their slots
  g_tail = tail + (uint32_t)n;
  return n;
}

void tt_h7_link_putc(char c) {
  while (!(*tt_h7_reg(kIsr) & kIsrTxfnf)) {
  }
  *tt_h7_reg(kTdr) = (uint8_t)c;
}

void tt_h7_link_write(const uint8_t* data, size_t bytes) {
  for (size_t i = 0; i < bytes; ++i) {
    tt_h7_link_putc((char)data[i]);
  }
}

void tt_h7_link_flush(void) {
  // TC: the transmit FIFO is empty and the last stop bit has been sent. Bounded, in case
  // the transmitter was never enabled.
  for (uint32_t i = 0; i < kFlushLoops && !(*tt_h7_reg(kIsr) & kIsrTc); ++i) {
  }
}

uint32_t tt_h7_link_rx_dropped(void) { return g_dropped; }
