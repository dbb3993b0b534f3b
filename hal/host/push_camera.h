// PushCamera: a Camera fed by another thread, like a mailbox. The GUI's drawing canvas, a
// still image or a video decoded elsewhere become a camera this way: the producer calls
// push_frame() whenever it has a new picture, the app reads it with read_frame().
//
// Behaviour:
// - The format is fixed at construction (default 320x240 RGB888, packed rows) and
//   frame_format() always returns it. push_frame() accepts frames of exactly that pixel
//   format, width and height (any stride, copied row by row) and rejects others with false;
//   use push_image_fitted() (push_camera_cv.h) to scale any picture into the format.
// - The newest frame wins: a push replaces a frame that was not read yet (counted in
//   frames_replaced()), as a sensor delivers its latest picture rather than a backlog.
// - read_frame() waits up to timeout_ms for a frame the open camera has not delivered yet;
//   a push from another thread wakes it at once.
// - The mailbox keeps the last pushed frame across close()/open(), and open() offers it
//   again as a new frame: an app that opens the camera after the user drew something or
//   chose a picture sees that picture at once, without waiting for the next push.
// - mark_lost() / mark_end(): a frame not read yet is still delivered first (a push may
//   still replace it), then every read returns kDeviceLost / kEndOfStream until close(); a
//   frame pushed after that is kept for the next open(). A mark made while closed applies
//   to the next open session; close() of an open camera clears it. The first mark wins.
// - set_available(false): later open() calls return kNoDevice (an open camera is not
//   affected; call mark_lost() to end its session too).
//
// Thread-safety: every method may be called from any thread; the Camera methods are meant
// for the one app thread, the producer methods for the GUI or a decoder thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "hal/host/source_defaults.h"
#include "tt/hal/camera.h"

namespace tt::hal::host {

class PushCamera final : public Camera {
 public:
  // `name` is borrowed: a string literal or one that outlives the camera.
  explicit PushCamera(const FrameFormat& format = kQvgaRgb888, const char* name = "pushed frames");

  const char* name() const override { return name_; }
  FrameFormat frame_format() const override { return format_; }
  HalStatus open() override;
  HalStatus read_frame(uint8_t* buffer, size_t size, uint32_t timeout_ms) override;
  void close() override;

  // Producer side. data holds f.height rows of f.stride_bytes (the last row only its pixels).
  bool push_frame(const FrameFormat& f, const uint8_t* data);
  void mark_lost();
  void mark_end();
  void set_available(bool available);

  bool is_open() const;
  uint64_t frames_pushed() const;    // accepted pushes since construction
  uint64_t frames_replaced() const;  // pushes that overwrote a frame not yet read

 private:
  void mark(HalStatus terminal);

  const FrameFormat format_;
  const char* const name_;

  mutable std::mutex mutex_;
  std::condition_variable pushed_;
  std::vector<uint8_t> frame_;  // the last pushed frame, in format_
  bool has_frame_ = false;
  bool unread_ = false;  // the open camera has not delivered frame_ yet
  bool open_ = false;
  bool available_ = true;
  HalStatus terminal_ = HalStatus::kOk;  // kDeviceLost / kEndOfStream once marked
  uint64_t pushed_count_ = 0;
  uint64_t replaced_count_ = 0;
};

}  // namespace tt::hal::host
