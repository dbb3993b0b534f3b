// A Camera that passes another camera's frames to the app unchanged and keeps a copy of the
// latest one for the GUI's preview, so the preview shows exactly what the app received,
// whatever the source (canvas, picture, webcam, video). It also remembers how the source
// ended (end of file, device lost), which the app's step() status does not say.
//
// Runs on the worker thread only (the app calls it from step(); the worker collects the
// preview between steps), so it needs no lock.
#pragma once

#include <QImage>
#include <QRect>

#include "tt/hal/camera.h"

namespace tt::gui {

class CameraTap final : public hal::Camera {
 public:
  void set_inner(hal::Camera* inner);  // null: no camera
  hal::Camera* inner() const { return inner_; }

  const char* name() const override { return inner_ != nullptr ? inner_->name() : "none"; }
  hal::FrameFormat frame_format() const override { return inner_->frame_format(); }
  hal::HalStatus open() override;
  hal::HalStatus read_frame(uint8_t* buffer, size_t size, uint32_t timeout_ms) override;
  void close() override;

  // The newest frame not collected yet (a deep copy) and its centre-crop square; false when
  // no new frame came since the last call.
  bool take_preview(QImage* frame, QRect* crop);
  // kOk while the source delivers; kEndOfStream / kDeviceLost once it ended.
  hal::HalStatus terminal_status() const { return terminal_; }
  int frames() const { return frames_; }

 private:
  hal::Camera* inner_ = nullptr;
  QImage latest_;
  bool fresh_ = false;
  int frames_ = 0;
  hal::HalStatus terminal_ = hal::HalStatus::kOk;
};

// A frame as a QImage (deep copy): RGB888 or RGB565 (Format_RGB16, the same layout).
QImage frame_to_image(const hal::FrameFormat& format, const uint8_t* data);

}  // namespace tt::gui
