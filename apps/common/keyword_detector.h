// Turns a stream of keyword-spotting posteriors into events: a spoken word is reported once.
//
// The KWS network runs on a one-second window that slides by a fraction of a second, so one
// spoken word is seen by several consecutive windows, and a single window can flicker to a
// wrong class. The detector therefore averages the posteriors of the last few windows
// (posterior averaging, as in Hello Edge), reports a keyword when its averaged score
// reaches a threshold, and then stays quiet for that keyword until its score has fallen
// below the threshold (or another class has won) and a suppression time has passed. Silence and
// "unknown" are never reported.
//
// Freestanding: fixed-size state, no heap, so the same code runs in the firmware.
#pragma once

#include <cstdint>

namespace tt::apps {

struct KeywordDetectorConfig {
  int32_t classes = 12;           // number of posteriors per window (<= kMaxClasses)
  int32_t average_windows = 3;    // windows averaged (1..kMaxWindows)
  int32_t threshold = 180;        // averaged score (0..255, i.e. probability * 256) to report
  int32_t suppression_ms = 1000;  // quiet time after a report of the same keyword
  int32_t silence_class = 0;      // never reported; -1 when the model has none
  int32_t unknown_class = 1;      // never reported; -1 when the model has none
};

struct KeywordEvent {
  int32_t keyword = -1;  // class index, or -1 when nothing is reported for this window
  int32_t score = 0;     // averaged score of the best class, 0..255
  int32_t best = -1;     // best averaged class, reported or not (for the display)
};

class KeywordDetector {
 public:
  static constexpr int32_t kMaxClasses = 16;
  static constexpr int32_t kMaxWindows = 16;

  // Defined: returns false (and keeps the previous configuration) when a field is out of
  // its range. Until it succeeds, update() reports nothing.
  bool configure(const KeywordDetectorConfig& config);

  // Adds one window's posteriors, int8 softmax outputs with scale 1/256 and zero point -128
  // (TFLite's softmax output quantization), and the time of the window's end in ms (not
  // decreasing). Undefined: scores shorter than config.classes.
  KeywordEvent update(const int8_t* scores, int32_t now_ms);

  // Forgets the history (e.g. when the audio stream restarts).
  void reset();

  int32_t windows_seen() const { return filled_; }

 private:
  KeywordDetectorConfig config_;
  uint8_t history_[kMaxWindows][kMaxClasses] = {};
  int32_t next_ = 0;
  int32_t filled_ = 0;
  int32_t last_keyword_ = -1;
  int32_t last_report_ms_ = 0;
  bool rearmed_ = true;
  bool configured_ = false;
};

}  // namespace tt::apps
