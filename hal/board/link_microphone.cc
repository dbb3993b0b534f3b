// LinkMicrophone: see link_microphone.h.
#include "hal/board/link_microphone.h"

namespace tt::hal::board {

LinkMicrophone::LinkMicrophone(BoardLink& link, int16_t* ring, int capacity)
    : link_(link), ring_(ring), capacity_(capacity) {}

void LinkMicrophone::reset(bool present) {
  present_ = present;
  started_ = ended_ = false;
  head_ = count_ = 0;
  overrun_ = 0;
}

HalStatus LinkMicrophone::start() {
  if (!present_) return HalStatus::kNoDevice;
  started_ = true;
  return HalStatus::kOk;
}

HalStatus LinkMicrophone::read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) {
  *got = 0;
  if (!started_) return HalStatus::kDeviceLost;
  wait_on_link(link_, timeout_ms, [this] { return count_ > 0 || ended_; });
  if (count_ == 0) return ended_ ? HalStatus::kEndOfStream : HalStatus::kTimeout;
  int n = count_ < max_samples ? count_ : max_samples;
  for (int i = 0; i < n; ++i) {
    out[i] = ring_[head_];
    head_ = head_ + 1 == capacity_ ? 0 : head_ + 1;
  }
  count_ -= n;
  *got = n;
  return HalStatus::kOk;
}

bool LinkMicrophone::on_frame(const link::Frame& frame) {
  const auto type = static_cast<link::MsgType>(frame.type);
  if (type == link::MsgType::kAudioEnd) {
    ended_ = true;
    return true;
  }
  if (type != link::MsgType::kAudio) return false;
  link::Reader r(frame.payload, frame.length);
  const int samples = static_cast<int>(frame.length / 2);
  for (int i = 0; i < samples; ++i) {
    const auto s = static_cast<int16_t>(r.u16());
    if (!started_) continue;  // nobody listens: like a stopped ADC, drop
    if (count_ == capacity_) {
      ++overrun_;
      continue;
    }
    int tail = head_ + count_;
    if (tail >= capacity_) tail -= capacity_;
    ring_[tail] = s;
    ++count_;
  }
  return true;
}

}  // namespace tt::hal::board
