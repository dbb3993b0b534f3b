#include "gui/board_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "gui/lcd_view.h"
#include "gui/led_indicator.h"

namespace tt::gui {

BoardPanel::BoardPanel(QWidget* parent) : QGroupBox(tr("Board"), parent) {
  lcd_ = new LcdView(this);
  led_ = new LedIndicator(this);
  button_ = new QPushButton(tr("USER button"), this);
  button_->setToolTip(tr("The board's push button (also the space key)"));
  // A button that takes focus would also react to the space key itself, pressing twice.
  button_->setFocusPolicy(Qt::NoFocus);
  button_->setMinimumWidth(140);
  caption_ = new QLabel(this);
  caption_->setStyleSheet(QStringLiteral("color: palette(mid);"));

  auto* controls = new QHBoxLayout;
  controls->addWidget(button_);
  controls->addSpacing(12);
  controls->addWidget(new QLabel(tr("LED"), this));
  controls->addWidget(led_);
  controls->addStretch(1);
  controls->addWidget(caption_);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(lcd_, 0, Qt::AlignHCenter);
  layout->addLayout(controls);
  layout->addStretch(1);

  connect(button_, &QPushButton::pressed, this, &BoardPanel::button_pressed);
  connect(button_, &QPushButton::released, this, &BoardPanel::button_released);
}

void BoardPanel::show_button_down(bool down) { button_->setDown(down); }

void BoardPanel::set_board_caption(const QString& text) { caption_->setText(text); }

}  // namespace tt::gui
