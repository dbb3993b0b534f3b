#include "hal/host/host_led.h"

namespace tt::hal::host {

void HostLed::set_colour(const LedColour& c) {
  std::lock_guard<std::mutex> notify(notify_mutex_);
  {
    std::lock_guard<std::mutex> state(state_mutex_);
    if (colour_ == c) return;
    colour_ = c;
  }
  if (on_change_) on_change_(c);
}

bool HostLed::is_on() const {
  std::lock_guard<std::mutex> state(state_mutex_);
  return !colour_.is_black();
}

LedColour HostLed::colour() const {
  std::lock_guard<std::mutex> state(state_mutex_);
  return colour_;
}

void HostLed::set_change_callback(ChangeCallback on_change) {
  std::lock_guard<std::mutex> notify(notify_mutex_);
  on_change_ = std::move(on_change);
}

}  // namespace tt::hal::host
