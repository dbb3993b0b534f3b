// Start-up code for the mps2-an500 board: the vector table and the reset handler that brings
// the C/C++ runtime up (FPU, .data, .bss, UART, static constructors), runs main() and ends
// the emulation with main's return value as QEMU's exit code.
#include <stdint.h>
#include <stdlib.h>

#include "firmware/boards/common/memory_init.h"
#include "firmware/boards/mps2_an500/cmsdk_uart.h"

extern uint32_t tt_ld_stack_top[];  // mps2_an500.ld

// NOLINTNEXTLINE(bugprone-reserved-identifier,readability-identifier-naming): newlib's name
extern void __libc_init_array(void);
extern int main(void);

void reset_handler(void);
void tt_reset_continue(void);
void tt_fault_entry(void);  // common/fault_handler.c
void default_handler(void);

// Overridable by a strong definition elsewhere (e.g. instruction_counter.c's SysTick).
void svc_handler(void) __attribute__((weak, alias("default_handler")));
void debug_monitor_handler(void) __attribute__((weak, alias("default_handler")));
void pendsv_handler(void) __attribute__((weak, alias("default_handler")));
void systick_handler(void) __attribute__((weak, alias("default_handler")));

enum {
  kScbShcsr = 0xE000ED24u,
  kScbCcr = 0xE000ED14u,
  kShcsrFaultsEnabled = (1u << 16) | (1u << 17) | (1u << 18),  // MemManage, BusFault, Usage
  kCcrDivByZeroTrap = 1u << 4,
  kExternalIrqs = 32,  // QEMU's mps2 boards give the NVIC 32 external interrupts
};

typedef void (*VectorFn)(void);

static volatile uint32_t* reg(uint32_t address) {
  return (volatile uint32_t*)address;  // NOLINT(performance-no-int-to-ptr): a register
}

// Kept by the linker script (KEEP(.vectors), EXTERN(tt_vector_table)) and placed at 0x0.
__attribute__((section(".vectors"), used)) const VectorFn tt_vector_table[16 + kExternalIrqs] = {
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
    [16 ... 16 + kExternalIrqs - 1] = default_handler,
};

// Naked and in assembly because the FPU must be enabled (CPACR CP10/CP11 full access) before
// the first floating-point instruction, and with -mfloat-abi=hard the compiler may use FP
// registers in any C code, even for plain copies.
__attribute__((naked, noreturn)) void reset_handler(void) {
  __asm__ volatile(
      "movw r0, #0xED88\n"
      "movt r0, #0xE000\n"  // CPACR
      "ldr r1, [r0]\n"
      "orr r1, r1, #0x00F00000\n"
      "str r1, [r0]\n"
      "dsb\n"
      "isb\n"
      "b tt_reset_continue\n");
}

void tt_reset_continue(void) {
  tt_memory_init_data_bss();

  // Give each fault its own vector (otherwise everything escalates to HardFault) and trap
  // integer division by zero, which would otherwise silently yield 0.
  *reg(kScbShcsr) |= kShcsrFaultsEnabled;
  *reg(kScbCcr) |= kCcrDivByZeroTrap;

  tt_uart_init();  // before constructors, so they can print
  __libc_init_array();
  exit(main());  // flushes stdio, then _exit() ends the emulation with this code
}

// Unused exceptions and interrupts: report them like a fault instead of hanging.
__attribute__((naked)) void default_handler(void) { __asm__ volatile("b tt_fault_entry\n"); }
