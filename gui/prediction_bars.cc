#include "gui/prediction_bars.h"

#include <QPainter>
#include <algorithm>

namespace tt::gui {

PredictionBars::PredictionBars(QWidget* parent) : QWidget(parent) {
  setMinimumSize(280, 230);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void PredictionBars::set_scores(const QStringList& labels, const QVector<float>& probabilities) {
  rows_.clear();
  for (int i = 0; i < probabilities.size(); ++i) {
    rows_.push_back({i < labels.size() ? labels[i] : QString::number(i), probabilities[i]});
  }
  // Stable: equal probabilities keep class order, as the app's argmax does.
  std::stable_sort(rows_.begin(), rows_.end(),
                   [](const Row& a, const Row& b) { return a.probability > b.probability; });
  if (rows_.size() > kShown) rows_.resize(kShown);
  update();
}

void PredictionBars::clear() {
  rows_.clear();
  update();
}

void PredictionBars::set_caption(const QString& caption) {
  caption_ = caption;
  update();
}

QString PredictionBars::top_label() const { return rows_.isEmpty() ? QString() : rows_[0].label; }

QStringList PredictionBars::shown_labels() const {
  QStringList out;
  for (const Row& r : rows_) out << r.label;
  return out;
}

void PredictionBars::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QPalette& pal = palette();
  QFont headline = font();
  headline.setPointSizeF(headline.pointSizeF() * 1.6);
  headline.setBold(true);
  p.setFont(headline);
  p.setPen(pal.color(QPalette::WindowText));
  const int head_h = QFontMetrics(headline).height() + 6;
  if (rows_.isEmpty()) {
    p.drawText(QRect(0, 0, width(), head_h), Qt::AlignLeft | Qt::AlignVCenter, tr("—"));
    p.setFont(font());
    p.setPen(pal.color(QPalette::Mid));
    p.drawText(rect().adjusted(0, head_h, 0, 0), Qt::AlignLeft | Qt::AlignTop,
               tr("no inference yet"));
    return;
  }
  p.drawText(
      QRect(0, 0, width(), head_h), Qt::AlignLeft | Qt::AlignVCenter,
      QString::asprintf("%s  %.1f %%", qPrintable(rows_[0].label), 100.0 * rows_[0].probability));
  p.setFont(font());
  p.setPen(pal.color(QPalette::Mid));
  const int caption_h = caption_.isEmpty() ? 0 : QFontMetrics(font()).height() + 4;
  if (caption_h > 0) {
    p.drawText(QRect(0, head_h, width(), caption_h), Qt::AlignLeft | Qt::AlignVCenter, caption_);
  }
  const QFontMetrics fm(font());
  const int label_w = std::max(fm.horizontalAdvance(QStringLiteral("automobile")) + 8, 60);
  const int value_w = fm.horizontalAdvance(QStringLiteral("100.0 %")) + 8;
  const int top = head_h + caption_h + 6;
  const int row_h = std::max(fm.height() + 10, (height() - top) / kShown);
  for (int i = 0; i < rows_.size(); ++i) {
    const int y = top + i * row_h;
    const QRect label_rect(0, y, label_w, row_h - 6);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(label_rect, Qt::AlignLeft | Qt::AlignVCenter, rows_[i].label);
    const QRect track(label_w, y + 3, width() - label_w - value_w, row_h - 12);
    p.setPen(Qt::NoPen);
    p.setBrush(pal.color(QPalette::AlternateBase).darker(106));
    p.drawRoundedRect(track, 3, 3);
    QRect bar = track;
    bar.setWidth(std::max(2, static_cast<int>(track.width() * rows_[i].probability)));
    p.setBrush(i == 0 ? QColor(0x2f, 0x7d, 0xd1) : QColor(0x8f, 0xa8, 0xc4));
    p.drawRoundedRect(bar, 3, 3);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRect(track.right() + 4, y, value_w - 4, row_h - 6),
               Qt::AlignRight | Qt::AlignVCenter,
               QString::asprintf("%.1f %%", 100.0 * rows_[i].probability));
  }
}

}  // namespace tt::gui
