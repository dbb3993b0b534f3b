#include "hal/host/sample_ring.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <limits>

namespace tt::hal::host {
namespace {

uint32_t saturating_add(uint32_t a, size_t b) {
  const size_t sum = static_cast<size_t>(a) + b;
  return sum > std::numeric_limits<uint32_t>::max() ? std::numeric_limits<uint32_t>::max()
                                                    : static_cast<uint32_t>(sum);
}

}  // namespace

SampleRing::SampleRing(size_t capacity) : buffer_(capacity) { assert(capacity >= 1); }

void SampleRing::push(const int16_t* samples, size_t count) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (lost_ || count == 0) return;
    const size_t cap = buffer_.size();
    if (count > cap) {  // only the newest `cap` samples can be kept
      overrun_ = saturating_add(overrun_, count - cap);
      samples += count - cap;
      count = cap;
    }
    const size_t free_space = cap - count_;
    if (count > free_space) {
      const size_t drop = count - free_space;
      head_ = (head_ + drop) % cap;
      count_ -= drop;
      overrun_ = saturating_add(overrun_, drop);
    }
    size_t tail = (head_ + count_) % cap;
    for (size_t i = 0; i < count; ++i) {
      buffer_[tail] = samples[i];
      tail = tail + 1 == cap ? 0 : tail + 1;
    }
    count_ += count;
  }
  pushed_.notify_all();
}

void SampleRing::mark_lost() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    lost_ = true;
  }
  pushed_.notify_all();
}

void SampleRing::reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  head_ = count_ = 0;
  lost_ = false;
  overrun_ = 0;
}

HalStatus SampleRing::read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) {
  assert(out != nullptr && got != nullptr && max_samples >= 1);
  *got = 0;
  std::unique_lock<std::mutex> lock(mutex_);
  const auto ready = [this] { return count_ > 0 || lost_; };
  if (!ready()) pushed_.wait_for(lock, std::chrono::milliseconds(timeout_ms), ready);
  if (count_ == 0) return lost_ ? HalStatus::kDeviceLost : HalStatus::kTimeout;
  const size_t n = std::min(count_, static_cast<size_t>(max_samples));
  for (size_t i = 0; i < n; ++i) {
    out[i] = buffer_[head_];
    head_ = head_ + 1 == buffer_.size() ? 0 : head_ + 1;
  }
  count_ -= n;
  *got = static_cast<int>(n);
  return HalStatus::kOk;
}

uint32_t SampleRing::overrun_samples() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return overrun_;
}

size_t SampleRing::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return count_;
}

}  // namespace tt::hal::host
