#include "hal/host/stream_log.h"

#include <cassert>
#include <cstring>

namespace tt::hal::host {
namespace {

// The part of `text` the Log spec says is one line, copied with a terminating NUL.
void cut_line(const char* text, char (&line)[Log::kMaxLineChars + 1]) {
  size_t n = 0;
  while (n < static_cast<size_t>(Log::kMaxLineChars) && text[n] != '\0' && text[n] != '\n') ++n;
  std::memcpy(line, text, n);
  line[n] = '\0';
}

}  // namespace

StreamLog::StreamLog(std::FILE* out, LogLevel min_level) : out_(out), min_level_(min_level) {
  assert(out != nullptr);
}

void StreamLog::write_line(LogLevel level, const char* text) {
  assert(text != nullptr);
  if (level < min_level_.load()) return;
  char line[kMaxLineChars + 1];
  cut_line(text, line);
  std::lock_guard<std::mutex> lock(mutex_);
  std::fprintf(out_, "[%s] %s\n", log_level_name(level), line);
  std::fflush(out_);
}

CallbackLog::CallbackLog(Sink sink, LogLevel min_level)
    : sink_(std::move(sink)), min_level_(min_level) {
  assert(sink_);
}

void CallbackLog::write_line(LogLevel level, const char* text) {
  assert(text != nullptr);
  if (level < min_level_.load()) return;
  char line[kMaxLineChars + 1];
  cut_line(text, line);
  std::lock_guard<std::mutex> lock(mutex_);
  sink_(level, line);
}

}  // namespace tt::hal::host
