// Semihosting exit for QEMU. The plain SYS_EXIT (0x18) cannot carry an exit code on
// AArch32, so this uses SYS_EXIT_EXTENDED (0x20) with a {reason, code} block.
#include "firmware/boards/mps2_an500/semihosting.h"

#include <stdint.h>

enum {
  kSysExitExtended = 0x20,
  kAdpStoppedApplicationExit = 0x20026,
};

static int32_t semihosting_call(int32_t op, const void* arg) {
  register int32_t r0 __asm__("r0") = op;
  register const void* r1 __asm__("r1") = arg;
  // BKPT 0xAB is the M-profile semihosting trap; QEMU handles it before any exception logic,
  // so it also works from a fault handler.
  __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

void tt_semihosting_exit(int code) {
  const uint32_t block[2] = {kAdpStoppedApplicationExit, (uint32_t)code};
  semihosting_call(kSysExitExtended, block);
  for (;;) {
  }
}
