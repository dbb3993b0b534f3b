// The board side's view of its hardware, as hal/board needs it: the link UART and a tick
// counter. The firmware's composition root implements it over firmware/boards/board_support.h;
// tests implement it over an in-memory pipe. Keeping it an interface lets the link-bridged
// devices be tested on the host exactly as they run on the board.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tt::hal::board {

class LinkPort {
 public:
  // Non-blocking: copies up to max received bytes, returns how many.
  virtual size_t read(uint8_t* out, size_t max) = 0;
  // Blocks until every byte is queued.
  virtual void write(const uint8_t* data, size_t bytes) = 0;
  virtual uint64_t ticks() const = 0;
  virtual uint64_t ticks_per_second() const = 0;
  virtual const char* tick_meaning() const = 0;
  // Called while waiting for input, so a board can kick its watchdog.
  virtual void idle() {}

 protected:
  ~LinkPort() = default;
};

}  // namespace tt::hal::board
