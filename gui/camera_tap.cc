#include "gui/camera_tap.h"

#include "kernels/frontend/image_resize.h"

namespace tt::gui {

QImage frame_to_image(const hal::FrameFormat& f, const uint8_t* data) {
  const QImage::Format format =
      f.format == hal::PixelFormat::kRgb888 ? QImage::Format_RGB888 : QImage::Format_RGB16;
  return QImage(data, f.width, f.height, f.stride_bytes, format).copy();
}

void CameraTap::set_inner(hal::Camera* inner) {
  inner_ = inner;
  latest_ = QImage();
  fresh_ = false;
  frames_ = 0;
  terminal_ = hal::HalStatus::kOk;
}

hal::HalStatus CameraTap::open() {
  terminal_ = hal::HalStatus::kOk;
  return inner_ != nullptr ? inner_->open() : hal::HalStatus::kNoDevice;
}

hal::HalStatus CameraTap::read_frame(uint8_t* buffer, size_t size, uint32_t timeout_ms) {
  const hal::HalStatus s = inner_->read_frame(buffer, size, timeout_ms);
  if (s == hal::HalStatus::kOk) {
    // Copy on every frame, not only when the GUI wants one: a copy of 230 KB is cheap next to
    // an inference, and the newest frame is then always at hand.
    latest_ = frame_to_image(inner_->frame_format(), buffer);
    fresh_ = true;
    ++frames_;
  } else if (s == hal::HalStatus::kEndOfStream || s == hal::HalStatus::kDeviceLost) {
    terminal_ = s;
  }
  return s;
}

void CameraTap::close() {
  if (inner_ != nullptr) inner_->close();
}

bool CameraTap::take_preview(QImage* frame, QRect* crop) {
  if (!fresh_) return false;
  fresh_ = false;
  *frame = latest_;
  const kernels::frontend::CropRect c =
      kernels::frontend::centre_crop(latest_.width(), latest_.height());
  *crop = QRect(c.x, c.y, c.width, c.height);
  return true;
}

}  // namespace tt::gui
