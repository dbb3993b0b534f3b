// multinet: two networks resident on one board. Keyword spotting runs all the time on the
// microphone; "go" starts the CIFAR-10 camera classifier and "stop" stops it (the button
// toggles it too). Both plans stay loaded; the composition root decides whether their arenas
// are shared (they run one after the other, never interleaved inside an inference, so one
// arena of the larger size suffices) or partitioned, and the app reports which and how much.
//
// It keeps a timeline of what ran when (audio windows, image inferences, keywords), readable
// by the GUI and printed by the demo. LCD: the classifier state, the last keyword, the camera
// preview and label when running, the memory of both networks, a strip of the timeline.
// models[0]: the keyword network; models[1]: the CIFAR-10 network.
#pragma once

#include <cstdint>

#include "apps/common/app.h"
#include "apps/common/frame_buffer.h"
#include "apps/common/image_classifier.h"
#include "apps/kws/keyword_spotter.h"

namespace tt::apps {

enum class TimelineKind : uint8_t {
  kAudioWindow,
  kImageInference,
  kKeyword,
  kClassifierOn,
  kClassifierOff
};
const char* timeline_kind_name(TimelineKind k);

struct TimelineEntry {
  TimelineKind kind = TimelineKind::kAudioWindow;
  int32_t value = -1;        // class (window / image / keyword), -1 otherwise
  uint64_t start_ticks = 0;  // board clock
  uint64_t duration_ticks = 0;
};

struct MultinetMemory {
  uint32_t kws_plan_bytes = 0;
  uint32_t image_plan_bytes = 0;
  uint32_t kws_arena_bytes = 0;  // what each plan needs
  uint32_t image_arena_bytes = 0;
  bool shared_arena = false;      // both slots point at the same memory
  uint32_t arena_bytes_used = 0;  // max of the two when shared, their sum when partitioned
};

class MultinetApp final : public App {
 public:
  static constexpr int32_t kTimelineEntries = 64;  // a ring: the most recent entries

  explicit MultinetApp(const KeywordSpotterConfig& config = {}) : config_(config) {}
  const char* name() const override { return "multinet"; }
  AppStatus start(const hal::Board& board, const ModelSlot* models, int32_t model_count,
                  AppListener* listener) override;
  AppStatus step(uint32_t timeout_ms) override;
  void stop() override;
  const char* message() const override { return message_; }

  bool classifier_running() const { return classifier_on_; }
  const MultinetMemory& memory() const { return memory_; }
  // The i-th most recent timeline entry (0 = newest), i < timeline_size().
  const TimelineEntry& timeline(int32_t i) const;
  int32_t timeline_size() const;
  uint32_t image_inferences() const { return image_inferences_; }
  uint32_t audio_windows() const { return audio_windows_; }

 private:
  void set_classifier(bool on, const char* why);
  void add_timeline(const TimelineEntry& e);
  void draw_static();
  void draw_state();

  KeywordSpotterConfig config_;
  const hal::Board* board_ = nullptr;
  AppListener* listener_ = nullptr;
  KeywordSpotter spotter_;
  ImageClassifier image_;
  FrameBuffer frame_;
  InferenceReport report_;
  MultinetMemory memory_;
  TimelineEntry timeline_[kTimelineEntries];
  int32_t timeline_next_ = 0;
  int32_t timeline_count_ = 0;
  uint32_t image_inferences_ = 0;
  uint32_t audio_windows_ = 0;
  int16_t chunk_[1600] = {};
  bool classifier_on_ = false;
  bool camera_open_ = false;
  bool mic_started_ = false;
  bool started_ = false;
  char message_[128] = "";
};

}  // namespace tt::apps
