// A camera whose frames come from the host over the link (CameraFormat, then CameraRows
// until the frame is complete, CameraEnd when the source ended). The host picks the format;
// until it has sent one, the camera does not exist (open() gives kNoDevice), which is how
// "no webcam" on the desktop reaches the board. A newer complete frame replaces an unread
// one, as a real sensor's would.
#pragma once

#include "hal/board/board_link.h"
#include "tt/hal/camera.h"

namespace tt::hal::board {

class LinkCamera final : public Camera, public StreamSink {
 public:
  // buffer holds one frame being received plus one complete frame (2 x the largest frame).
  LinkCamera(BoardLink& link, uint8_t* buffer, size_t capacity);

  const char* name() const override { return "camera over link"; }
  FrameFormat frame_format() const override { return format_; }
  HalStatus open() override;
  HalStatus read_frame(uint8_t* buffer, size_t size, uint32_t timeout_ms) override;
  void close() override { open_ = false; }

  bool on_frame(const link::Frame& frame) override;
  // A new app session: drops frames; present = false also forgets the format (the host
  // feeds no camera), present = true keeps the CameraFormat the host sent before StartApp.
  void reset(bool present);
  uint32_t frames_received() const { return frames_; }

 private:
  BoardLink& link_;
  uint8_t* buffer_;
  size_t half_;
  FrameFormat format_;
  bool has_format_ = false;
  bool open_ = false;
  bool ended_ = false;
  bool ready_ = false;  // a complete frame waits in the second half
  int next_row_ = 0;    // rows of the frame being received
  uint32_t frames_ = 0;
};

}  // namespace tt::hal::board
