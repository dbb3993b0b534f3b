// Room for one camera frame inside an app object, so apps need no heap. 320x240 RGB888 is
// the largest frame an app accepts: QVGA is what OpenMV-class boards stream, and the host's
// webcam backend delivers that size (hal/host scales in the backend, like a sensor's
// windowing). Larger frames are refused with a message naming the size.
#pragma once

#include <cstddef>
#include <cstdint>

#include "tt/hal/camera.h"

namespace tt::apps {

struct FrameBuffer {
  static constexpr int kMaxWidth = 320;
  static constexpr int kMaxHeight = 240;
  static constexpr size_t kMaxBytes = static_cast<size_t>(kMaxWidth) * kMaxHeight * 3;

  hal::FrameFormat format;
  alignas(4) uint8_t data[kMaxBytes];

  static bool fits(const hal::FrameFormat& f) { return hal::frame_bytes(f) <= kMaxBytes; }
};

}  // namespace tt::apps
