// Start-up code for the OpenMV Cam H7 (STM32H743): the vector table and the reset handler.
//
// The reset handler may be entered from a power-on reset, from the OpenMV bootloader's jump
// or from the ST ROM's DFU "leave": it therefore sets its own stack pointer and vector table
// and silences every interrupt a previous program may have left enabled. Then: FPU on,
// caches on (with the invalidation the Cortex-M7 needs before enabling them), .data copied
// and the .bss sections zeroed, fault traps, clocks (clock.c), C++ constructors, main().
// main's return value goes to exit(), which resets the board (tt_board_exit).
#include <stdint.h>
#include <stdlib.h>

#include "firmware/boards/common/memory_init.h"
#include "firmware/boards/openmv_h7/clock.h"
#include "firmware/boards/openmv_h7/h743_registers.h"

// Linker script symbols (openmv_h7_sections.ld); .data and .bss are memory_init.c's.
extern uint32_t tt_ld_dtcm_bss_start[], tt_ld_dtcm_bss_end[];
extern uint32_t tt_ld_sram1_3_bss_start[], tt_ld_sram1_3_bss_end[];
extern uint32_t tt_ld_sram4_bss_start[], tt_ld_sram4_bss_end[];
extern uint32_t tt_ld_stack_top[];

// NOLINTNEXTLINE(bugprone-reserved-identifier,readability-identifier-naming): newlib's name
extern void __libc_init_array(void);
extern int main(void);

void reset_handler(void);
void tt_reset_continue(void);
void tt_fault_entry(void);  // common/fault_handler.c
void default_handler(void);

// Overridden by strong definitions elsewhere (cycle_counter.c, link_uart.c).
void svc_handler(void) __attribute__((weak, alias("default_handler")));
void debug_monitor_handler(void) __attribute__((weak, alias("default_handler")));
void pendsv_handler(void) __attribute__((weak, alias("default_handler")));
void systick_handler(void) __attribute__((weak, alias("default_handler")));
void usart3_irq_handler(void) __attribute__((weak, alias("default_handler")));

enum {
  kShcsrFaultsEnabled = (1u << 16) | (1u << 17) | (1u << 18),  // MemManage, BusFault, Usage
  kCcrDivByZeroTrap = 1u << 4,
  kCcrDcache = 1u << 16,
  kCcrIcache = 1u << 17,
  kAhb2enrSram123 = (1u << 29) | (1u << 30) | (1u << 31),  // D2 SRAM1, SRAM2, SRAM3 clocks
  kVectorCount = 16 + kTtH7ExternalIrqs,
};

typedef void (*VectorFn)(void);

// Placed at the start of flash by the linker script (KEEP(.vectors)). 166 words: VTOR needs
// the table aligned to the next power of two (1 KB), which the flash origins are.
__attribute__((section(".vectors"), used)) const VectorFn tt_vector_table[kVectorCount] = {
    (VectorFn)(uintptr_t)tt_ld_stack_top,  // NOLINT(performance-no-int-to-ptr): initial MSP
    reset_handler,
    tt_fault_entry,  // NMI
    tt_fault_entry,  // HardFault
    tt_fault_entry,  // MemManage
    tt_fault_entry,  // BusFault
    tt_fault_entry,  // UsageFault
    0,
    0,
    0,
    0,
    svc_handler,
    debug_monitor_handler,
    0,
    pendsv_handler,
    systick_handler,
    [16 ... 16 + kTtH7Usart3Irq - 1] = default_handler,
    [16 + kTtH7Usart3Irq] = usart3_irq_handler,
    [16 + kTtH7Usart3Irq + 1 ... kVectorCount - 1] = default_handler,
};

// Naked and in assembly: the stack pointer must be ours before any C code (a bootloader's
// jump may not load it from the table), interrupts must stay masked until the vector table
// is ours, and with -mfloat-abi=hard the compiler may use FP registers in any C code, so
// CPACR must grant CP10/CP11 first.
__attribute__((naked, noreturn)) void reset_handler(void) {
  __asm__ volatile(
      "cpsid i\n"
      "movw r0, #:lower16:tt_ld_stack_top\n"
      "movt r0, #:upper16:tt_ld_stack_top\n"
      "msr msp, r0\n"
      "movw r0, #0xED88\n"
      "movt r0, #0xE000\n"  // CPACR
      "ldr r1, [r0]\n"
      "orr r1, r1, #0x00F00000\n"
      "str r1, [r0]\n"
      "dsb\n"
      "isb\n"
      "b tt_reset_continue\n");
}

// Disables and un-pends all 150 interrupts and stops SysTick: whatever ran before us (the
// bootloader's USB, the ROM's DFU) must not reach our handlers.
static void silence_interrupts(void) {
  *tt_h7_reg(kTtH7SysTickCsr) = 0;
  for (uint32_t i = 0; i < (kTtH7ExternalIrqs + 31u) / 32u; ++i) {
    *tt_h7_reg(kTtH7NvicIcer + 4u * i) = 0xFFFFFFFFu;
    *tt_h7_reg(kTtH7NvicIcpr + 4u * i) = 0xFFFFFFFFu;
  }
  tt_h7_dsb_isb();
}

static void enable_icache(void) {
  if (*tt_h7_reg(kTtH7ScbCcr) & kCcrIcache) {
    return;
  }
  tt_h7_dsb_isb();
  *tt_h7_reg(kTtH7ScbIciallu) = 0;  // invalidate all: its contents are undefined at reset
  tt_h7_dsb_isb();
  *tt_h7_reg(kTtH7ScbCcr) |= kCcrIcache;
  tt_h7_dsb_isb();
}

// Invalidates every line by set and way (CCSIDR gives the geometry: 4 ways x 128 sets of
// 32 bytes on the H743), then enables. A cache a bootloader already enabled is left alone:
// invalidating it would throw away dirty lines, the stack among them.
static void enable_dcache(void) {
  if (*tt_h7_reg(kTtH7ScbCcr) & kCcrDcache) {
    return;
  }
  *tt_h7_reg(kTtH7ScbCsselr) = 0;  // level 1 data cache
  tt_h7_dsb_isb();
  const uint32_t ccsidr = *tt_h7_reg(kTtH7ScbCcsidr);
  const uint32_t sets = ((ccsidr >> 13) & 0x7FFFu) + 1u;
  const uint32_t ways = ((ccsidr >> 3) & 0x3FFu) + 1u;
  const uint32_t line_shift = (ccsidr & 7u) + 4u;  // log2(bytes per line)
  const uint32_t way_shift = ways > 1u ? (uint32_t)__builtin_clz(ways - 1u) : 0u;
  for (uint32_t set = 0; set < sets; ++set) {
    for (uint32_t way = 0; way < ways; ++way) {
      *tt_h7_reg(kTtH7ScbDcisw) = (way << way_shift) | (set << line_shift);
    }
  }
  tt_h7_dsb_isb();
  *tt_h7_reg(kTtH7ScbCcr) |= kCcrDcache;
  tt_h7_dsb_isb();
}

void tt_reset_continue(void) {
  silence_interrupts();
  *tt_h7_reg(kTtH7ScbVtor) = (uint32_t)(uintptr_t)tt_vector_table;
  tt_h7_dsb_isb();

  // Erratum of revision Y (ES0392): concurrent AXI SRAM reads can return corrupt data unless
  // the AXI SRAM target issues one read at a time. .bss and the model arenas live there.
  if (tt_h7_silicon_revision() == 'Y') {
    *tt_h7_reg(kTtH7AxiTarg7FnMod) = 1u;
  }
  enable_icache();
  enable_dcache();

  tt_memory_init_data_bss();
  tt_memory_zero_words(tt_ld_dtcm_bss_start, tt_ld_dtcm_bss_end);
  // The D2 SRAMs are unclocked after reset.
  *tt_h7_reg(kTtH7RccAhb2enr) |= kAhb2enrSram123;
  (void)*tt_h7_reg(kTtH7RccAhb2enr);
  tt_memory_zero_words(tt_ld_sram1_3_bss_start, tt_ld_sram1_3_bss_end);
  tt_memory_zero_words(tt_ld_sram4_bss_start, tt_ld_sram4_bss_end);

  // Give each fault its own vector (otherwise everything escalates to HardFault) and trap
  // integer division by zero, which would otherwise silently yield 0.
  *tt_h7_reg(kTtH7ScbShcsr) |= kShcsrFaultsEnabled;
  *tt_h7_reg(kTtH7ScbCcr) |= kCcrDivByZeroTrap;

  tt_h7_clock_init();
  __asm__ volatile("cpsie i" ::: "memory");  // nothing is enabled yet; tt_board_init enables
  __libc_init_array();
  exit(main());  // flushes stdio, then _exit() ends in tt_board_exit
}

// Unused exceptions and interrupts: report them like a fault instead of hanging.
__attribute__((naked)) void default_handler(void) { __asm__ volatile("b tt_fault_entry\n"); }
