// The microphone-to-keyword path of kws and multinet: 16 kHz samples -> 40 ms frames every
// 20 ms -> 10 MFCCs each (kernels/frontend/mfcc.h, the code the training used) -> a
// one-second window of 49 frames that slides by window_stride_frames -> the network -> the
// KeywordDetector (posterior averaging and a threshold, so a word is reported once).
//
// MFCC frames are computed once each, as their samples arrive, and kept in a ring, so the
// window costs one network run per stride, not 49 MFCC frames. The features of a window
// are exactly those compute_mfcc() gives for the same second of audio.
#pragma once

#include <cstdint>

#include "apps/common/classifier.h"
#include "apps/common/keyword_detector.h"
#include "kernels/frontend/mfcc.h"

namespace tt::apps {

struct KeywordSpotterConfig {
  int32_t window_stride_frames = 10;  // 200 ms between inferences
  KeywordDetectorConfig detector{12, 3, 180, 1000, 0, 1};
};

struct SpotResult {
  bool inferred = false;  // a window was classified (report filled)
  bool failed = false;    // a window was complete but the network failed (message says why)
  KeywordEvent event;     // the detector's verdict on it
};

class KeywordSpotter {
 public:
  static constexpr int32_t kFrames = kernels::frontend::kFramesPerClip;           // 49
  static constexpr int32_t kCoefficients = kernels::frontend::kMfccCoefficients;  // 10

  AppStatus load(const ModelSlot& slot, const KeywordSpotterConfig& config, char* message,
                 int32_t message_bytes);
  void reset();  // forget audio and history (the stream restarted)

  // Feeds samples; whenever a window completes, classifies it. Returns after at most one
  // inference, with *consumed the samples used (call again with the rest).
  SpotResult feed(const int16_t* samples, int32_t count, int32_t* consumed, const hal::Clock& clock,
                  InferenceReport* report, char* message, int32_t message_bytes);

  const Classifier& network() const { return net_; }
  // The window last classified: kFrames x kCoefficients float MFCCs, oldest frame first.
  const float* window_features() const { return window_; }
  int32_t frames_seen() const { return frames_seen_; }
  // Milliseconds of audio fed since reset() (the detector's time base).
  int32_t audio_ms() const;
  int16_t peak_level() const { return peak_; }  // largest |sample| of the last feed()

 private:
  Classifier net_;
  KeywordSpotterConfig config_;
  KeywordDetector detector_;
  int16_t pending_[kernels::frontend::kFrameLength] = {};
  int32_t pending_count_ = 0;
  float ring_[kFrames][kCoefficients] = {};
  int32_t ring_next_ = 0;
  int32_t frames_seen_ = 0;
  int32_t frames_since_inference_ = 0;
  int64_t samples_seen_ = 0;
  uint64_t frontend_ticks_ = 0;  // MFCC frames computed since the last inference
  float window_[kFrames * kCoefficients] = {};
  int16_t peak_ = 0;
};

}  // namespace tt::apps
