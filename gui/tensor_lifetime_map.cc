#include "gui/tensor_lifetime_map.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

#include "gui/layer_table.h"

namespace tt::gui {
namespace {

constexpr int kLeftAxis = 64, kBottomAxis = 22, kLegend = 22, kMargin = 8;

int op_count(const ModelDescription& m) { return std::max<int>(1, m.layers.size()); }

}  // namespace

TensorLifetimeMap::TensorLifetimeMap(QWidget* parent) : QWidget(parent) {
  setMinimumSize(320, 180);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setMouseTracking(true);
}

void TensorLifetimeMap::set_model(const ModelDescriptionPtr& model) {
  model_ = model;
  update();
}

int TensorLifetimeMap::block_count() const {
  return model_ ? static_cast<int>(model_->arena_blocks.size()) : 0;
}

QColor TensorLifetimeMap::colour_of(ArenaBlock::Kind kind) {
  switch (kind) {
    case ArenaBlock::Kind::kInput:
      return QColor(0x3d, 0xa3, 0x5d);
    case ArenaBlock::Kind::kOutput:
      return QColor(0xe0, 0x8a, 0x2c);
    case ArenaBlock::Kind::kActivation:
      return QColor(0x2f, 0x7d, 0xd1);
    case ArenaBlock::Kind::kScratch:
      return QColor(0x9a, 0x9f, 0xa8);
  }
  return Qt::gray;
}

QRect TensorLifetimeMap::plot_rect() const {
  return rect().adjusted(kLeftAxis, kLegend + kMargin, -kMargin, -kBottomAxis);
}

QRectF TensorLifetimeMap::block_rect(const ArenaBlock& b) const {
  const QRect plot = plot_rect();
  const double col = static_cast<double>(plot.width()) / op_count(*model_);
  const double per_byte = static_cast<double>(plot.height()) / std::max(1u, model_->arena_bytes);
  return QRectF(plot.x() + b.first_op * col, plot.y() + b.offset * per_byte,
                (b.last_op - b.first_op + 1) * col, std::max(1.0, b.bytes * per_byte));
}

void TensorLifetimeMap::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QPalette& pal = palette();
  p.fillRect(rect(), pal.color(QPalette::Base));
  if (!model_) {
    p.setPen(pal.color(QPalette::Mid));
    p.drawText(rect(), Qt::AlignCenter, tr("no model loaded"));
    return;
  }
  // Legend.
  int x = kLeftAxis;
  const std::pair<ArenaBlock::Kind, QString> legend[] = {
      {ArenaBlock::Kind::kInput, tr("input")},
      {ArenaBlock::Kind::kActivation, tr("activation")},
      {ArenaBlock::Kind::kOutput, tr("output")},
      {ArenaBlock::Kind::kScratch, tr("scratch")}};
  for (const auto& [kind, name] : legend) {
    p.fillRect(QRect(x, 6, 12, 12), colour_of(kind));
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(x + 16, 0, 90, kLegend), Qt::AlignLeft | Qt::AlignVCenter, name);
    x += 22 + fontMetrics().horizontalAdvance(name) + 12;
  }
  const QRect plot = plot_rect();
  p.fillRect(plot, pal.color(QPalette::AlternateBase));
  for (const ArenaBlock& b : model_->arena_blocks) {
    const QColor c = colour_of(b.kind);
    QColor fill = c;
    fill.setAlpha(b.kind == ArenaBlock::Kind::kScratch ? 150 : 190);
    p.fillRect(block_rect(b), fill);
    p.setPen(QPen(c.darker(150), 1));
    p.drawRect(block_rect(b));
  }
  // Axes: bytes down the left, op indices along the bottom.
  p.setPen(pal.color(QPalette::Text));
  p.drawRect(plot.adjusted(0, 0, -1, -1));
  const int ticks = 4;
  for (int i = 0; i <= ticks; ++i) {
    const qint64 bytes = static_cast<qint64>(model_->arena_bytes) * i / ticks;
    const int y = plot.y() + plot.height() * i / ticks;
    p.drawText(QRect(0, y - 8, kLeftAxis - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
               grouped(bytes));
  }
  const int n = op_count(*model_);
  const int step = std::max(1, n / 12);
  for (int op = 0; op < n; op += step) {
    const int cx = plot.x() + static_cast<int>((op + 0.5) * plot.width() / n);
    p.drawText(QRect(cx - 20, plot.bottom() + 2, 40, kBottomAxis - 2), Qt::AlignCenter,
               QString::number(op));
  }
}

bool TensorLifetimeMap::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip && model_) {
    const QPoint pos = static_cast<QHelpEvent*>(e)->pos();
    QStringList lines;
    for (const ArenaBlock& b : model_->arena_blocks) {
      if (!block_rect(b).contains(pos)) continue;
      lines << QString::fromStdString(b.what) + tr(": %1 bytes at offset %2, ops %3..%4")
                                                    .arg(grouped(b.bytes), grouped(b.offset))
                                                    .arg(b.first_op)
                                                    .arg(b.last_op);
    }
    if (lines.isEmpty()) {
      QToolTip::hideText();
    } else {
      QToolTip::showText(static_cast<QHelpEvent*>(e)->globalPos(), lines.join('\n'), this);
    }
    return true;
  }
  return QWidget::event(e);
}

}  // namespace tt::gui
