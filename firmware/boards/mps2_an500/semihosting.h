// Arm semihosting calls used by the board: only the exit call, which makes QEMU
// (-semihosting-config enable=on) terminate with the firmware's exit code. Other output goes
// through UART0, which also works on a real board without a debugger.
#ifndef TT_FIRMWARE_BOARDS_MPS2_AN500_SEMIHOSTING_H_
#define TT_FIRMWARE_BOARDS_MPS2_AN500_SEMIHOSTING_H_

#ifdef __cplusplus
extern "C" {
#endif

// Ends the emulation with `code` as QEMU's exit status. Never returns: without a semihosting
// host it spins, so a runner's timeout catches it.
void tt_semihosting_exit(int code) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_MPS2_AN500_SEMIHOSTING_H_
