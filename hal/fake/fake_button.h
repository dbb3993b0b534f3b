// FakeButton: a Button pressed by the test, either directly (press(), release()) or by a
// script of timed steps applied as a Clock passes them, e.g. "press at 1 s, release at
// 1.1 s". No heap: the script is borrowed, the event queue is a member.
#pragma once

#include <cstdint>

#include "tt/hal/button.h"
#include "tt/hal/clock.h"

namespace tt::hal::fake {

struct FakeButtonStep {
  uint64_t at_tick = 0;
  bool pressed = false;
};

class FakeButton final : public Button {
 public:
  static constexpr int kQueueSize = kMinQueuedEvents;

  FakeButton() = default;
  // Steps in non-decreasing at_tick order; each is applied once clock->ticks() >= at_tick.
  FakeButton(const FakeButtonStep* script, int steps, const Clock* clock);

  const char* name() const override { return "fake button"; }
  bool is_pressed() const override;
  ButtonEvent poll_event() override;
  uint32_t dropped_events() const override { return dropped_; }

  void press() { set(true); }
  void release() { set(false); }
  void click() {
    press();
    release();
  }

 private:
  void apply_script() const;
  void set(bool pressed) const;

  const FakeButtonStep* script_ = nullptr;
  int steps_ = 0;
  const Clock* clock_ = nullptr;
  // Mutable: is_pressed() is const in the interface but has to apply script steps first.
  mutable int next_step_ = 0;
  mutable bool pressed_ = false;
  mutable ButtonEvent last_queued_ = ButtonEvent::kReleased;
  mutable ButtonEvent queue_[kQueueSize] = {};
  mutable int head_ = 0;
  mutable int count_ = 0;
  mutable uint32_t dropped_ = 0;
};

}  // namespace tt::hal::fake
