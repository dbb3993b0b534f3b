#include "hal/fake/fake_button.h"

#include "hal/fake/fake_check.h"

namespace tt::hal::fake {

FakeButton::FakeButton(const FakeButtonStep* script, int steps, const Clock* clock)
    : script_(script), steps_(steps), clock_(clock) {
  TT_FAKE_CHECK(steps >= 0 && (steps == 0 || (script != nullptr && clock != nullptr)),
                "FakeButton: a script needs steps and a clock");
  for (int i = 1; i < steps; ++i) {
    TT_FAKE_CHECK(script[i - 1].at_tick <= script[i].at_tick, "FakeButton: steps out of order");
  }
}

bool FakeButton::is_pressed() const {
  apply_script();
  return pressed_;
}

ButtonEvent FakeButton::poll_event() {
  apply_script();
  if (count_ == 0) return ButtonEvent::kNone;
  const ButtonEvent e = queue_[head_];
  head_ = (head_ + 1) % kQueueSize;
  --count_;
  return e;
}

void FakeButton::apply_script() const {
  while (next_step_ < steps_ && clock_->ticks() >= script_[next_step_].at_tick) {
    set(script_[next_step_++].pressed);
  }
}

void FakeButton::set(bool pressed) const {
  if (pressed == pressed_) return;
  pressed_ = pressed;
  const ButtonEvent e = pressed ? ButtonEvent::kPressed : ButtonEvent::kReleased;
  // Dropping an edge also drops the next one if it would repeat the last queued kind, so the
  // queue always alternates (the Button spec promises that).
  if (count_ == kQueueSize || e == last_queued_) {
    ++dropped_;
    return;
  }
  queue_[(head_ + count_) % kQueueSize] = e;
  ++count_;
  last_queued_ = e;
}

}  // namespace tt::hal::fake
