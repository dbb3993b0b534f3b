#include "hal/fake/fake_log.h"

#include "hal/fake/fake_check.h"

namespace tt::hal::fake {

void FakeLog::write_line(LogLevel level, const char* text) {
  TT_FAKE_CHECK(text != nullptr, "Log::write_line() with null text");
  if (level < min_level_) return;
  char* out = lines_[total_ % kMaxLines];
  int n = 0;
  while (n < kMaxLineChars && text[n] != '\0' && text[n] != '\n') {
    out[n] = text[n];
    ++n;
  }
  out[n] = '\0';
  levels_[total_ % kMaxLines] = level;
  ++total_;
}

const char* FakeLog::line(int i) const {
  TT_FAKE_CHECK(i >= 0 && i < total_ && i >= total_ - kMaxLines, "FakeLog::line(): not kept");
  return lines_[i % kMaxLines];
}

LogLevel FakeLog::level(int i) const {
  line(i);  // the same range check
  return levels_[i % kMaxLines];
}

}  // namespace tt::hal::fake
