#include "hal/host/push_camera.h"

#include <cassert>
#include <chrono>
#include <cstring>

namespace tt::hal::host {

PushCamera::PushCamera(const FrameFormat& format, const char* name)
    : format_(format), name_(name), frame_(frame_bytes(format), 0) {
  assert(format.width > 0 && format.height > 0 &&
         format.stride_bytes >= format.width * bytes_per_pixel(format.format));
  assert(name != nullptr && name[0] != '\0');
}

HalStatus PushCamera::open() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (open_) return HalStatus::kOk;
  if (!available_) return HalStatus::kNoDevice;
  open_ = true;
  unread_ = has_frame_;
  return HalStatus::kOk;
}

HalStatus PushCamera::read_frame(uint8_t* buffer, size_t size, uint32_t timeout_ms) {
  assert(buffer != nullptr && size >= frame_.size());
  std::unique_lock<std::mutex> lock(mutex_);
  assert(open_);
  const auto ready = [this] { return unread_ || terminal_ != HalStatus::kOk; };
  if (!ready()) pushed_.wait_for(lock, std::chrono::milliseconds(timeout_ms), ready);
  if (unread_) {
    std::memcpy(buffer, frame_.data(), frame_.size());
    unread_ = false;
    return HalStatus::kOk;
  }
  return terminal_ != HalStatus::kOk ? terminal_ : HalStatus::kTimeout;
}

void PushCamera::close() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!open_) return;
  open_ = false;
  unread_ = false;
  terminal_ = HalStatus::kOk;
}

bool PushCamera::push_frame(const FrameFormat& f, const uint8_t* data) {
  assert(data != nullptr);
  if (f.format != format_.format || f.width != format_.width || f.height != format_.height ||
      f.stride_bytes < f.width * bytes_per_pixel(f.format)) {
    return false;
  }
  const size_t row_bytes = static_cast<size_t>(f.width) * bytes_per_pixel(f.format);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int y = 0; y < f.height; ++y) {
      std::memcpy(&frame_[static_cast<size_t>(y) * format_.stride_bytes],
                  data + static_cast<size_t>(y) * f.stride_bytes, row_bytes);
    }
    has_frame_ = true;
    ++pushed_count_;
    if (unread_) ++replaced_count_;
    // Once a read has returned the loss or the end, every read must return it again: a frame
    // pushed then waits for the next open(). Before that, it replaces the waiting frame.
    unread_ = open_ && (terminal_ == HalStatus::kOk || unread_);
  }
  pushed_.notify_all();
  return true;
}

void PushCamera::mark_lost() { mark(HalStatus::kDeviceLost); }
void PushCamera::mark_end() { mark(HalStatus::kEndOfStream); }

void PushCamera::mark(HalStatus terminal) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (terminal_ == HalStatus::kOk) terminal_ = terminal;  // the first mark wins: sticky
  }
  pushed_.notify_all();
}

void PushCamera::set_available(bool available) {
  std::lock_guard<std::mutex> lock(mutex_);
  available_ = available;
}

bool PushCamera::is_open() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_;
}

uint64_t PushCamera::frames_pushed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pushed_count_;
}

uint64_t PushCamera::frames_replaced() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return replaced_count_;
}

}  // namespace tt::hal::host
