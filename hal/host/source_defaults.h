// Settings the host's sources share: how a file-backed source paces itself, and the frame
// format the host's cameras deliver unless told otherwise.
//
// Pacing: a file-backed source (video, image sequence, audio file) delivers its contents at
// the rate a real device would (a video file at its frame rate, audio at 16 kHz of wall-clock
// time), or as fast as the reader asks (tests, batch runs, the headless demo).
#pragma once

#include <cstdint>

#include "tt/hal/camera.h"

namespace tt::hal::host {

enum class Pacing : uint8_t {
  kRealTime = 0,
  kAsFastAsPossible = 1,
};

// QVGA: what OpenMV-class boards stream and the largest frame an app accepts
// (apps/common/frame_buffer.h), so the host's cameras deliver it by default.
inline constexpr FrameFormat kQvgaRgb888{PixelFormat::kRgb888, 320, 240, 320 * 3};
inline constexpr FrameFormat kQvgaRgb565{PixelFormat::kRgb565, 320, 240, 320 * 2};

}  // namespace tt::hal::host
