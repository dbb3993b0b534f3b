// Exit codes of the firmware images. QEMU exits with them (semihosting), and
// tools/qemu/run_firmware.sh names them in its report, so they must stay in sync with it.
#ifndef TT_FIRMWARE_BOARDS_MPS2_AN500_EXIT_CODES_H_
#define TT_FIRMWARE_BOARDS_MPS2_AN500_EXIT_CODES_H_

enum TtExitCode {
  kTtExitOk = 0,
  kTtExitFailure = 1,  // the image ran to the end and reports a failed check
  kTtExitFault = 3,    // HardFault/MemManage/BusFault/UsageFault or an unexpected exception
  kTtExitAbort = 134,  // abort() (128 + SIGABRT, as a shell reports it on the host)
};

#endif  // TT_FIRMWARE_BOARDS_MPS2_AN500_EXIT_CODES_H_
