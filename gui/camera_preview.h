// The frames the app receives from its camera, with the centre-crop square the image
// network sees drawn on top. When there is no camera, the reason and what to do instead
// are shown where the picture would be.
#pragma once

#include <QImage>
#include <QRect>
#include <QString>
#include <QWidget>

namespace tt::gui {

class CameraPreview : public QWidget {
  Q_OBJECT

 public:
  explicit CameraPreview(QWidget* parent = nullptr);

  // crop: the square the app's front-end cuts from the frame, in frame pixels.
  void set_frame(const QImage& frame, const QRect& crop);
  // A non-empty message replaces the picture ("no webcam found: ..."); "" shows frames.
  void set_message(const QString& message);
  QString message() const { return message_; }
  int frames_shown() const { return frames_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QImage frame_;
  QRect crop_;
  QString message_;
  int frames_ = 0;
};

}  // namespace tt::gui
