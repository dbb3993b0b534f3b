#include "gui/camera_preview.h"

#include <QPainter>

namespace tt::gui {

CameraPreview::CameraPreview(QWidget* parent) : QWidget(parent) {
  setMinimumSize(288, 216);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setAttribute(Qt::WA_OpaquePaintEvent);
}

void CameraPreview::set_frame(const QImage& frame, const QRect& crop) {
  frame_ = frame;
  crop_ = crop;
  ++frames_;
  update();
}

void CameraPreview::set_message(const QString& message) {
  message_ = message;
  update();
}

void CameraPreview::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), QColor(0x20, 0x23, 0x28));
  if (!message_.isEmpty() || frame_.isNull()) {
    p.setPen(QColor(0xd8, 0xdb, 0xe0));
    const QString text = message_.isEmpty() ? tr("waiting for camera frames") : message_;
    p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, text);
    return;
  }
  // Letterbox the frame, then map the crop box with the same transform.
  const QSize shown = frame_.size().scaled(size(), Qt::KeepAspectRatio);
  const QRect target(QPoint((width() - shown.width()) / 2, (height() - shown.height()) / 2), shown);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  p.drawImage(target, frame_);
  if (crop_.isValid()) {
    const double sx = static_cast<double>(target.width()) / frame_.width();
    const double sy = static_cast<double>(target.height()) / frame_.height();
    const QRectF box(target.x() + crop_.x() * sx, target.y() + crop_.y() * sy, crop_.width() * sx,
                     crop_.height() * sy);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0xff, 0xc8, 0x3d), 2, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(box.adjusted(1, 1, -1, -1));
    p.setPen(QColor(0xff, 0xc8, 0x3d));
    p.drawText(box.adjusted(6, 4, -4, -4), Qt::AlignLeft | Qt::AlignTop, tr("network input"));
  }
}

}  // namespace tt::gui
