#include "apps/common/keyword_detector.h"

namespace tt::apps {

bool KeywordDetector::configure(const KeywordDetectorConfig& c) {
  const bool ok = c.classes >= 2 && c.classes <= kMaxClasses && c.average_windows >= 1 &&
                  c.average_windows <= kMaxWindows && c.threshold >= 0 && c.threshold <= 255 &&
                  c.suppression_ms >= 0 && c.silence_class >= -1 && c.silence_class < c.classes &&
                  c.unknown_class >= -1 && c.unknown_class < c.classes;
  if (!ok) return false;
  config_ = c;
  configured_ = true;
  reset();
  return true;
}

void KeywordDetector::reset() {
  next_ = 0;
  filled_ = 0;
  last_keyword_ = -1;
  last_report_ms_ = 0;
  rearmed_ = true;
}

KeywordEvent KeywordDetector::update(const int8_t* scores, int32_t now_ms) {
  if (!configured_ || scores == nullptr) return KeywordEvent();  // a programming error
  for (int32_t k = 0; k < config_.classes; ++k) {
    history_[next_][k] = static_cast<uint8_t>(static_cast<int32_t>(scores[k]) + 128);
  }
  next_ = (next_ + 1) % config_.average_windows;
  if (filled_ < config_.average_windows) ++filled_;

  KeywordEvent event;
  // Integer average over the windows seen so far; a word needs as many windows as the
  // average spans before it can be reported, so one flickering window cannot fire.
  int32_t best_sum = -1;
  for (int32_t k = 0; k < config_.classes; ++k) {
    int32_t sum = 0;
    for (int32_t w = 0; w < filled_; ++w) sum += history_[w][k];
    if (sum > best_sum) {
      best_sum = sum;
      event.best = k;
    }
  }
  event.score = best_sum / filled_;
  // The same word stays in the sliding window for about a second: it is re-armed only once
  // its averaged score has dropped below the threshold or another class has won.
  if (event.best != last_keyword_ || event.score < config_.threshold) rearmed_ = true;
  const bool reportable = event.best != config_.silence_class &&
                          event.best != config_.unknown_class &&
                          filled_ == config_.average_windows && event.score >= config_.threshold;
  if (!reportable) return event;
  const bool repeat = event.best == last_keyword_ &&
                      (!rearmed_ || now_ms - last_report_ms_ < config_.suppression_ms);
  if (repeat) return event;
  event.keyword = event.best;
  last_keyword_ = event.best;
  last_report_ms_ = now_ms;
  rearmed_ = false;
  return event;
}

}  // namespace tt::apps
