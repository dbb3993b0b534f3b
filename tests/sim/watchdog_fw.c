// A firmware that brings the board up (which starts the watchdog) and then hangs without
// kicking it: the watchdog must fire, the fault handler report it over the UART and the
// firmware exit with the fault code, instead of hanging forever.
#include "firmware/boards/board_support.h"

int main(void) {
  tt_board_init();
  for (;;) {
    __asm__ volatile("nop");
  }
}
