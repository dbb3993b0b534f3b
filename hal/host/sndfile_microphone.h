// SndfileMicrophone: an audio file (WAV, FLAC, Ogg, ... whatever libsndfile reads) as a
// Microphone, so keyword spotting runs without a microphone and on recorded clips. Any rate
// and channel count: start() decodes the whole file to 16 kHz mono int16 (audio_convert.h)
// and the reads play it back.
//
// Options:
//   pacing            kRealTime: sample k becomes readable k / 16000 s after start(), as
//                     from a microphone; kAsFastAsPossible: everything at once.
//   lead_silence_ms   zeros before the file and after it, so a keyword spotter's sliding
//   trail_silence_ms  window sees a whole word even in a clip cut tightly around it.
//   loop              play lead + file + trail again and again instead of ending.
//
// Statuses: start() returns kNoDevice when the file cannot be read (missing, not audio,
// longer than kMaxSeconds), with last_error() naming the file and libsndfile's reason. After
// the last sample has been delivered, reads return kEndOfStream until stop(). Nothing is
// ever dropped: overrun_samples() is always 0 (a slow reader lags behind the wall clock).
// start() after stop() plays from the beginning, decoding the file again (it may have
// changed).
//
// Thread-safety: none; one thread (the app's) uses the microphone.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "hal/host/source_defaults.h"
#include "tt/hal/microphone.h"

namespace tt::hal::host {

struct SndfileMicrophoneOptions {
  std::string path;
  Pacing pacing = Pacing::kRealTime;
  int lead_silence_ms = 0;
  int trail_silence_ms = 0;
  bool loop = false;
};

class SndfileMicrophone final : public Microphone {
 public:
  static constexpr int kMaxSeconds = 3600;

  explicit SndfileMicrophone(SndfileMicrophoneOptions options);

  const char* name() const override { return name_.c_str(); }
  int sample_rate_hz() const override { return kSampleRateHz; }
  HalStatus start() override;
  HalStatus read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) override;
  uint32_t overrun_samples() const override { return 0; }
  void stop() override { started_ = false; }

  const std::string& last_error() const { return error_; }
  bool is_started() const { return started_; }
  // The samples one pass plays (lead silence, the file, trail silence); valid after start().
  const std::vector<int16_t>& clip() const { return clip_; }

  // The whole file as 16 kHz mono int16 (down-mixed, resampled, rounded and clamped).
  // Returns false with *error naming the file and the reason (error may be null).
  static bool read_file_16k_mono(const std::string& path, std::vector<int16_t>* out,
                                 std::string* error);

 private:
  int64_t samples_due() const;

  SndfileMicrophoneOptions options_;
  std::string name_;
  std::string error_;
  std::vector<int16_t> clip_;
  bool started_ = false;
  bool ended_ = false;
  size_t pos_ = 0;         // next sample of clip_
  int64_t delivered_ = 0;  // since start(), over every loop
  std::chrono::steady_clock::time_point start_time_;
};

}  // namespace tt::hal::host
