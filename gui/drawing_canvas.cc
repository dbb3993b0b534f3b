#include "gui/drawing_canvas.h"

#include <QMouseEvent>
#include <QPainter>

namespace tt::gui {

DrawingCanvas::DrawingCanvas(QWidget* parent)
    : QWidget(parent), canvas_(kImageSide, kImageSide, QImage::Format_RGB32) {
  canvas_.fill(Qt::black);
  setFixedSize(kWidgetSide, kWidgetSide);
  setCursor(Qt::CrossCursor);
  // Moves are followed only while a stroke is on (drawing_), but tracking makes synthesized
  // moves (tests, tablets) arrive whatever button state they carry.
  setMouseTracking(true);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setToolTip(tr("Draw a digit with the mouse; each stroke is sent to the app"));
}

QImage DrawingCanvas::frame() const { return canvas_.convertToFormat(QImage::Format_RGB888); }

void DrawingCanvas::set_pen_width(int image_pixels) { pen_width_ = qBound(2, image_pixels, 60); }

void DrawingCanvas::clear() {
  canvas_.fill(Qt::black);
  empty_ = true;
  drawing_ = false;
  update();
  emit cleared();
}

QPointF DrawingCanvas::to_image(const QPoint& p) const {
  const double scale = static_cast<double>(kImageSide) / kWidgetSide;
  return QPointF((p.x() + 0.5) * scale, (p.y() + 0.5) * scale);
}

void DrawingCanvas::draw_segment(const QPointF& from, const QPointF& to) {
  QPainter p(&canvas_);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(QPen(Qt::white, pen_width_, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  if (from == to) {
    p.drawPoint(from);  // a round cap makes a dot a disc
  } else {
    p.drawLine(from, to);
  }
  empty_ = false;
  update();
}

void DrawingCanvas::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  drawing_ = true;
  last_ = to_image(event->pos());
  draw_segment(last_, last_);
}

void DrawingCanvas::mouseMoveEvent(QMouseEvent* event) {
  if (!drawing_) return;
  const QPointF here = to_image(event->pos());
  draw_segment(last_, here);
  last_ = here;
}

void DrawingCanvas::mouseReleaseEvent(QMouseEvent* event) {
  if (!drawing_ || event->button() != Qt::LeftButton) return;
  drawing_ = false;
  const QPointF here = to_image(event->pos());
  if (here != last_) draw_segment(last_, here);
  emit stroke_finished(frame());
}

void DrawingCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  p.drawImage(rect(), canvas_);
  if (empty_) {
    p.setPen(QColor(0x8a, 0x8f, 0x98));
    p.drawText(rect(), Qt::AlignCenter, tr("draw a digit here"));
  }
  p.setPen(QColor(0x5a, 0x5f, 0x68));
  p.drawRect(rect().adjusted(0, 0, -1, -1));
}

}  // namespace tt::gui
