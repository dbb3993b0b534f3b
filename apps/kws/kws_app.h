// kws: the microphone -> KeywordSpotter (1 s window sliding by 200 ms, 49x10 MFCCs, DS-CNN or
// DNN, posterior averaging and a threshold) -> one report per spoken word.
//
// LCD: the last keyword in large letters, the twelve averaged-class score bars of the last
// window, the live MFCC heat-map of the window, the input level and the latency. A missing
// microphone is shown on the LCD. The button clears the keyword history.
// models[0]: a network with 490 int8 inputs and the 12 classes of labels.h.
#pragma once

#include <cstdint>

#include "apps/common/app.h"
#include "apps/kws/keyword_spotter.h"
#include "apps/kws/kws_screen.h"

namespace tt::apps {

class KwsApp final : public App {
 public:
  explicit KwsApp(const KeywordSpotterConfig& config = {}) : config_(config) {}
  const char* name() const override { return "kws"; }
  AppStatus start(const hal::Board& board, const ModelSlot* models, int32_t model_count,
                  AppListener* listener) override;
  AppStatus step(uint32_t timeout_ms) override;
  void stop() override;
  const char* message() const override { return message_; }

  int32_t keywords_reported() const { return keywords_; }
  const InferenceReport& last_report() const { return report_; }
  const KeywordSpotter& spotter() const { return spotter_; }

 private:
  void draw_static();
  void draw_window(const SpotResult& r);

  KeywordSpotterConfig config_;
  const hal::Board* board_ = nullptr;
  AppListener* listener_ = nullptr;
  KeywordSpotter spotter_;
  screen::MfccHeatMap heat_;
  InferenceReport report_;
  int16_t chunk_[1600] = {};  // 100 ms
  int32_t keywords_ = 0;
  bool mic_started_ = false;
  bool started_ = false;
  char message_[128] = "";
};

}  // namespace tt::apps
