// The microphone's input level in dBFS (the peak of the samples the app read lately), so a
// user sees at once whether any sound arrives.
#pragma once

#include <QWidget>

namespace tt::gui {

class LevelMeter : public QWidget {
  Q_OBJECT

 public:
  static constexpr double kFloorDb = -60.0;

  explicit LevelMeter(QWidget* parent = nullptr);
  void set_peak(int peak);  // largest |sample|, 0..32768
  double level_db() const { return db_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  double db_ = kFloorDb;
};

}  // namespace tt::gui
