// A Microphone that passes another microphone's samples to the app unchanged and keeps what
// the GUI shows about them: the peak level since it was last collected and the last second
// of audio (from which the multinet view computes its MFCC heat-map; the kws app exposes
// its own window). It also remembers how the source ended.
//
// Worker thread only, like CameraTap.
#pragma once

#include <cstdint>
#include <vector>

#include "tt/hal/microphone.h"

namespace tt::gui {

class MicrophoneTap final : public hal::Microphone {
 public:
  static constexpr int kHistorySamples = kSampleRateHz;  // one second

  MicrophoneTap();
  void set_inner(hal::Microphone* inner);
  hal::Microphone* inner() const { return inner_; }

  const char* name() const override { return inner_ != nullptr ? inner_->name() : "none"; }
  int sample_rate_hz() const override { return kSampleRateHz; }
  hal::HalStatus start() override;
  hal::HalStatus read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) override;
  uint32_t overrun_samples() const override;
  void stop() override;

  // The largest |sample| read since the last call (0..32768), then resets it.
  int take_peak();
  // The last second of audio, oldest first (zeros before any audio came).
  void last_second(int16_t* out) const;
  int64_t samples_read() const { return samples_; }
  hal::HalStatus terminal_status() const { return terminal_; }

 private:
  hal::Microphone* inner_ = nullptr;
  std::vector<int16_t> history_;
  int history_next_ = 0;
  int peak_ = 0;
  int64_t samples_ = 0;
  hal::HalStatus terminal_ = hal::HalStatus::kOk;
};

}  // namespace tt::gui
