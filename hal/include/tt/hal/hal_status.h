// The result of every HAL call that can fail for reasons outside the program's control.
//
// A missing webcam, an unplugged microphone, a slow link or the end of a file are normal
// events on a desktop, on CI and on a board, so they are values the caller handles. Misuse
// (a null buffer, reading a closed device) is a programming error: backends assert on it and
// the interface headers call it undefined behaviour.
#pragma once

#include <cstdint>

namespace tt::hal {

enum class HalStatus : uint8_t {
  kOk = 0,
  kNoDevice,     // the device does not exist or cannot be opened (open()/start() only)
  kDeviceLost,   // the device went away; sticky until close()/stop() and a new open()/start()
  kTimeout,      // nothing arrived within the timeout; the device is still usable
  kEndOfStream,  // a finite source (file, script) is exhausted; sticky like kDeviceLost
};

// A stable, human-readable name for logs and test failures ("ok", "no_device", ...).
constexpr const char* hal_status_name(HalStatus s) {
  switch (s) {
    case HalStatus::kOk:
      return "ok";
    case HalStatus::kNoDevice:
      return "no_device";
    case HalStatus::kDeviceLost:
      return "device_lost";
    case HalStatus::kTimeout:
      return "timeout";
    case HalStatus::kEndOfStream:
      return "end_of_stream";
  }
  return "unknown";
}

}  // namespace tt::hal
