// FakeLog: a Log that keeps the last kMaxLines lines with their levels, so tests can check
// what an app reported ("no camera found, using the file source"). No heap.
#pragma once

#include "tt/hal/log.h"

namespace tt::hal::fake {

class FakeLog final : public Log {
 public:
  static constexpr int kMaxLines = 64;

  explicit FakeLog(LogLevel min_level = LogLevel::kDebug) : min_level_(min_level) {}

  void write_line(LogLevel level, const char* text) override;
  LogLevel min_level() const override { return min_level_; }

  int line_count() const { return total_; }  // every line written at or above min_level()
  // Line i (0-based over all lines written); only the last kMaxLines are kept.
  const char* line(int i) const;
  LogLevel level(int i) const;
  const char* last() const { return total_ == 0 ? "" : line(total_ - 1); }

 private:
  char lines_[kMaxLines][kMaxLineChars + 1] = {};
  LogLevel levels_[kMaxLines] = {};
  int total_ = 0;
  LogLevel min_level_;
};

}  // namespace tt::hal::fake
