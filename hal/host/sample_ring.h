// SampleRing: the hand-over between an audio capture thread and the app's reading thread.
// The capture side push()es samples as the device delivers them; the app read()s them in
// order, waiting up to a timeout. A full ring drops the OLDEST samples (the app wants the
// most recent audio, as a microphone's DMA buffer overwrites what was not read in time)
// and counts them as an overrun.
//
// mark_lost(): the samples already captured are still read, then every read returns
// kDeviceLost until reset(); pushes after the mark are ignored.
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "tt/hal/hal_status.h"

namespace tt::hal::host {

class SampleRing {
 public:
  explicit SampleRing(size_t capacity);

  void push(const int16_t* samples, size_t count);
  void mark_lost();
  // Empty, not lost, overrun count 0: a new capture starts.
  void reset();

  // As Microphone::read(): kOk with 1..max_samples samples, or kTimeout / kDeviceLost with
  // *got = 0. Wakes at once when samples are pushed or the ring is marked lost.
  HalStatus read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms);

  uint32_t overrun_samples() const;
  size_t size() const;  // samples waiting to be read
  size_t capacity() const { return buffer_.size(); }

 private:
  mutable std::mutex mutex_;
  std::condition_variable pushed_;
  std::vector<int16_t> buffer_;
  size_t head_ = 0;  // oldest sample
  size_t count_ = 0;
  bool lost_ = false;
  uint32_t overrun_ = 0;
};

}  // namespace tt::hal::host
