// The MFCC window the keyword network classified last: 49 frames (time, left to right) by
// 10 coefficients (c0 at the top), as a heat-map. c0 is the frame's log energy and spans a
// much wider range than the shape coefficients, so each coefficient has its own fixed colour
// scale; fixed scales (not per-window ones) keep silence calm instead of amplifying noise.
#pragma once

#include <QVector>
#include <QWidget>

namespace tt::gui {

class MfccHeatmap : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kFrames = 49;
  static constexpr int kCoefficients = 10;

  explicit MfccHeatmap(QWidget* parent = nullptr);
  // kFrames x kCoefficients floats, frame-major, oldest frame first; anything else clears.
  void set_window(const QVector<float>& features);
  int windows_shown() const { return windows_; }
  // Colour of one value of coefficient c (exposed for tests).
  static QColor colour_of(float value, int coefficient);

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QVector<float> features_;
  int windows_ = 0;
};

}  // namespace tt::gui
