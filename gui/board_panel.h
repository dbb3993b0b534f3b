// The board as the user sees it: its LCD, its user button (the mouse or the space key) and
// its LED, under the name of the backend that runs the app.
#pragma once

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace tt::gui {

class LcdView;
class LedIndicator;

class BoardPanel : public QGroupBox {
  Q_OBJECT

 public:
  explicit BoardPanel(QWidget* parent = nullptr);

  LcdView* lcd() const { return lcd_; }
  LedIndicator* led() const { return led_; }
  QPushButton* button() const { return button_; }
  // Shows the button as held (the space key drives it too).
  void show_button_down(bool down);
  void set_board_caption(const QString& text);

 signals:
  void button_pressed();
  void button_released();

 private:
  LcdView* lcd_;
  LedIndicator* led_;
  QPushButton* button_;
  QLabel* caption_;
};

}  // namespace tt::gui
