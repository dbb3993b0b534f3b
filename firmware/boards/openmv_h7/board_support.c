// board_support.h for the OpenMV Cam H7: the link on USART3 (link_uart.c), core cycles as
// ticks (cycle_counter.c), the independent watchdog IWDG1, the RGB LED, and the end of the
// firmware (a reset). The clocks, caches and FPU are already up (startup.c, clock.c).
#include "firmware/boards/board_support.h"

#include "firmware/boards/openmv_h7/clock.h"
#include "firmware/boards/openmv_h7/cycle_counter.h"
#include "firmware/boards/openmv_h7/h743_registers.h"
#include "firmware/boards/openmv_h7/link_uart.h"
#include "firmware/boards/openmv_h7/openmv_h7.h"

enum {
  // IWDG1 runs from the 32 kHz LSI, which starting it switches on. /32 gives 1 ms per count,
  // so the reload value is the time-out in milliseconds minus one.
  kIwdgKr = kTtH7Iwdg1 + 0x00u,
  kIwdgPr = kTtH7Iwdg1 + 0x04u,
  kIwdgRlr = kTtH7Iwdg1 + 0x08u,
  kIwdgSr = kTtH7Iwdg1 + 0x0Cu,
  kIwdgKeyStart = 0xCCCCu,
  kIwdgKeyUnlock = 0x5555u,
  kIwdgKeyReload = 0xAAAAu,
  kIwdgPrescalerDiv32 = 3u,
  kIwdgUpdateLoops = 1000000u,  // the LSI domain takes a few of its cycles to take the values

  kRsrRemoveFlags = 1u << 16,  // RMVF
  kRsrIwdg1 = 1u << 26,        // IWDG1RSTF

  // RGB LED: PC0 red, PC1 green, PC2 blue, each lit by driving the pin low.
  kAhb4enrGpiocen = 1u << 2,
  kLedPins = 0x7u,
};

static uint32_t g_reset_flags;
static int g_led_ready;

static void set_field(uint32_t address, uint32_t mask, uint32_t value) {
  volatile uint32_t* r = tt_h7_reg(address);
  *r = (*r & ~mask) | value;
}

static void watchdog_start(void) {
  *tt_h7_reg(kIwdgKr) = kIwdgKeyStart;
  *tt_h7_reg(kIwdgKr) = kIwdgKeyUnlock;
  *tt_h7_reg(kIwdgPr) = kIwdgPrescalerDiv32;
  *tt_h7_reg(kIwdgRlr) = kTtH7WatchdogTimeoutMs - 1u;
  for (uint32_t i = 0; i < kIwdgUpdateLoops && *tt_h7_reg(kIwdgSr) != 0; ++i) {
  }
  *tt_h7_reg(kIwdgKr) = kIwdgKeyReload;
}

static void led_init(void) {
  *tt_h7_reg(kTtH7RccAhb4enr) |= kAhb4enrGpiocen;
  (void)*tt_h7_reg(kTtH7RccAhb4enr);
  *tt_h7_reg(kTtH7GpioC + kTtH7GpioBsrr) = kLedPins;  // high = off, before they drive
  set_field(kTtH7GpioC + kTtH7GpioOtyper, kLedPins, 0);
  set_field(kTtH7GpioC + kTtH7GpioOspeedr, 0x3Fu, 0);  // low speed: an LED
  set_field(kTtH7GpioC + kTtH7GpioPupdr, 0x3Fu, 0);
  set_field(kTtH7GpioC + kTtH7GpioModer, 0x3Fu, 0x15u);  // 01: output, pins 0..2
  g_led_ready = 1;
}

void tt_board_init(void) {
  g_reset_flags = *tt_h7_reg(kTtH7RccRsr);
  *tt_h7_reg(kTtH7RccRsr) |= kRsrRemoveFlags;
  tt_h7_link_init();
  led_init();
  tt_h7_ticks_start();
  watchdog_start();
}

uint32_t tt_h7_reset_flags(void) { return g_reset_flags; }
int tt_h7_reset_by_watchdog(void) { return (g_reset_flags & kRsrIwdg1) != 0; }

const char* tt_board_name(void) { return "OpenMV Cam H7 (STM32H743)"; }

size_t tt_board_link_read(uint8_t* buffer, size_t max) { return tt_h7_link_read(buffer, max); }

void tt_board_link_write(const uint8_t* data, size_t bytes) { tt_h7_link_write(data, bytes); }

uint64_t tt_board_ticks(void) { return tt_h7_ticks(); }
uint64_t tt_board_ticks_per_second(void) { return tt_h7_cpu_hz(); }
const char* tt_board_tick_meaning(void) { return tt_h7_tick_meaning(); }

// On silicon the marker only has to exist; QEMU's counting plugin does not run here.
void tt_layer_marker(void) { __asm__ volatile("" ::: "memory"); }

void tt_board_watchdog_kick(void) { *tt_h7_reg(kIwdgKr) = kIwdgKeyReload; }

// Each colour channel is a pin, on or off. A channel lights when it is at least half of the
// brightest one, so any non-black colour lights something and mixtures keep their hue
// (orange 255,128,0 shows red + green).
void tt_board_set_led(uint8_t r, uint8_t g, uint8_t b) {
  if (!g_led_ready) {
    led_init();
  }
  const uint8_t brightest = r > g ? (r > b ? r : b) : (g > b ? g : b);
  const uint8_t levels[3] = {r, g, b};
  uint32_t lit = 0;
  for (int i = 0; i < 3; ++i) {
    if (levels[i] != 0 && 2u * levels[i] >= brightest) {
      lit |= 1u << i;
    }
  }
  // BSRR: the low half sets pins (off), the high half resets them (on).
  *tt_h7_reg(kTtH7GpioC + kTtH7GpioBsrr) = (kLedPins & ~lit) | (lit << 16);
}

// A board has nowhere to return to: it resets and the firmware starts again. A failure code
// first shows red for about a second so a person sees it (the watchdog may cut that short;
// it resets just the same).
void tt_board_exit(int code) {
  tt_h7_link_flush();
  if (code != 0) {
    tt_board_set_led(255, 0, 0);
    const uint64_t end = tt_h7_ticks() + tt_h7_cpu_hz();
    while (tt_h7_ticks() < end) {
    }
  }
  tt_h7_system_reset();
}
