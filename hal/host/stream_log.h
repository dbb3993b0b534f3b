// Logs for the desktop: StreamLog writes "[level] text" lines to a FILE* (stderr by default,
// or a log file), CallbackLog hands each line to a function (the GUI's log pane). Both cut a
// line as tt/hal/log.h says (first kMaxLineChars characters up to the first '\n') and drop
// lines below their min_level().
//
// Thread-safety: write_line() may be called from any thread. Each class serialises its lines
// with a mutex, so lines never interleave and a CallbackLog's sink never runs twice at once.
// The sink runs on the writing thread with that mutex held: it must not log to the same
// CallbackLog, and must not block waiting for a thread that might log (e.g. a GUI sink should
// post a queued signal, not use a BlockingQueuedConnection).
#pragma once

#include <atomic>
#include <cstdio>
#include <functional>
#include <mutex>

#include "tt/hal/log.h"

namespace tt::hal::host {

class StreamLog final : public Log {
 public:
  // `out` is borrowed and must outlive the log; every line is flushed so nothing is lost when
  // the program crashes right after it.
  explicit StreamLog(std::FILE* out = stderr, LogLevel min_level = LogLevel::kInfo);

  void write_line(LogLevel level, const char* text) override;
  LogLevel min_level() const override { return min_level_.load(); }
  void set_min_level(LogLevel level) { min_level_.store(level); }

 private:
  std::FILE* out_;
  std::atomic<LogLevel> min_level_;
  std::mutex mutex_;
};

class CallbackLog final : public Log {
 public:
  // text is the cut line without a level prefix, valid only during the call.
  using Sink = std::function<void(LogLevel level, const char* text)>;

  explicit CallbackLog(Sink sink, LogLevel min_level = LogLevel::kInfo);

  void write_line(LogLevel level, const char* text) override;
  LogLevel min_level() const override { return min_level_.load(); }
  void set_min_level(LogLevel level) { min_level_.store(level); }

 private:
  Sink sink_;
  std::atomic<LogLevel> min_level_;
  std::mutex mutex_;
};

}  // namespace tt::hal::host
