// The board's 320x240 RGB565 LCD, magnified 2x with square pixels (nearest neighbour), so
// the 5x7 font and the bars look like they do on the real panel; 1x when two boards share
// the window (side by side).
#pragma once

#include <QImage>
#include <QWidget>

namespace tt::gui {

class LcdView : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kWidth = 320;
  static constexpr int kHeight = 240;
  static constexpr int kScale = 2;

  explicit LcdView(QWidget* parent = nullptr);

  // An RGB565 image (QImage::Format_RGB16 is exactly the board's pixel layout).
  void set_image(const QImage& image);
  const QImage& image() const { return image_; }
  void set_scale(int scale);  // 1 or 2
  int scale() const { return scale_; }
  int updates() const { return updates_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QImage image_;
  int updates_ = 0;
  int scale_ = kScale;
};

}  // namespace tt::gui
