// LinkButton: see link_button.h.
#include "hal/board/link_button.h"

namespace tt::hal::board {

void LinkButton::reset() {
  pressed_ = false;
  head_ = count_ = 0;
  dropped_ = 0;
}

ButtonEvent LinkButton::poll_event() {
  link_.poll();  // an event may be waiting in the UART
  if (count_ == 0) return ButtonEvent::kNone;
  const ButtonEvent e = queue_[head_];
  head_ = (head_ + 1) % kQueueSize;
  --count_;
  return e;
}

bool LinkButton::on_frame(const link::Frame& frame) {
  if (static_cast<link::MsgType>(frame.type) != link::MsgType::kButton) return false;
  if (frame.length < 1) return true;
  const bool pressed = frame.payload[0] != 0;
  if (pressed == pressed_) return true;  // no edge
  pressed_ = pressed;
  if (count_ == kQueueSize) {
    ++dropped_;
    return true;
  }
  queue_[(head_ + count_) % kQueueSize] = pressed ? ButtonEvent::kPressed : ButtonEvent::kReleased;
  ++count_;
  return true;
}

}  // namespace tt::hal::board
