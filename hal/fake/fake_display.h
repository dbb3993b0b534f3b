// FakeDisplay: a Display whose "screen" is a second in-memory buffer. flush() copies the
// flushed region from the framebuffer to the screen and records it, so tests can check both
// what an app drew and what a board backend would have sent. Flushes can be scripted to fail
// (a lost or busy link). No heap: both buffers are members, up to 320x240 pixels.
#pragma once

#include <cstdint>

#include "tt/hal/display.h"

namespace tt::hal::fake {

class FakeDisplay final : public Display {
 public:
  static constexpr int kMaxPixels = kDefaultWidth * kDefaultHeight;
  static constexpr int kMaxRecorded = 64;

  // stride 0 means width; stride * height must fit in kMaxPixels.
  explicit FakeDisplay(int width = kDefaultWidth, int height = kDefaultHeight, int stride = 0);

  const char* name() const override { return "fake display"; }
  Surface surface() override { return Surface{pixels_, width_, height_, stride_}; }
  void mark_dirty(const Rect& r) override;
  Rect dirty() const override { return dirty_; }
  HalStatus flush() override;
  HalStatus flush_region(const Rect& r) override;

  // Script: flush number `index` (0-based, counting every flush that had something to send)
  // and all later ones return `status` until fail_from() is called again with index < 0.
  void fail_from(int index, HalStatus status);

  // Observation.
  uint16_t shown(int x, int y) const { return shown_[y * stride_ + x]; }
  int flush_count() const { return flushes_; }  // successful flushes that sent something
  Rect flushed(int i) const;                    // i-th of the last kMaxRecorded sent regions
  long long pixels_sent() const { return pixels_sent_; }

 private:
  HalStatus send(const Rect& r);

  uint16_t pixels_[kMaxPixels] = {};
  uint16_t shown_[kMaxPixels] = {};
  int width_, height_, stride_;
  Rect dirty_;
  Rect recorded_[kMaxRecorded];
  int attempts_ = 0;
  int flushes_ = 0;
  long long pixels_sent_ = 0;
  int fail_from_ = -1;
  HalStatus fail_status_ = HalStatus::kOk;
};

}  // namespace tt::hal::fake
