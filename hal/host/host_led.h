// HostLed: an RGB status LED on the desktop, drawn by the GUI. The app sets it from its own
// thread; the GUI either polls colour() or installs a change callback.
//
// Thread-safety: every method may be called from any thread. The change callback runs on the
// thread that changed the colour, once per actual change (setting the same colour again is
// not a change), in the order the changes happened. It may read is_on()/colour() but must
// not set the LED or replace the callback (that would deadlock); a GUI callback should post
// a queued repaint rather than paint.
#pragma once

#include <functional>
#include <mutex>

#include "tt/hal/led.h"

namespace tt::hal::host {

class HostLed final : public Led {
 public:
  using ChangeCallback = std::function<void(LedColour colour)>;

  explicit HostLed(ChangeCallback on_change = {}) : on_change_(std::move(on_change)) {}

  const char* name() const override { return "host led"; }
  bool has_colour() const override { return true; }
  void set_colour(const LedColour& c) override;
  bool is_on() const override;
  LedColour colour() const override;

  // Replaces the callback (an empty one removes it); waits for a running callback to end.
  void set_change_callback(ChangeCallback on_change);

 private:
  // Two locks: notify_mutex_ orders whole changes including their callback; state_mutex_
  // guards only the colour, so the callback can still read it.
  std::mutex notify_mutex_;
  mutable std::mutex state_mutex_;
  LedColour colour_;
  ChangeCallback on_change_;
};

}  // namespace tt::hal::host
