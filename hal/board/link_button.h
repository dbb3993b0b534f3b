// The board's button, pressed and released from the host (Button frames: the GUI's button,
// the space key, a test script). Events queue like a debounced GPIO's would.
#pragma once

#include "hal/board/board_link.h"
#include "tt/hal/button.h"

namespace tt::hal::board {

class LinkButton final : public Button, public StreamSink {
 public:
  static constexpr int kQueueSize = 2 * kMinQueuedEvents;

  explicit LinkButton(BoardLink& link) : link_(link) {}

  const char* name() const override { return "button over link"; }
  bool is_pressed() const override { return pressed_; }
  ButtonEvent poll_event() override;
  uint32_t dropped_events() const override { return dropped_; }

  bool on_frame(const link::Frame& frame) override;
  void reset();

 private:
  BoardLink& link_;
  bool pressed_ = false;
  ButtonEvent queue_[kQueueSize] = {};
  int head_ = 0;
  int count_ = 0;
  uint32_t dropped_ = 0;
};

}  // namespace tt::hal::board
