// QueueButton: the board's user button on the desktop (a GUI button, a key). The GUI or
// keyboard thread calls press()/release(); the app thread polls. Edges go through a bounded
// queue of kQueueSize events; when it is full, new edges are dropped and counted, and an
// edge that would repeat the last queued kind is dropped with them, so the queue always
// alternates (tt/hal/button.h). Pressing a pressed button (or releasing a released one) is
// not an edge and changes nothing.
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <cstdint>
#include <mutex>

#include "tt/hal/button.h"

namespace tt::hal::host {

class QueueButton final : public Button {
 public:
  static constexpr int kQueueSize = 2 * kMinQueuedEvents;

  const char* name() const override { return "host button"; }
  bool is_pressed() const override;
  ButtonEvent poll_event() override;
  uint32_t dropped_events() const override;

  void press() { set_pressed(true); }
  void release() { set_pressed(false); }
  void set_pressed(bool pressed);

 private:
  mutable std::mutex mutex_;
  bool pressed_ = false;
  ButtonEvent last_queued_ = ButtonEvent::kReleased;  // the initial state counts as released
  ButtonEvent queue_[kQueueSize] = {};
  int head_ = 0;
  int count_ = 0;
  uint32_t dropped_ = 0;
};

}  // namespace tt::hal::host
