#include "gui/layer_time_chart.h"

#include <QPainter>
#include <algorithm>

namespace tt::gui {

LayerTimeChart::LayerTimeChart(QWidget* parent) : QWidget(parent) {
  setMinimumSize(260, 160);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void LayerTimeChart::set_layers(const QStringList& names) {
  names_ = names;
  seconds_.clear();
  update();
}

void LayerTimeChart::set_times(const QVector<double>& seconds) {
  seconds_ = seconds;
  update();
}

void LayerTimeChart::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QPalette& pal = palette();
  p.fillRect(rect(), pal.color(QPalette::Base));
  const QFontMetrics fm(font());
  if (names_.isEmpty() || seconds_.isEmpty()) {
    p.setPen(pal.color(QPalette::Mid));
    p.drawText(rect(), Qt::AlignCenter, tr("per-layer time appears after an inference"));
    return;
  }
  int label_w = 0;
  for (const QString& n : names_) label_w = std::max(label_w, fm.horizontalAdvance(n));
  label_w += 12;
  const int value_w = fm.horizontalAdvance(QStringLiteral("99999.9 µs")) + 8;
  const int n = names_.size();
  const double row_h = std::min<double>(fm.height() + 6, (height() - 8.0) / n);
  double longest = 0;
  for (double s : seconds_) longest = std::max(longest, s);
  const int track_w = std::max(10, width() - label_w - value_w - 8);
  QFont small = font();
  if (row_h < fm.height())
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * row_h / fm.height()));
  p.setFont(small);
  for (int i = 0; i < n; ++i) {
    const QRectF row(4, 4 + i * row_h, width() - 8, row_h);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRectF(row.x(), row.y(), label_w, row_h), Qt::AlignLeft | Qt::AlignVCenter,
               names_[i]);
    const double s = i < seconds_.size() ? seconds_[i] : 0.0;
    const double w = longest > 0 ? track_w * s / longest : 0.0;
    p.fillRect(QRectF(row.x() + label_w, row.y() + row_h * 0.18, std::max(1.0, w), row_h * 0.64),
               QColor(0x2f, 0x7d, 0xd1));
    p.drawText(QRectF(row.x() + label_w + w + 4, row.y(), value_w, row_h),
               Qt::AlignLeft | Qt::AlignVCenter, QString::number(s * 1e6, 'f', 1) + " µs");
  }
}

}  // namespace tt::gui
