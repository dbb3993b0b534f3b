// The .data/.bss set-up the boards' reset handlers share (memory_init.h).
#include "firmware/boards/common/memory_init.h"

// Linker script symbols, word-aligned by every board's script.
extern uint32_t tt_ld_data_start[], tt_ld_data_end[], tt_ld_data_load[];
extern uint32_t tt_ld_bss_start[], tt_ld_bss_end[];

// Sizes via integers: the linker symbols are distinct objects to the compiler, so comparing
// pointers to them would be undefined behaviour.
static uintptr_t words_between(const uint32_t* start, const uint32_t* end) {
  return ((uintptr_t)end - (uintptr_t)start) / 4;
}

void tt_memory_init_data_bss(void) {
  const uintptr_t data_words = words_between(tt_ld_data_start, tt_ld_data_end);
  for (uintptr_t i = 0; i < data_words; ++i) {
    tt_ld_data_start[i] = tt_ld_data_load[i];
  }
  tt_memory_zero_words(tt_ld_bss_start, tt_ld_bss_end);
}

void tt_memory_zero_words(uint32_t* start, uint32_t* end) {
  const uintptr_t words = words_between(start, end);
  for (uintptr_t i = 0; i < words; ++i) {
    start[i] = 0;
  }
}
