// Log: one line at a time with a level, to a console, a file, the UART or the link. Bounded
// and heap-free so the firmware can log from anywhere: a line is at most kMaxLineChars
// characters, formatted on the stack; longer lines are cut, never split or allocated.
//
// Spec, per method:
//   write_line(level, text)  Defined: text != nullptr, any length; writes the first
//                            kMaxLineChars characters of text up to its first '\n' (or its
//                            end) as one line. Undefined: text == nullptr.
//   print(level, fmt, ...)   Defined: as std::snprintf with the same arguments, then
//                            write_line(). Undefined: what snprintf leaves undefined.
//   min_level()              Defined: any time; lines below it may be dropped by the backend.
#pragma once

#include <cstdarg>
#include <cstdint>
#include <cstdio>

namespace tt::hal {

enum class LogLevel : uint8_t {
  kDebug = 0,
  kInfo,
  kWarning,
  kError,
};

constexpr const char* log_level_name(LogLevel l) {
  switch (l) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "unknown";
}

class Log {
 public:
  static constexpr int kMaxLineChars = 159;

  virtual void write_line(LogLevel level, const char* text) = 0;
  virtual LogLevel min_level() const = 0;

  // GCC/clang check the format string against the arguments (member: `this` is argument 1).
  __attribute__((format(printf, 3, 4))) void print(LogLevel level, const char* fmt, ...) {
    char line[kMaxLineChars + 1];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(line, sizeof line, fmt, args);
    va_end(args);
    write_line(level, line);
  }

 protected:
  ~Log() = default;  // not virtual: see camera.h
};

}  // namespace tt::hal
