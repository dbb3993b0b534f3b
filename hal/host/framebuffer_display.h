// FramebufferDisplay: the board's LCD on the desktop. The app draws into surface() (the back
// buffer, kDefaultWidth x kDefaultHeight unless given another size, stride = width) and
// flushes; a flush copies the region to a front buffer, counts a frame and calls the "shown"
// callback, from which the GUI repaints (copy_front()) or the headless demo saves a
// screenshot (write_png()). The front buffer starts black.
//
// Flushing never fails on the host: flush() and flush_region() always return kOk. A flush
// with nothing to show (empty dirty() / a region outside the surface) copies nothing, counts
// no frame and calls no callback.
//
// Thread-safety: surface(), mark_dirty(), dirty(), flush() and flush_region() belong to the
// app's thread (like a real framebuffer, the back buffer is not locked). copy_front(),
// frame_counter() and write_png() may be called from any thread: the front buffer is
// mutex-protected. The callback runs on the flushing thread after the front buffer has been
// updated and unlocked, so it may call copy_front(); a GUI callback should post a queued
// repaint rather than paint.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "tt/hal/display.h"

namespace tt::hal::host {

class FramebufferDisplay final : public Display {
 public:
  using ShownCallback = std::function<void(Rect shown)>;

  explicit FramebufferDisplay(ShownCallback on_shown = {}, int width = kDefaultWidth,
                              int height = kDefaultHeight);

  const char* name() const override { return "host framebuffer display"; }
  Surface surface() override { return Surface{back_.data(), width_, height_, width_}; }
  void mark_dirty(const Rect& r) override;
  Rect dirty() const override { return dirty_; }
  HalStatus flush() override;
  HalStatus flush_region(const Rect& r) override;

  int width() const { return width_; }
  int height() const { return height_; }

  // Set before the app starts flushing: the callback is not synchronised with flushes.
  void set_shown_callback(ShownCallback on_shown) { on_shown_ = std::move(on_shown); }

  // Copies the whole front buffer (width() * height() pixels, rows packed) to `out` and, when
  // frame_counter != nullptr, the number of frames shown so far, consistent with the pixels.
  void copy_front(uint16_t* out, uint64_t* frame_counter) const;
  uint64_t frame_counter() const;

  // Writes the front buffer as an 8-bit RGB PNG (RGB565 expanded by bit replication, so
  // white stays 255). Returns false when the file cannot be written. Defined in the
  // OpenCV-backed target tt_hal_host_cv (framebuffer_display_png.cc): link it to use this.
  bool write_png(const std::string& path) const;

 private:
  HalStatus show(const Rect& clipped);

  int width_;
  int height_;
  std::vector<uint16_t> back_;
  Rect dirty_;
  ShownCallback on_shown_;

  mutable std::mutex front_mutex_;
  std::vector<uint16_t> front_;
  uint64_t frames_ = 0;
};

}  // namespace tt::hal::host
