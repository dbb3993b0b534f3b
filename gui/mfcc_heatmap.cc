#include "gui/mfcc_heatmap.h"

#include <QPainter>
#include <algorithm>

namespace tt::gui {
namespace {

// Ranges of Speech Commands clips (1st..99th percentile): c0 from digital silence (-87) to
// loud speech (~+35); the higher the coefficient, the smaller its swing, so each gets its
// own symmetric limit and every row uses the whole colour ramp.
constexpr float kEnergyMin = -90.0f, kEnergyMax = 35.0f;
constexpr float kShapeLimit[10] = {0.0f, 14.0f, 14.0f, 8.0f, 8.0f, 6.0f, 6.0f, 5.0f, 5.0f, 4.0f};

// A perceptually ordered dark-blue -> teal -> yellow ramp (close to viridis).
QColor ramp(double t) {
  static const QColor stops[] = {QColor(0x1b, 0x12, 0x3a), QColor(0x3b, 0x4c, 0x8c),
                                 QColor(0x21, 0x90, 0x8d), QColor(0x5d, 0xc8, 0x63),
                                 QColor(0xfd, 0xe7, 0x25)};
  constexpr int kLast = 4;
  t = std::clamp(t, 0.0, 1.0) * kLast;
  const int i = std::min(static_cast<int>(t), kLast - 1);
  const double f = t - i;
  const QColor& a = stops[i];
  const QColor& b = stops[i + 1];
  return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * f,
                          a.greenF() + (b.greenF() - a.greenF()) * f,
                          a.blueF() + (b.blueF() - a.blueF()) * f);
}

}  // namespace

MfccHeatmap::MfccHeatmap(QWidget* parent) : QWidget(parent) {
  setMinimumSize(kFrames * 5, kCoefficients * 16);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  setToolTip(tr("MFCCs of the last one-second window: time left to right, c0 at the top"));
}

QColor MfccHeatmap::colour_of(float value, int coefficient) {
  if (coefficient == 0) return ramp((value - kEnergyMin) / (kEnergyMax - kEnergyMin));
  const float limit = kShapeLimit[std::clamp(coefficient, 1, kCoefficients - 1)];
  return ramp((value + limit) / (2 * limit));
}

void MfccHeatmap::set_window(const QVector<float>& features) {
  features_ = features.size() == kFrames * kCoefficients ? features : QVector<float>();
  if (!features_.isEmpty()) ++windows_;
  update();
}

void MfccHeatmap::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), QColor(0x20, 0x23, 0x28));
  if (features_.isEmpty()) {
    p.setPen(QColor(0x8a, 0x8f, 0x98));
    p.drawText(rect(), Qt::AlignCenter, tr("MFCC window appears with audio"));
    return;
  }
  QImage cells(kFrames, kCoefficients, QImage::Format_RGB32);
  for (int f = 0; f < kFrames; ++f) {
    for (int c = 0; c < kCoefficients; ++c) {
      cells.setPixelColor(f, c, colour_of(features_[f * kCoefficients + c], c));
    }
  }
  p.drawImage(rect(), cells);  // nearest neighbour: one cell per frame and coefficient
}

}  // namespace tt::gui
