#include "gui/lcd_view.h"

#include <QPainter>

namespace tt::gui {

LcdView::LcdView(QWidget* parent) : QWidget(parent) {
  set_scale(kScale);
  setAttribute(Qt::WA_OpaquePaintEvent);
}

void LcdView::set_scale(int scale) {
  scale_ = scale < 1 ? 1 : (scale > kScale ? kScale : scale);
  setFixedSize(kWidth * scale_ + 8, kHeight * scale_ + 8);
  setToolTip(tr("The board's 320x240 LCD, shown %1x").arg(scale_));
  update();
}

void LcdView::set_image(const QImage& image) {
  image_ = image;
  ++updates_;
  update();
}

void LcdView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  // A dark bezel around the panel, as on the board.
  p.fillRect(rect(), QColor(0x1d, 0x20, 0x24));
  const QRect panel(4, 4, kWidth * scale_, kHeight * scale_);
  if (image_.isNull()) {
    p.fillRect(panel, Qt::black);
    p.setPen(QColor(0x80, 0x80, 0x80));
    p.drawText(panel, Qt::AlignCenter, tr("LCD: waiting for the app"));
    return;
  }
  p.setRenderHint(QPainter::SmoothPixmapTransform, false);
  p.drawImage(panel, image_);
}

}  // namespace tt::gui
