// FakeCamera: a scripted Camera for tests. It plays N frames (a generated pattern or given
// images) and then reports device_lost or end_of_stream; it can also have no device at all
// or time out once before a chosen frame. Every open() replays the script from frame 0, as a
// file source would. No heap; given images are borrowed, not copied.
#pragma once

#include <cstddef>
#include <cstdint>

#include "tt/hal/camera.h"

namespace tt::hal::fake {

struct FakeCameraScript {
  const char* name = "fake camera";
  FrameFormat format{PixelFormat::kRgb565, 320, 240, 640};
  bool no_device = false;                   // open() returns kNoDevice
  int frames = 3;                           // frames delivered before `then`; < 0: endless
  HalStatus then = HalStatus::kDeviceLost;  // kDeviceLost or kEndOfStream
  int timeout_before_frame = -1;            // the first read of this frame returns kTimeout
  const uint8_t* const* images = nullptr;   // frame k is images[k % image_count], each
  int image_count = 0;                      // frame_bytes(format) long; else the pattern
};

class FakeCamera final : public Camera {
 public:
  explicit FakeCamera(const FakeCameraScript& script);

  const char* name() const override { return script_.name; }
  FrameFormat frame_format() const override;
  HalStatus open() override;
  HalStatus read_frame(uint8_t* buffer, size_t size, uint32_t timeout_ms) override;
  void close() override { open_ = false; }

  bool is_open() const { return open_; }
  int frames_delivered() const { return next_frame_; }  // since the last open()

  // The generated pattern of frame k: a colour gradient shifted by k, so that consecutive
  // frames differ and a test can recompute any frame. Writes frame_bytes(f) bytes.
  static void fill_pattern(const FrameFormat& f, int k, uint8_t* buffer);

 private:
  FakeCameraScript script_;
  bool open_ = false;
  bool timed_out_ = false;
  int next_frame_ = 0;
};

}  // namespace tt::hal::fake
