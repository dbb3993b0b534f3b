// LinkCamera: see link_camera.h.
#include "hal/board/link_camera.h"

#include <cstring>

namespace tt::hal::board {

LinkCamera::LinkCamera(BoardLink& link, uint8_t* buffer, size_t capacity)
    : link_(link), buffer_(buffer), half_(capacity / 2) {}

void LinkCamera::reset(bool present) {
  open_ = ended_ = ready_ = false;
  next_row_ = 0;
  if (!present) {
    has_format_ = false;
    format_ = FrameFormat{};
  }
}

HalStatus LinkCamera::open() {
  if (!has_format_) return HalStatus::kNoDevice;
  open_ = true;
  return HalStatus::kOk;
}

HalStatus LinkCamera::read_frame(uint8_t* buffer, size_t size, uint32_t timeout_ms) {
  if (!open_) return HalStatus::kDeviceLost;
  const size_t bytes = frame_bytes(format_);
  if (buffer == nullptr || size < bytes) return HalStatus::kDeviceLost;
  wait_on_link(link_, timeout_ms, [this] { return ready_ || ended_; });
  if (ready_) {
    std::memcpy(buffer, buffer_ + half_, bytes);
    ready_ = false;
    return HalStatus::kOk;
  }
  return ended_ ? HalStatus::kEndOfStream : HalStatus::kTimeout;
}

bool LinkCamera::on_frame(const link::Frame& frame) {
  using link::MsgType;
  const auto type = static_cast<MsgType>(frame.type);
  link::Reader r(frame.payload, frame.length);
  if (type == MsgType::kCameraFormat) {
    link::CameraFormat f;
    FrameFormat ff;
    if (f.read(r) && f.format <= 1) {
      ff.format = static_cast<PixelFormat>(f.format);
      ff.width = f.width;
      ff.height = f.height;
      ff.stride_bytes = f.width * bytes_per_pixel(ff.format);
    }
    // A format that does not fit the buffer is refused: the camera then does not exist.
    has_format_ = ff.width > 0 && ff.height > 0 && frame_bytes(ff) <= half_;
    format_ = has_format_ ? ff : FrameFormat{};
    ready_ = ended_ = false;
    next_row_ = 0;
    return true;
  }
  if (type == MsgType::kCameraEnd) {
    ended_ = true;
    return true;
  }
  if (type != MsgType::kCameraRows) return false;
  link::CameraRows rows;
  const size_t row_bytes = static_cast<size_t>(format_.stride_bytes);
  if (!has_format_ || !rows.read(r) || rows.y != next_row_ || rows.y + rows.rows > format_.height ||
      r.remaining() != rows.rows * row_bytes) {
    next_row_ = 0;  // out of order or malformed: drop this frame, wait for a new one
    return true;
  }
  std::memcpy(buffer_ + rows.y * row_bytes, r.bytes(r.remaining()), rows.rows * row_bytes);
  next_row_ = rows.y + rows.rows;
  if (next_row_ == format_.height) {
    std::memcpy(buffer_ + half_, buffer_, frame_bytes(format_));
    ready_ = true;
    next_row_ = 0;
    ++frames_;
  }
  return true;
}

}  // namespace tt::hal::board
