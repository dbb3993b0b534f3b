// Fault reporting for HardFault, MemManage, BusFault, UsageFault, NMI and any unexpected
// exception or interrupt: writes the exception, the fault status registers (CFSR, HFSR,
// MMFAR, BFAR) and the PC/LR stacked by the faulting code to the link UART, waits until the
// last byte has left, then resets the board through AIRCR. It writes with polling only (no
// interrupts, no stdio, no heap): any of those may be what broke. Should the handler itself
// fault (a lock-up), the independent watchdog resets the board within its 2 s time-out.
#include <stdint.h>

#include "firmware/boards/openmv_h7/h743_registers.h"
#include "firmware/boards/openmv_h7/link_uart.h"

void tt_fault_entry(void);
void tt_fault_report(const uint32_t* frame, uint32_t exc_return);

enum { kFrameWords = 8 };  // r0-r3, r12, lr, pc, xpsr

typedef struct {
  uint32_t bit;
  const char* name;
} FlagName;

static const FlagName cfsr_flag_names[] = {
    {1u << 0, "IACCVIOL"},   {1u << 1, "DACCVIOL"},    {1u << 3, "MUNSTKERR"},
    {1u << 4, "MSTKERR"},    {1u << 5, "MLSPERR"},     {1u << 7, "MMARVALID"},
    {1u << 8, "IBUSERR"},    {1u << 9, "PRECISERR"},   {1u << 10, "IMPRECISERR"},
    {1u << 11, "UNSTKERR"},  {1u << 12, "STKERR"},     {1u << 13, "LSPERR"},
    {1u << 15, "BFARVALID"}, {1u << 16, "UNDEFINSTR"}, {1u << 17, "INVSTATE"},
    {1u << 18, "INVPC"},     {1u << 19, "NOCP"},       {1u << 24, "UNALIGNED"},
    {1u << 25, "DIVBYZERO"},
};
static const FlagName hfsr_flag_names[] = {
    {1u << 1, "VECTTBL"}, {1u << 30, "FORCED"}, {1u << 31, "DEBUGEVT"}};

// The RAM a stack frame can be in: DTCM, AXI SRAM, SRAM1-3, SRAM4.
static const uint32_t ram_ranges[][2] = {
    {0x20000000u, 0x20020000u},
    {0x24000000u, 0x24080000u},
    {0x30000000u, 0x30048000u},
    {0x38000000u, 0x38010000u},
};

static const char* exception_name(uint32_t number) {
  switch (number) {
    case 2:
      return "NMI";
    case 3:
      return "HardFault";
    case 4:
      return "MemManage";
    case 5:
      return "BusFault";
    case 6:
      return "UsageFault";
    case 11:
      return "SVCall";
    case 12:
      return "DebugMonitor";
    case 14:
      return "PendSV";
    case 15:
      return "SysTick";
    default:
      return number >= 16 ? "IRQ" : "reserved";
  }
}

static void put_flags(uint32_t value, const FlagName* flags, int count) {
  for (int i = 0; i < count; ++i) {
    if (value & flags[i].bit) {
      tt_h7_link_putc(' ');
      tt_h7_link_puts(flags[i].name);
    }
  }
}

static void put_field(const char* name, uint32_t value) {
  tt_h7_link_puts(name);
  tt_h7_link_put_hex32(value);
}

// A stack overflow leaves a frame pointer outside RAM; reading it would fault again inside
// this handler (lock-up), so check it first.
static int frame_readable(uintptr_t at) {
  if (at & 3u) {
    return 0;
  }
  for (unsigned i = 0; i < sizeof ram_ranges / sizeof ram_ranges[0]; ++i) {
    if (at >= ram_ranges[i][0] && at + kFrameWords * 4 <= ram_ranges[i][1]) {
      return 1;
    }
  }
  return 0;
}

// Picks the stack the faulting code used (EXC_RETURN bit 2: 0 = MSP, 1 = PSP).
__attribute__((naked)) void tt_fault_entry(void) {
  __asm__ volatile(
      "tst lr, #4\n"
      "ite eq\n"
      "mrseq r0, msp\n"
      "mrsne r0, psp\n"
      "mov r1, lr\n"
      "b tt_fault_report\n");
}

void tt_fault_report(const uint32_t* frame, uint32_t exc_return) {
  uint32_t ipsr;
  __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
  const uint32_t number = ipsr & 0x1FFu;
  const uint32_t cfsr = *tt_h7_reg(kTtH7ScbCfsr);
  const uint32_t hfsr = *tt_h7_reg(kTtH7ScbHfsr);

  tt_h7_link_init_polled();  // the fault may come before tt_board_init
  tt_h7_link_puts("\n*** FAULT: ");
  tt_h7_link_puts(exception_name(number));
  tt_h7_link_puts(" (exception ");
  tt_h7_link_put_dec32(number);
  tt_h7_link_puts(")\n");
  put_field("*** CFSR ", cfsr);
  put_field(" HFSR ", hfsr);
  put_field(" MMFAR ", *tt_h7_reg(kTtH7ScbMmfar));
  put_field(" BFAR ", *tt_h7_reg(kTtH7ScbBfar));
  tt_h7_link_puts("\n*** flags:");
  put_flags(cfsr, cfsr_flag_names, (int)(sizeof cfsr_flag_names / sizeof cfsr_flag_names[0]));
  put_flags(hfsr, hfsr_flag_names, (int)(sizeof hfsr_flag_names / sizeof hfsr_flag_names[0]));
  const uintptr_t at = (uintptr_t)frame;
  if (frame_readable(at)) {
    put_field("\n*** stacked PC ", frame[6]);
    put_field(" LR ", frame[5]);
    put_field(" xPSR ", frame[7]);
  } else {
    put_field("\n*** stack frame unreadable at ", (uint32_t)at);
  }
  put_field(" EXC_RETURN ", exc_return);
  tt_h7_link_puts("\n*** resetting\n");
  tt_h7_link_flush();
  tt_h7_system_reset();
}
