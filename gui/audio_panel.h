// The microphone input pane: the input level, the live MFCC heat-map, and in place of both a
// clear message when there is no microphone.
#pragma once

#include <QVector>
#include <QWidget>

class QLabel;
class QStackedLayout;

namespace tt::gui {

class LevelMeter;
class MfccHeatmap;

class AudioPanel : public QWidget {
  Q_OBJECT

 public:
  explicit AudioPanel(QWidget* parent = nullptr);

  LevelMeter* meter() const { return meter_; }
  MfccHeatmap* heatmap() const { return heatmap_; }
  void set_source_text(const QString& text);  // "microphone", "file: yes.flac"
  // A non-empty message replaces the meter and heat-map; "" shows them.
  void set_message(const QString& message);
  QString message() const;

 private:
  LevelMeter* meter_;
  MfccHeatmap* heatmap_;
  QLabel* source_;
  QLabel* message_;
  QStackedLayout* stack_;
};

}  // namespace tt::gui
