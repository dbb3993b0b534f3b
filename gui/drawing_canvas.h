// The drawing canvas: white ink on black, as MNIST digits are, with a round pen about as
// thick, relative to a digit filling the canvas, as MNIST's strokes are in their 20-pixel
// box (2-3 pixels). Each finished stroke hands the whole canvas on as a camera frame: a
// 240x240 RGB888 image, the largest square a 320x240 app frame holds.
//
// The widget is shown larger than the image; mouse positions are scaled to image pixels.
#pragma once

#include <QImage>
#include <QPoint>
#include <QWidget>

namespace tt::gui {

class DrawingCanvas : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kImageSide = 240;
  static constexpr int kWidgetSide = 288;
  static constexpr int kDefaultPenWidth = 18;  // image pixels

  explicit DrawingCanvas(QWidget* parent = nullptr);

  QImage frame() const;  // the canvas as RGB888
  bool is_empty() const { return empty_; }
  int pen_width() const { return pen_width_; }
  void set_pen_width(int image_pixels);

 public slots:
  void clear();

 signals:
  void stroke_finished(const QImage& frame);
  void cleared();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  QPointF to_image(const QPoint& widget_pos) const;
  void draw_segment(const QPointF& from, const QPointF& to);

  QImage canvas_;
  QPointF last_;
  bool drawing_ = false;
  bool empty_ = true;
  int pen_width_ = kDefaultPenWidth;
};

}  // namespace tt::gui
