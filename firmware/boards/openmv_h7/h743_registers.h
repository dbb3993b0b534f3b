// The STM32H743 and Cortex-M7 registers the OpenMV Cam H7 board code touches, by address.
// Addresses and bit positions come from ST's reference manual RM0433 (STM32H742/743/750/753)
// and Arm's Cortex-M7 technical reference manual; only what this board uses is named, and
// the board code reads and writes them through tt_h7_reg() so that every access is volatile
// and every address is visible in one place.
#ifndef TT_FIRMWARE_BOARDS_OPENMV_H7_H743_REGISTERS_H_
#define TT_FIRMWARE_BOARDS_OPENMV_H7_H743_REGISTERS_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
  // Cortex-M7 system control space.
  kTtH7SysTickCsr = 0xE000E010u,
  kTtH7SysTickRvr = 0xE000E014u,
  kTtH7SysTickCvr = 0xE000E018u,
  kTtH7NvicIser = 0xE000E100u,  // + 4 per 32 interrupts
  kTtH7NvicIcer = 0xE000E180u,
  kTtH7NvicIcpr = 0xE000E280u,
  kTtH7NvicIpr = 0xE000E400u,  // one byte per interrupt
  kTtH7ScbIcsr = 0xE000ED04u,
  kTtH7ScbVtor = 0xE000ED08u,
  kTtH7ScbAircr = 0xE000ED0Cu,
  kTtH7ScbCcr = 0xE000ED14u,
  kTtH7ScbShcsr = 0xE000ED24u,
  kTtH7ScbCfsr = 0xE000ED28u,
  kTtH7ScbHfsr = 0xE000ED2Cu,
  kTtH7ScbMmfar = 0xE000ED34u,
  kTtH7ScbBfar = 0xE000ED38u,
  kTtH7ScbCcsidr = 0xE000ED80u,
  kTtH7ScbCsselr = 0xE000ED84u,
  kTtH7ScbIciallu = 0xE000EF50u,
  kTtH7ScbDcisw = 0xE000EF60u,
  kTtH7DemCr = 0xE000EDFCu,
  kTtH7DwtCtrl = 0xE0001000u,
  kTtH7DwtCyccnt = 0xE0001004u,
  kTtH7DwtLar = 0xE0001FB0u,

  // RCC (reset and clock control), D3 domain.
  kTtH7Rcc = 0x58024400u,
  kTtH7RccCr = kTtH7Rcc + 0x00u,
  kTtH7RccCfgr = kTtH7Rcc + 0x10u,
  kTtH7RccD1cfgr = kTtH7Rcc + 0x18u,
  kTtH7RccD2cfgr = kTtH7Rcc + 0x1Cu,
  kTtH7RccD3cfgr = kTtH7Rcc + 0x20u,
  kTtH7RccPllckselr = kTtH7Rcc + 0x28u,
  kTtH7RccPllcfgr = kTtH7Rcc + 0x2Cu,
  kTtH7RccPll1divr = kTtH7Rcc + 0x30u,
  kTtH7RccPll1fracr = kTtH7Rcc + 0x34u,
  kTtH7RccD2ccip2r = kTtH7Rcc + 0x54u,
  kTtH7RccRsr = kTtH7Rcc + 0xD0u,
  kTtH7RccAhb2enr = kTtH7Rcc + 0xDCu,
  kTtH7RccAhb4enr = kTtH7Rcc + 0xE0u,
  kTtH7RccApb1lenr = kTtH7Rcc + 0xE8u,
  kTtH7RccApb4enr = kTtH7Rcc + 0xF4u,

  kTtH7PwrCr3 = 0x58024800u + 0x0Cu,
  kTtH7PwrCsr1 = 0x58024800u + 0x04u,
  kTtH7PwrD3cr = 0x58024800u + 0x18u,
  kTtH7SyscfgPwrcr = 0x58000400u + 0x2Cu,
  kTtH7FlashAcr = 0x52002000u,
  kTtH7DbgmcuIdc = 0x5C001000u,
  // AXI interconnect: read issuing capability of the AXI SRAM target (erratum, rev Y).
  kTtH7AxiTarg7FnMod = 0x51008108u,

  kTtH7Iwdg1 = 0x58004800u,
  kTtH7GpioB = 0x58020400u,
  kTtH7GpioC = 0x58020800u,
  kTtH7Usart3 = 0x40004800u,

  // GPIO register offsets.
  kTtH7GpioModer = 0x00u,
  kTtH7GpioOtyper = 0x04u,
  kTtH7GpioOspeedr = 0x08u,
  kTtH7GpioPupdr = 0x0Cu,
  kTtH7GpioBsrr = 0x18u,
  kTtH7GpioAfrh = 0x24u,

  kTtH7Usart3Irq = 39,  // USART3 global interrupt, position 39 of the NVIC
  kTtH7ExternalIrqs = 150,
};

static inline volatile uint32_t* tt_h7_reg(uint32_t address) {
  return (volatile uint32_t*)address;  // NOLINT(performance-no-int-to-ptr): a register
}

static inline void tt_h7_dsb_isb(void) { __asm__ volatile("dsb 0xF\nisb 0xF" ::: "memory"); }

// Masks interrupts and returns the previous PRIMASK, for short critical sections.
static inline uint32_t tt_h7_irq_save(void) {
  uint32_t primask;
  __asm__ volatile("mrs %0, primask\ncpsid i" : "=r"(primask)::"memory");
  return primask;
}

static inline void tt_h7_irq_restore(uint32_t primask) {
  __asm__ volatile("msr primask, %0" ::"r"(primask) : "memory");
}

// System reset through SCB AIRCR (VECTKEY 0x05FA, SYSRESETREQ), keeping the priority
// grouping; the core resets the whole chip. Waits for it after the barrier.
static inline void tt_h7_system_reset(void) __attribute__((noreturn));
static inline void tt_h7_system_reset(void) {
  __asm__ volatile("dsb 0xF" ::: "memory");
  *tt_h7_reg(kTtH7ScbAircr) = (0x05FAu << 16) | (*tt_h7_reg(kTtH7ScbAircr) & 0x700u) | (1u << 2);
  __asm__ volatile("dsb 0xF" ::: "memory");
  for (;;) {
  }
}

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_OPENMV_H7_H743_REGISTERS_H_
