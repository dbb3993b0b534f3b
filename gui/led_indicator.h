// The board's status LED: a round lamp in the LED's colour, dark grey when off.
#pragma once

#include <QColor>
#include <QWidget>

namespace tt::gui {

class LedIndicator : public QWidget {
  Q_OBJECT

 public:
  explicit LedIndicator(QWidget* parent = nullptr);
  void set_colour(const QColor& colour);  // black = off
  QColor colour() const { return colour_; }
  bool is_on() const { return colour_ != Qt::black; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QColor colour_ = Qt::black;
};

}  // namespace tt::gui
