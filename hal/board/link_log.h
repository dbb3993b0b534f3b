// Log lines, the LED and a board clock, bridged to the host: log lines travel as Log frames
// (the host prints or shows them), the LED colour as Led frames (and on the board's own LED
// where it has one), and the clock reads the port's tick counter.
#pragma once

#include <cstring>

#include "hal/board/board_link.h"
#include "tt/hal/clock.h"
#include "tt/hal/led.h"
#include "tt/hal/log.h"

namespace tt::hal::board {

class LinkLog final : public Log {
 public:
  explicit LinkLog(BoardLink& link, LogLevel min_level = LogLevel::kInfo)
      : link_(link), min_(min_level) {}
  void write_line(LogLevel level, const char* text) override {
    if (level < min_) return;
    const uint8_t lv = static_cast<uint8_t>(level);
    size_t n = std::strlen(text);
    if (n > kMaxLineChars) n = kMaxLineChars;
    const link::Span pieces[2] = {{&lv, 1}, {text, n}};
    link_.send(link::MsgType::kLog, pieces, 2);
  }
  LogLevel min_level() const override { return min_; }

 private:
  BoardLink& link_;
  LogLevel min_;
};

class LinkLed final : public Led {
 public:
  using SetFn = void (*)(uint8_t r, uint8_t g, uint8_t b);
  LinkLed(BoardLink& link, SetFn board_led) : link_(link), board_led_(board_led) {}
  const char* name() const override { return "LED over link"; }
  bool has_colour() const override { return true; }
  void set_colour(const LedColour& c) override {
    if (c == colour_) return;
    colour_ = c;
    if (board_led_) board_led_(c.r, c.g, c.b);
    const uint8_t rgb[3] = {c.r, c.g, c.b};
    link_.send(link::MsgType::kLed, rgb, 3);
  }
  bool is_on() const override { return !colour_.is_black(); }
  LedColour colour() const override { return colour_; }

 private:
  BoardLink& link_;
  SetFn board_led_;
  LedColour colour_ = kLedBlack;
};

class PortClock final : public Clock {
 public:
  explicit PortClock(LinkPort& port) : port_(port) {}
  uint64_t ticks() const override { return port_.ticks(); }
  uint64_t ticks_per_second() const override { return port_.ticks_per_second(); }
  const char* tick_meaning() const override { return port_.tick_meaning(); }

 private:
  LinkPort& port_;
};

}  // namespace tt::hal::board
