// The console printers of board_console.h, once for every board.
#include <string.h>

#include "firmware/boards/common/board_console.h"

void tt_console_putc(char c) { tt_board_console_write(&c, 1); }

void tt_console_puts(const char* s) { tt_board_console_write(s, strlen(s)); }

void tt_console_put_hex32(uint32_t value) {
  static const char hex_digits[] = "0123456789abcdef";
  char text[10] = {'0', 'x'};
  for (int i = 0; i < 8; ++i) {
    text[2 + i] = hex_digits[(value >> (28 - 4 * i)) & 0xFu];
  }
  tt_board_console_write(text, sizeof text);
}

void tt_console_put_dec32(uint32_t value) {
  char digits[10];  // 4294967295
  int n = (int)sizeof digits;
  do {
    digits[--n] = (char)('0' + value % 10u);
    value /= 10u;
  } while (value != 0);
  tt_board_console_write(digits + n, sizeof digits - (size_t)n);
}
