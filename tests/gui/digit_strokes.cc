#include "tests/gui/digit_strokes.h"

#include <QLineF>
#include <cmath>

namespace tt::gui::test {
namespace {

Stroke arc(double cx, double cy, double rx, double ry, double from_deg, double to_deg, int n) {
  Stroke s;
  for (int i = 0; i <= n; ++i) {
    const double a = (from_deg + (to_deg - from_deg) * i / n) * M_PI / 180.0;
    s << QPointF(cx + rx * std::cos(a), cy + ry * std::sin(a));
  }
  return s;
}

QPointF catmull_rom(const QPointF& p0, const QPointF& p1, const QPointF& p2, const QPointF& p3,
                    double t) {
  const double t2 = t * t, t3 = t2 * t;
  return 0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 +
                (-p0 + 3 * p1 - 3 * p2 + p3) * t3);
}

}  // namespace

// Angles: 0 degrees points right, 90 down (y grows downwards). `+` joins control points
// into one stroke (QVector concatenation): the pen stays down.
QVector<Stroke> digit_strokes(int digit) {
  switch (digit) {
    case 0:
      return {arc(0.5, 0.5, 0.42, 0.5, -100, 265, 24)};
    case 1:
      return {Stroke{{0.58, 0.0}, {0.52, 0.5}, {0.46, 1.0}}};
    case 2:
      return {arc(0.48, 0.28, 0.4, 0.28, 190, 360, 10) +
              Stroke{{0.78, 0.5}, {0.45, 0.75}, {0.08, 1.0}, {0.5, 0.98}, {0.95, 0.97}}};
    case 3:
      return {arc(0.45, 0.24, 0.38, 0.24, 200, 450, 12) +
              arc(0.45, 0.73, 0.42, 0.27, 270, 520, 12)};
    case 4:
      return {Stroke{{0.55, 0.0}, {0.3, 0.35}, {0.05, 0.66}, {0.5, 0.66}, {1.0, 0.64}},
              Stroke{{0.72, 0.25}, {0.72, 0.6}, {0.71, 1.0}}};
    case 5:
      return {Stroke{{0.9, 0.0}, {0.5, 0.01}, {0.2, 0.02}},
              Stroke{{0.2, 0.02}, {0.16, 0.25}, {0.13, 0.46}} +
                  arc(0.47, 0.7, 0.42, 0.3, 240, 480, 14)};
    case 6:
      return {Stroke{{0.78, 0.0}, {0.45, 0.22}, {0.2, 0.5}} +
              arc(0.5, 0.72, 0.36, 0.28, 180, 530, 16)};
    case 7:
      return {Stroke{{0.02, 0.03}, {0.5, 0.0}, {0.98, 0.0}, {0.7, 0.45}, {0.42, 1.0}}};
    case 8:
      return {arc(0.5, 0.25, 0.33, 0.25, 0, -180, 10) + Stroke{{0.3, 0.42}, {0.7, 0.6}} +
              arc(0.5, 0.76, 0.38, 0.24, -60, 240, 14) + Stroke{{0.7, 0.42}, {0.83, 0.25}}};
    case 9:
      return {arc(0.45, 0.3, 0.38, 0.3, -10, -370, 16) +
              Stroke{{0.83, 0.45}, {0.78, 0.75}, {0.72, 1.0}}};
  }
  return {};
}

QVector<QPointF> stroke_path(const Stroke& stroke, const QRectF& box, double step_px) {
  QVector<QPointF> pts;
  for (const QPointF& u : stroke) {
    pts << QPointF(box.x() + u.x() * box.width(), box.y() + u.y() * box.height());
  }
  if (pts.size() < 2) return pts;
  QVector<QPointF> path{pts.first()};
  for (int i = 0; i + 1 < pts.size(); ++i) {
    const QPointF p0 = pts[i > 0 ? i - 1 : i], p1 = pts[i], p2 = pts[i + 1];
    const QPointF p3 = pts[i + 2 < pts.size() ? i + 2 : i + 1];
    const int n = std::max(1, static_cast<int>(QLineF(p1, p2).length() / step_px));
    for (int k = 1; k <= n; ++k) path << catmull_rom(p0, p1, p2, p3, static_cast<double>(k) / n);
  }
  return path;
}

}  // namespace tt::gui::test
