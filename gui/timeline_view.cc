#include "gui/timeline_view.h"

#include <QPainter>
#include <algorithm>

#include "apps/common/labels.h"

namespace tt::gui {
namespace {

using apps::TimelineKind;
constexpr int kLaneLabel = 110;

}  // namespace

TimelineView::TimelineView(QWidget* parent) : QWidget(parent) {
  setMinimumSize(360, 120);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void TimelineView::set_snapshot(const MultinetSnapshot& snapshot) {
  snapshot_ = snapshot;
  update();
}

void TimelineView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QPalette& pal = palette();
  p.fillRect(rect(), pal.color(QPalette::Base));
  const QRect plot = rect().adjusted(kLaneLabel, 6, -8, -20);
  const double tps = static_cast<double>(std::max<uint64_t>(1, snapshot_.ticks_per_second));
  const double now = snapshot_.now_ticks / tps;
  const double t0 = now - kSpanSeconds;
  auto x_of = [&](double t) {
    return plot.x() + (std::clamp(t, t0, now) - t0) / kSpanSeconds * plot.width();
  };
  const QString lanes[] = {tr("keyword net"), tr("image net"), tr("keywords")};
  const double lane_h = plot.height() / 3.0;
  p.setPen(pal.color(QPalette::Text));
  for (int i = 0; i < 3; ++i) {
    p.drawText(QRectF(4, plot.y() + i * lane_h, kLaneLabel - 8, lane_h),
               Qt::AlignLeft | Qt::AlignVCenter, lanes[i]);
  }
  // Shade the spans when the classifier was on (entries are oldest first).
  double on_since = -1;
  for (const apps::TimelineEntry& e : snapshot_.timeline) {
    const double t = e.start_ticks / tps;
    if (e.kind == TimelineKind::kClassifierOn) on_since = t;
    if (e.kind == TimelineKind::kClassifierOff && on_since >= 0) {
      p.fillRect(QRectF(x_of(on_since), plot.y(), x_of(t) - x_of(on_since), plot.height()),
                 QColor(0x3d, 0xa3, 0x5d, 40));
      on_since = -1;
    }
  }
  if (snapshot_.classifier_running) {
    const double from = on_since >= 0 ? on_since : t0;
    p.fillRect(QRectF(x_of(from), plot.y(), x_of(now) - x_of(from), plot.height()),
               QColor(0x3d, 0xa3, 0x5d, 40));
  }
  for (const apps::TimelineEntry& e : snapshot_.timeline) {
    const double t = e.start_ticks / tps;
    if (t < t0) continue;
    const double w = std::max(2.0, e.duration_ticks / tps / kSpanSeconds * plot.width());
    switch (e.kind) {
      case TimelineKind::kAudioWindow:
        p.fillRect(QRectF(x_of(t), plot.y() + 4, w, lane_h - 8), QColor(0x2f, 0x7d, 0xd1));
        break;
      case TimelineKind::kImageInference:
        p.fillRect(QRectF(x_of(t), plot.y() + lane_h + 4, w, lane_h - 8), QColor(0xe0, 0x8a, 0x2c));
        break;
      case TimelineKind::kKeyword: {
        const QString word = e.value >= 0 && e.value < 12 ? apps::kKwsLabels[e.value] : "?";
        p.setPen(QColor(0xb0, 0x30, 0x60));
        p.drawText(QRectF(x_of(t) - 30, plot.y() + 2 * lane_h, 60, lane_h), Qt::AlignCenter, word);
        break;
      }
      case TimelineKind::kClassifierOn:
      case TimelineKind::kClassifierOff:
        p.setPen(QPen(QColor(0x3d, 0xa3, 0x5d), 1, Qt::DashLine));
        p.drawLine(QPointF(x_of(t), plot.y()), QPointF(x_of(t), plot.bottom()));
        break;
    }
  }
  p.setPen(pal.color(QPalette::Mid));
  p.drawRect(plot.adjusted(0, 0, -1, -1));
  for (int s = 0; s <= static_cast<int>(kSpanSeconds); s += 2) {
    const double x = plot.x() + s / kSpanSeconds * plot.width();
    const bool last = s == static_cast<int>(kSpanSeconds);
    // The last label ends at the plot's edge instead of being centred past it.
    p.drawText(QRectF(last ? x - 60 : x - 30, plot.bottom() + 2, 60, 16),
               last ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignCenter,
               last ? tr("now") : tr("-%1 s").arg(kSpanSeconds - s));
  }
}

}  // namespace tt::gui
