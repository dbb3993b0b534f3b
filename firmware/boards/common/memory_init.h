// The part of start-up every board's reset handler shares: the C runtime's memory. All the
// linker scripts name .data and .bss with the same tt_ld_* symbols.
#ifndef TT_FIRMWARE_BOARDS_COMMON_MEMORY_INIT_H_
#define TT_FIRMWARE_BOARDS_COMMON_MEMORY_INIT_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Copies .data from its load address in flash and zeroes .bss. Runs before any C code that
// uses a global, so it uses none.
void tt_memory_init_data_bss(void);
// Zeroes [start, end), word by word, for the further .bss-like sections a board may have.
void tt_memory_zero_words(uint32_t* start, uint32_t* end);

#ifdef __cplusplus
}
#endif

#endif  // TT_FIRMWARE_BOARDS_COMMON_MEMORY_INIT_H_
