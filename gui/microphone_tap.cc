#include "gui/microphone_tap.h"

#include <algorithm>
#include <cstdlib>

namespace tt::gui {

MicrophoneTap::MicrophoneTap() : history_(kHistorySamples, 0) {}

void MicrophoneTap::set_inner(hal::Microphone* inner) {
  inner_ = inner;
  std::fill(history_.begin(), history_.end(), 0);
  history_next_ = 0;
  peak_ = 0;
  samples_ = 0;
  terminal_ = hal::HalStatus::kOk;
}

hal::HalStatus MicrophoneTap::start() {
  terminal_ = hal::HalStatus::kOk;
  return inner_ != nullptr ? inner_->start() : hal::HalStatus::kNoDevice;
}

hal::HalStatus MicrophoneTap::read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) {
  const hal::HalStatus s = inner_->read(out, max_samples, got, timeout_ms);
  if (s == hal::HalStatus::kOk) {
    for (int i = 0; i < *got; ++i) {
      peak_ = std::max(peak_, std::abs(static_cast<int>(out[i])));
      history_[history_next_] = out[i];
      history_next_ = (history_next_ + 1) % kHistorySamples;
    }
    samples_ += *got;
  } else if (s == hal::HalStatus::kEndOfStream || s == hal::HalStatus::kDeviceLost) {
    terminal_ = s;
  }
  return s;
}

uint32_t MicrophoneTap::overrun_samples() const {
  return inner_ != nullptr ? inner_->overrun_samples() : 0;
}

void MicrophoneTap::stop() {
  if (inner_ != nullptr) inner_->stop();
}

int MicrophoneTap::take_peak() {
  const int p = peak_;
  peak_ = 0;
  return p;
}

void MicrophoneTap::last_second(int16_t* out) const {
  const int tail = kHistorySamples - history_next_;
  std::copy(history_.begin() + history_next_, history_.end(), out);
  std::copy(history_.begin(), history_.begin() + history_next_, out + tail);
}

}  // namespace tt::gui
