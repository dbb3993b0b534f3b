// PushMicrophone: a Microphone fed by another thread, the audio counterpart of PushCamera.
// The producer push()es 16 kHz mono samples; the app read()s them in order. The GUI uses it
// to hand the host app exactly the samples it sends the emulated board, so both run on the
// same stream and their keyword windows can be compared one by one.
//
// Behaviour: start() empties the ring (a new stream starts; a second start() while started
// changes nothing); samples pushed while stopped are dropped; a full ring drops the oldest
// samples and counts them as an overrun (SampleRing).
//
// Thread-safety: every method may be called from any thread; read() is meant for the one app
// thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "hal/host/sample_ring.h"
#include "tt/hal/microphone.h"

namespace tt::hal::host {

class PushMicrophone final : public Microphone {
 public:
  static constexpr size_t kDefaultCapacity = 8 * kSampleRateHz;  // eight seconds

  // `name` is borrowed: a string literal or one that outlives the microphone.
  explicit PushMicrophone(size_t capacity_samples = kDefaultCapacity,
                          const char* name = "pushed audio");

  const char* name() const override { return name_; }
  int sample_rate_hz() const override { return kSampleRateHz; }
  HalStatus start() override;
  HalStatus read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) override;
  uint32_t overrun_samples() const override { return ring_.overrun_samples(); }
  void stop() override;

  // Producer side.
  void push(const int16_t* samples, size_t count);
  bool is_started() const { return started_.load(); }
  size_t waiting() const { return ring_.size(); }  // pushed, not read yet

 private:
  const char* const name_;
  SampleRing ring_;
  std::atomic<bool> started_{false};
};

}  // namespace tt::hal::host
