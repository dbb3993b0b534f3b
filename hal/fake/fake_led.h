// FakeLed: a Led that remembers its state and counts changes, monochrome or RGB.
#pragma once

#include "tt/hal/led.h"

namespace tt::hal::fake {

class FakeLed final : public Led {
 public:
  explicit FakeLed(bool has_colour = true) : has_colour_(has_colour) {}

  const char* name() const override { return "fake led"; }
  bool has_colour() const override { return has_colour_; }
  void set_colour(const LedColour& c) override {
    // A monochrome LED can only show on or off, so that is all it reports back.
    const LedColour next = has_colour_ ? c : (c.is_black() ? kLedBlack : kLedWhite);
    if (!(next == colour_)) ++changes_;
    colour_ = next;
  }
  bool is_on() const override { return !colour_.is_black(); }
  LedColour colour() const override { return colour_; }

  int changes() const { return changes_; }

 private:
  bool has_colour_;
  LedColour colour_;
  int changes_ = 0;
};

}  // namespace tt::hal::fake
