#include "gui/led_indicator.h"

#include <QPainter>
#include <QRadialGradient>

namespace tt::gui {

LedIndicator::LedIndicator(QWidget* parent) : QWidget(parent) {
  setFixedSize(22, 22);
  setToolTip(tr("The board's LED"));
}

void LedIndicator::set_colour(const QColor& colour) {
  if (colour == colour_) return;
  colour_ = colour;
  update();
}

void LedIndicator::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF r = QRectF(rect()).adjusted(2, 2, -2, -2);
  const QColor lit = is_on() ? colour_ : QColor(0x44, 0x48, 0x4e);
  QRadialGradient g(r.center() - QPointF(r.width() / 5, r.height() / 5), r.width() / 1.6);
  g.setColorAt(0, lit.lighter(is_on() ? 170 : 130));
  g.setColorAt(1, lit);
  p.setBrush(g);
  p.setPen(QPen(QColor(0x22, 0x22, 0x22), 1.2));
  p.drawEllipse(r);
}

}  // namespace tt::gui
