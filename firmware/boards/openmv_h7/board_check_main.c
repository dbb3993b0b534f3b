// board_check_fw: proves the OpenMV Cam H7 board library links into a bootable image, and
// on a board checks it by hand: prints the board, clock and tick facts on the link UART
// (P4/P5, 921600 8N1), then echoes every received byte, cycles the RGB LED once a second
// and kicks the watchdog. A board that stops echoing, or resets (the banner reappears with
// "reset by watchdog: yes"), shows what is broken. Not run by any test here: no board.
#include <stdint.h>
#include <stdio.h>

#include "firmware/boards/board_support.h"
#include "firmware/boards/openmv_h7/clock.h"
#include "firmware/boards/openmv_h7/link_uart.h"
#include "firmware/boards/openmv_h7/openmv_h7.h"

int main(void) {
  tt_board_init();
  printf("board_check: %s, silicon rev %c, clock status %d\n", tt_board_name(),
         tt_h7_silicon_revision(), (int)tt_h7_clock_status());
  printf("core %lu Hz, APB1 %lu Hz, ticks: %s\n", (unsigned long)tt_h7_cpu_hz(),
         (unsigned long)tt_h7_pclk1_hz(), tt_board_tick_meaning());
  printf("reset flags 0x%08lx, reset by watchdog: %s\n", (unsigned long)tt_h7_reset_flags(),
         tt_h7_reset_by_watchdog() ? "yes" : "no");
  fflush(stdout);

  static const uint8_t colours[3][3] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}};
  const uint64_t second = tt_board_ticks_per_second();
  uint64_t next_blink = tt_board_ticks();
  int colour = 0;
  uint8_t buffer[64];
  for (;;) {
    tt_board_watchdog_kick();
    const size_t n = tt_board_link_read(buffer, sizeof buffer);
    if (n > 0) {
      tt_board_link_write(buffer, n);
    }
    if (tt_board_ticks() >= next_blink) {
      tt_board_set_led(colours[colour][0], colours[colour][1], colours[colour][2]);
      colour = (colour + 1) % 3;
      next_blink += second;
      tt_layer_marker();
    }
  }
}
