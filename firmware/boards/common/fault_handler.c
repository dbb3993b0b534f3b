// Fault reporting for HardFault, MemManage, BusFault, UsageFault, NMI and any unexpected
// exception or interrupt, the same for every board: writes the exception, the fault status
// registers (CFSR, HFSR, MMFAR, BFAR) and the PC/LR stacked by the faulting code to the
// board's console, then lets the board end (tt_board_fault_exit), so a crash shows where it
// happened instead of hanging. The registers are the Cortex-M7's own, not a board's.
#include <stdint.h>

#include "firmware/boards/common/board_console.h"

void tt_fault_entry(void);
void tt_fault_report(const uint32_t* frame, uint32_t exc_return);

enum {
  kScbCfsr = 0xE000ED28u,
  kScbHfsr = 0xE000ED2Cu,
  kScbMmfar = 0xE000ED34u,
  kScbBfar = 0xE000ED38u,
  kFrameWords = 8,  // r0-r3, r12, lr, pc, xpsr
};

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

static uint32_t read_reg(uint32_t address) {
  return *(volatile const uint32_t*)address;  // NOLINT(performance-no-int-to-ptr): a register
}

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
      tt_console_putc(' ');
      tt_console_puts(flags[i].name);
    }
  }
}

static void put_field(const char* name, uint32_t value) {
  tt_console_puts(name);
  tt_console_put_hex32(value);
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
  const uint32_t cfsr = read_reg(kScbCfsr);
  const uint32_t hfsr = read_reg(kScbHfsr);

  tt_board_console_init();
  tt_console_puts("\n*** FAULT: ");
  tt_console_puts(exception_name(number));
  tt_console_puts(" (exception ");
  tt_console_put_dec32(number);
  tt_console_puts(")\n");
  put_field("*** CFSR ", cfsr);
  put_field(" HFSR ", hfsr);
  put_field(" MMFAR ", read_reg(kScbMmfar));
  put_field(" BFAR ", read_reg(kScbBfar));
  tt_console_puts("\n*** flags:");
  put_flags(cfsr, cfsr_flag_names, (int)(sizeof cfsr_flag_names / sizeof cfsr_flag_names[0]));
  put_flags(hfsr, hfsr_flag_names, (int)(sizeof hfsr_flag_names / sizeof hfsr_flag_names[0]));
  // A stack overflow leaves a frame pointer outside RAM; reading it would fault again
  // inside this handler (lock-up), so check it first.
  const uintptr_t at = (uintptr_t)frame;
  if ((at & 3u) == 0 && tt_board_ram_contains(at, kFrameWords * 4)) {
    put_field("\n*** stacked PC ", frame[6]);
    put_field(" LR ", frame[5]);
    put_field(" xPSR ", frame[7]);
  } else {
    put_field("\n*** stack frame unreadable at ", (uint32_t)at);
  }
  put_field(" EXC_RETURN ", exc_return);
  tt_board_fault_exit();
}
