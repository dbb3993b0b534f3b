// What the OpenMV Cam H7 board offers beyond board_support.h, for board-specific code such
// as board_check_fw: why the board last reset and how the clock set-up went.
#ifndef TT_FIRMWARE_BOARDS_OPENMV_H7_OPENMV_H7_H_
#define TT_FIRMWARE_BOARDS_OPENMV_H7_OPENMV_H7_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { kTtH7WatchdogTimeoutMs = 2000 };

// RCC_RSR as tt_board_init found it (then cleared, so the next reset reports afresh).
uint32_t tt_h7_reset_flags(void);
int tt_h7_reset_by_watchdog(void);  // IWDG1RSTF

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_OPENMV_H7_OPENMV_H7_H_
