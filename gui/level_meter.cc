#include "gui/level_meter.h"

#include <QLinearGradient>
#include <QPainter>
#include <cmath>

namespace tt::gui {

LevelMeter::LevelMeter(QWidget* parent) : QWidget(parent) {
  setMinimumHeight(22);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void LevelMeter::set_peak(int peak) {
  const double db = peak <= 0 ? kFloorDb : 20.0 * std::log10(peak / 32768.0);
  db_ = std::max(kFloorDb, std::min(0.0, db));
  update();
}

void LevelMeter::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QRect frame = rect().adjusted(0, 0, -1, -1);
  p.fillRect(frame, QColor(0x20, 0x23, 0x28));
  const double fraction = (db_ - kFloorDb) / -kFloorDb;
  QLinearGradient g(frame.topLeft(), frame.topRight());
  g.setColorAt(0.0, QColor(0x2e, 0xa0, 0x43));
  g.setColorAt(0.75, QColor(0xe3, 0xb3, 0x41));
  g.setColorAt(1.0, QColor(0xd9, 0x48, 0x3b));
  QRect bar = frame.adjusted(2, 2, -2, -2);
  bar.setWidth(static_cast<int>(bar.width() * fraction));
  p.fillRect(bar, g);
  p.setPen(QColor(0xe8, 0xea, 0xed));
  p.drawText(frame.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight,
             db_ <= kFloorDb ? tr("silence") : QString::asprintf("%.0f dBFS", db_));
  p.setPen(QColor(0x5a, 0x5f, 0x68));
  p.drawRect(frame);
}

}  // namespace tt::gui
