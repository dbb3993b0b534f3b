// Room for one camera frame inside an app object, so apps need no heap. 320x240 RGB888 is
// the largest frame an app accepts: QVGA is what OpenMV-class boards stream, and the host's
// webcam backend delivers that size (hal/host scales in the backend, like a sensor's
// windowing). Larger frames are refused with a message naming the size. A board with less
// SRAM builds the apps with a smaller limit (TT_APP_FRAME_MAX_WIDTH/HEIGHT, CMake cache
// variables of the same names; the OpenMV Cam H7 preset uses QQVGA, 160x120).
#pragma once

#ifndef TT_APP_FRAME_MAX_WIDTH
#define TT_APP_FRAME_MAX_WIDTH 320
#endif
#ifndef TT_APP_FRAME_MAX_HEIGHT
#define TT_APP_FRAME_MAX_HEIGHT 240
#endif

#include <cstddef>
#include <cstdint>

#include "tt/hal/board.h"
#include "tt/hal/camera.h"

namespace tt::apps {

struct FrameBuffer {
  static constexpr int kMaxWidth = TT_APP_FRAME_MAX_WIDTH;
  static constexpr int kMaxHeight = TT_APP_FRAME_MAX_HEIGHT;
  static constexpr size_t kMaxBytes = static_cast<size_t>(kMaxWidth) * kMaxHeight * 3;

  hal::FrameFormat format;
  alignas(4) uint8_t data[kMaxBytes];

  static bool fits(const hal::FrameFormat& f) { return hal::frame_bytes(f) <= kMaxBytes; }
};

// Opens the board's camera for frames that fit `frame` and records their format there. False,
// with the camera closed, when there is none, it cannot be opened or its frames are too big.
inline bool open_camera(const hal::Board& board, FrameBuffer* frame) {
  if (board.camera == nullptr || board.camera->open() != hal::HalStatus::kOk) return false;
  if (!FrameBuffer::fits(board.camera->frame_format())) {
    board.camera->close();
    return false;
  }
  frame->format = board.camera->frame_format();
  return true;
}

}  // namespace tt::apps
