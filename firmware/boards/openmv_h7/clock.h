// Power and clock set-up of the STM32H743 on the OpenMV Cam H7, and the frequencies the
// rest of the board derives from it (the cycle counter's ticks per second, USART3's baud
// divider).
//
// Target: the 12 MHz crystal (HSE) into PLL1 (/3 = 4 MHz reference, x240 or x200, /2):
//   silicon revision V: 480 MHz core in voltage scale VOS0 (LDO, VOS1 + SYSCFG ODEN);
//   revision Y (early boards): 400 MHz in VOS1, its maximum.
// AHB/AXI = core/2 (240 or 200 MHz), APB1..4 = AHB/2 (120 or 100 MHz). Flash: 4 wait states
// with WRHIGHFREQ = 2, enough for a 240 MHz AXI clock in VOS0 and more than enough at 200.
// If the crystal or the PLL does not come up within its time-out the core stays on the
// 64 MHz HSI; the frequencies below are always read back from the RCC registers, never
// assumed, so the ticks and the baud rate stay right either way (also when a bootloader
// left the clocks configured).
#ifndef TT_FIRMWARE_BOARDS_OPENMV_H7_CLOCK_H_
#define TT_FIRMWARE_BOARDS_OPENMV_H7_CLOCK_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  kTtH7ClockPll = 0,        // running from PLL1 as planned
  kTtH7ClockNoHse = 1,      // the crystal did not start: HSI
  kTtH7ClockNoPll = 2,      // PLL1 did not lock: HSI
  kTtH7ClockNoVoltage = 3,  // the regulator did not reach the voltage scale: HSI
} TtH7ClockStatus;

// Called once by the reset handler, after .data/.bss.
TtH7ClockStatus tt_h7_clock_init(void);
TtH7ClockStatus tt_h7_clock_status(void);

// Read back from the RCC: the core clock (what DWT CYCCNT and SysTick count) and the APB1
// clock (USART3's kernel clock).
uint32_t tt_h7_cpu_hz(void);
uint32_t tt_h7_pclk1_hz(void);

// Silicon revision from DBGMCU_IDC: 'V' (0x2003), 'Y' (0x1003) or '?'.
char tt_h7_silicon_revision(void);

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_OPENMV_H7_CLOCK_H_
