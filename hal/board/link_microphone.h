// A microphone whose 16 kHz mono samples come from the host over the link (Audio chunks,
// AudioEnd when the source ended). Samples wait in a ring; when it has no room for another
// chunk the link stops reading (back-pressure), so no sample is lost while the board is busy.
#pragma once

#include "hal/board/board_link.h"
#include "tt/hal/microphone.h"

namespace tt::hal::board {

class LinkMicrophone final : public Microphone, public StreamSink {
 public:
  // ring: capacity samples, at least 2 x link::kAudioChunkSamples.
  LinkMicrophone(BoardLink& link, int16_t* ring, int capacity);

  const char* name() const override { return "microphone over link"; }
  int sample_rate_hz() const override { return kSampleRateHz; }
  HalStatus start() override;
  HalStatus read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) override;
  uint32_t overrun_samples() const override { return overrun_; }
  void stop() override { started_ = false; }

  bool has_room() const override { return capacity_ - count_ >= link::kAudioChunkSamples; }
  bool on_frame(const link::Frame& frame) override;
  // present: whether the host feeds a microphone (start() gives kNoDevice otherwise).
  void reset(bool present);

 private:
  BoardLink& link_;
  int16_t* ring_;
  int capacity_;
  int head_ = 0;  // oldest sample
  int count_ = 0;
  bool present_ = false;
  bool started_ = false;
  bool ended_ = false;
  uint32_t overrun_ = 0;
};

}  // namespace tt::hal::board
