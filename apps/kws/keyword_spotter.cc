#include "apps/kws/keyword_spotter.h"

#include <cstdio>
#include <cstring>

#include "apps/common/labels.h"

namespace tt::apps {

namespace kf = tt::kernels::frontend;

AppStatus KeywordSpotter::load(const ModelSlot& slot, const KeywordSpotterConfig& config,
                               char* message, int32_t message_bytes) {
  if (config.window_stride_frames < 1 || config.window_stride_frames > kFrames) {
    std::snprintf(message, message_bytes, "window stride of %d frames outside 1..%d",
                  static_cast<int>(config.window_stride_frames), static_cast<int>(kFrames));
    return AppStatus::kModelError;
  }
  if (!detector_.configure(config.detector)) {
    std::snprintf(message, message_bytes, "keyword detector configuration out of range");
    return AppStatus::kModelError;
  }
  config_ = config;
  ClassifierSpec spec;
  spec.role = "keyword";
  spec.input_elements = kFrames * kCoefficients;
  spec.min_classes = config.detector.classes;
  spec.max_classes = config.detector.classes;
  spec.labels = kKwsLabels;
  spec.label_count = 12;
  const AppStatus s = net_.load(slot, spec, message, message_bytes);
  reset();
  return s;
}

void KeywordSpotter::reset() {
  pending_count_ = 0;
  ring_next_ = 0;
  frames_seen_ = 0;
  frames_since_inference_ = 0;
  samples_seen_ = 0;
  frontend_ticks_ = 0;
  peak_ = 0;
  detector_.reset();
}

int32_t KeywordSpotter::audio_ms() const {
  return static_cast<int32_t>(samples_seen_ * 1000 / kf::kSampleRate);
}

SpotResult KeywordSpotter::feed(const int16_t* samples, int32_t count, int32_t* consumed,
                                const hal::Clock& clock, InferenceReport* report, char* message,
                                int32_t message_bytes) {
  SpotResult result;
  peak_ = 0;
  int32_t i = 0;
  while (i < count) {
    int32_t take = kf::kFrameLength - pending_count_;
    if (take > count - i) take = count - i;
    for (int32_t k = 0; k < take; ++k) {
      const int16_t v = samples[i + k];
      const int16_t mag = v < 0 ? static_cast<int16_t>(v == -32768 ? 32767 : -v) : v;
      if (mag > peak_) peak_ = mag;
      pending_[pending_count_ + k] = v;
    }
    pending_count_ += take;
    i += take;
    samples_seen_ += take;
    if (pending_count_ < kf::kFrameLength) break;

    // A complete 40 ms frame: its MFCCs go into the ring, and the next frame starts 20 ms
    // later, so the second half of this frame is the first half of the next.
    const uint64_t t0 = clock.ticks();
    kf::compute_mfcc_frame(pending_, ring_[ring_next_]);
    frontend_ticks_ += clock.ticks() - t0;
    ring_next_ = (ring_next_ + 1) % kFrames;
    ++frames_seen_;
    ++frames_since_inference_;
    std::memmove(pending_, pending_ + kf::kFrameStride,
                 sizeof(int16_t) * (kf::kFrameLength - kf::kFrameStride));
    pending_count_ = kf::kFrameLength - kf::kFrameStride;

    if (frames_seen_ >= kFrames && frames_since_inference_ >= config_.window_stride_frames) {
      frames_since_inference_ = 0;
      const uint64_t t1 = clock.ticks();
      // The ring's oldest frame is the one about to be overwritten next.
      for (int32_t f = 0; f < kFrames; ++f) {
        std::memcpy(window_ + f * kCoefficients, ring_[(ring_next_ + f) % kFrames],
                    sizeof(float) * kCoefficients);
      }
      kf::quantize_features(window_, kFrames * kCoefficients, net_.input_scale(),
                            net_.input_zero_point(), net_.input());
      report->started_ticks = t1;
      report->frontend_ticks = frontend_ticks_ + (clock.ticks() - t1);
      frontend_ticks_ = 0;
      result.inferred = net_.run(clock, report, message, message_bytes);
      result.failed = !result.inferred;
      if (result.inferred) result.event = detector_.update(report->scores, audio_ms());
      *consumed = i;
      return result;
    }
  }
  *consumed = i;
  return result;
}

}  // namespace tt::apps
