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

 private:
  BoardLink& link_;
  uint16_t* pixels_;
  int width_;
  int height_;
  Rect dirty_;
  uint32_t bytes_sent_ = 0;
};

}  // namespace tt::hal::board
