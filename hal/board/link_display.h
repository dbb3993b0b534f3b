// The board's LCD: an RGB565 framebuffer in board memory whose changed regions are sent to
// the host on flush (LcdRegion frames, then one LcdFlush with the whole rectangle), so the
// host's view of the LCD is exactly the firmware's pixels.
#pragma once

#include "hal/board/board_link.h"
#include "tt/hal/display.h"

namespace tt::hal::board {

class LinkDisplay final : public Display {
 public:
  // pixels: width * height RGB565 values owned by the caller.
  LinkDisplay(BoardLink& link, uint16_t* pixels, int width, int height);

  const char* name() const override { return "LCD over link"; }
  Surface surface() override;
  void mark_dirty(const Rect& r) override;
  Rect dirty() const override { return dirty_; }
  HalStatus flush() override;
  HalStatus flush_region(const Rect& r) override;

  uint32_t bytes_sent() const { return bytes_sent_; }

  // Rate limit (0: off): flushes closer than min_interval_ticks to the last one sent are
  // collected and go out with the next flush after the interval. The UART is the slowest
  // part of an emulated run; a test that only wants the inferences turns the LCD down.
  void set_min_interval(LinkPort* clock, uint64_t min_interval_ticks) {
    clock_ = clock;
    min_interval_ = min_interval_ticks;
    pending_ = Rect{};
  }

 private:
  HalStatus send(const Rect& region);

  BoardLink& link_;
  uint16_t* pixels_;
  int width_;
  int height_;
  Rect dirty_;
  Rect pending_;  // held back by the rate limit
  LinkPort* clock_ = nullptr;
  uint64_t min_interval_ = 0;
  uint64_t last_sent_ = 0;
  bool sent_any_ = false;
  uint32_t bytes_sent_ = 0;
};

}  // namespace tt::hal::board
