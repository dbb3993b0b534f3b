// FakeMicrophone: a scripted Microphone for tests. It plays a given int16 buffer in chunks
// and then reports end_of_stream or device_lost; it can also have no device, stall after a
// given amount of audio (every later read times out, like a wedged driver) or drop samples
// once to exercise overrun handling. Every start() replays from the first sample. No heap;
// the samples are borrowed.
#pragma once

#include <cstdint>

#include "tt/hal/microphone.h"

namespace tt::hal::fake {

struct FakeMicrophoneScript {
  const char* name = "fake microphone";
  const int16_t* samples = nullptr;
  int sample_count = 0;
  int chunk_samples = 320;                   // at most this many per read (one 20 ms hop)
  bool no_device = false;                    // start() returns kNoDevice
  HalStatus then = HalStatus::kEndOfStream;  // after the last sample: or kDeviceLost
  int stall_after_ms = -1;                   // after this much audio, reads time out
  int overrun_at_sample = -1;                // on reaching this sample, skip (drop)
  int overrun_samples = 0;                   // this many samples, counted as an overrun
};

class FakeMicrophone final : public Microphone {
 public:
  explicit FakeMicrophone(const FakeMicrophoneScript& script);

  const char* name() const override { return script_.name; }
  int sample_rate_hz() const override { return kSampleRateHz; }
  HalStatus start() override;
  HalStatus read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) override;
  uint32_t overrun_samples() const override { return overrun_; }
  void stop() override { started_ = false; }

  bool is_started() const { return started_; }
  int position() const { return pos_; }  // index of the next sample to deliver

 private:
  FakeMicrophoneScript script_;
  bool started_ = false;
  int pos_ = 0;
  uint32_t overrun_ = 0;
};

}  // namespace tt::hal::fake
