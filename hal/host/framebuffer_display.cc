#include "hal/host/framebuffer_display.h"

#include <cassert>
#include <cstring>

namespace tt::hal::host {

FramebufferDisplay::FramebufferDisplay(ShownCallback on_shown, int width, int height)
    : width_(width),
      height_(height),
      back_(static_cast<size_t>(width) * static_cast<size_t>(height), 0),
      on_shown_(std::move(on_shown)),
      front_(back_.size(), 0) {
  assert(width > 0 && height > 0);
}

void FramebufferDisplay::mark_dirty(const Rect& r) {
  dirty_ = bounding_union(dirty_, intersect(r, Rect{0, 0, width_, height_}));
}

HalStatus FramebufferDisplay::flush() {
  if (dirty_.empty()) return HalStatus::kOk;
  const Rect r = dirty_;
  dirty_ = Rect{};
  return show(r);
}

HalStatus FramebufferDisplay::flush_region(const Rect& r) {
  const Rect c = intersect(r, Rect{0, 0, width_, height_});
  return c.empty() ? HalStatus::kOk : show(c);
}

void FramebufferDisplay::copy_front(uint16_t* out, uint64_t* frame_counter) const {
  assert(out != nullptr);
  std::lock_guard<std::mutex> lock(front_mutex_);
  std::memcpy(out, front_.data(), front_.size() * sizeof(uint16_t));
  if (frame_counter != nullptr) *frame_counter = frames_;
}

uint64_t FramebufferDisplay::frame_counter() const {
  std::lock_guard<std::mutex> lock(front_mutex_);
  return frames_;
}

HalStatus FramebufferDisplay::show(const Rect& clipped) {
  {
    std::lock_guard<std::mutex> lock(front_mutex_);
    for (int y = clipped.y; y < clipped.y + clipped.h; ++y) {
      const size_t row = static_cast<size_t>(y) * static_cast<size_t>(width_) + clipped.x;
      std::memcpy(&front_[row], &back_[row], static_cast<size_t>(clipped.w) * sizeof(uint16_t));
    }
    ++frames_;
  }
  if (on_shown_) on_shown_(clipped);
  return HalStatus::kOk;
}

}  // namespace tt::hal::host
