#include "hal/host/queue_button.h"

namespace tt::hal::host {

bool QueueButton::is_pressed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pressed_;
}

ButtonEvent QueueButton::poll_event() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (count_ == 0) return ButtonEvent::kNone;
  const ButtonEvent e = queue_[head_];
  head_ = (head_ + 1) % kQueueSize;
  --count_;
  return e;
}

uint32_t QueueButton::dropped_events() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return dropped_;
}

void QueueButton::set_pressed(bool pressed) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (pressed == pressed_) return;
  pressed_ = pressed;
  const ButtonEvent e = pressed ? ButtonEvent::kPressed : ButtonEvent::kReleased;
  // After a drop the next edge repeats the last queued kind; queuing it would break the
  // alternation the spec promises, so it is dropped too (is_pressed() stays the truth).
  if (count_ == kQueueSize || e == last_queued_) {
    ++dropped_;
    return;
  }
  queue_[(head_ + count_) % kQueueSize] = e;
  ++count_;
  last_queued_ = e;
}

}  // namespace tt::hal::host
