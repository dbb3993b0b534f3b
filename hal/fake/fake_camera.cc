#include "hal/fake/fake_camera.h"

#include <cstring>

#include "hal/fake/fake_check.h"

namespace tt::hal::fake {

FakeCamera::FakeCamera(const FakeCameraScript& script) : script_(script) {
  const FrameFormat& f = script.format;
  TT_FAKE_CHECK(
      f.width > 0 && f.height > 0 && f.stride_bytes >= f.width * bytes_per_pixel(f.format),
      "FakeCamera: bad frame format");
  TT_FAKE_CHECK(script.then == HalStatus::kDeviceLost || script.then == HalStatus::kEndOfStream,
                "FakeCamera: `then` must be kDeviceLost or kEndOfStream");
  TT_FAKE_CHECK(script.image_count == 0 || script.images != nullptr,
                "FakeCamera: image_count without images");
}

FrameFormat FakeCamera::frame_format() const {
  TT_FAKE_CHECK(open_, "Camera::frame_format() on a closed camera");
  return script_.format;
}

HalStatus FakeCamera::open() {
  if (open_) return HalStatus::kOk;
  if (script_.no_device) return HalStatus::kNoDevice;
  open_ = true;
  timed_out_ = false;
  next_frame_ = 0;
  return HalStatus::kOk;
}

HalStatus FakeCamera::read_frame(uint8_t* buffer, size_t size, uint32_t /*timeout_ms*/) {
  TT_FAKE_CHECK(open_, "Camera::read_frame() on a closed camera");
  TT_FAKE_CHECK(buffer != nullptr, "Camera::read_frame() with a null buffer");
  TT_FAKE_CHECK(size >= frame_bytes(script_.format), "Camera::read_frame() buffer too small");
  if (script_.frames >= 0 && next_frame_ >= script_.frames) return script_.then;
  if (next_frame_ == script_.timeout_before_frame && !timed_out_) {
    timed_out_ = true;
    return HalStatus::kTimeout;
  }
  if (script_.image_count > 0) {
    std::memcpy(buffer, script_.images[next_frame_ % script_.image_count],
                frame_bytes(script_.format));
  } else {
    fill_pattern(script_.format, next_frame_, buffer);
  }
  ++next_frame_;
  return HalStatus::kOk;
}

void FakeCamera::fill_pattern(const FrameFormat& f, int k, uint8_t* buffer) {
  for (int y = 0; y < f.height; ++y) {
    uint8_t* row = buffer + static_cast<size_t>(y) * f.stride_bytes;
    for (int x = 0; x < f.width; ++x) {
      const uint8_t r = static_cast<uint8_t>(x * 255 / (f.width > 1 ? f.width - 1 : 1));
      const uint8_t g = static_cast<uint8_t>(y * 255 / (f.height > 1 ? f.height - 1 : 1));
      const uint8_t b = static_cast<uint8_t>(k * 37 + x + y);
      if (f.format == PixelFormat::kRgb888) {
        row[3 * x] = r;
        row[3 * x + 1] = g;
        row[3 * x + 2] = b;
      } else {
        const uint16_t v = static_cast<uint16_t>(((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3));
        row[2 * x] = static_cast<uint8_t>(v & 0xFF);
        row[2 * x + 1] = static_cast<uint8_t>(v >> 8);
      }
    }
  }
}

}  // namespace tt::hal::fake
