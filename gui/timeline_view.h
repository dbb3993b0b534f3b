// multinet's timeline: what ran when over the last seconds, in three lanes (keyword
// network windows, image inferences, keywords heard), with the time the image classifier
// was on shaded, so "go" and "stop" visibly switch the second network on and off.
#pragma once

#include <QWidget>

#include "gui/worker_types.h"

namespace tt::gui {

class TimelineView : public QWidget {
  Q_OBJECT

 public:
  static constexpr double kSpanSeconds = 10.0;

  explicit TimelineView(QWidget* parent = nullptr);
  void set_snapshot(const MultinetSnapshot& snapshot);

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  MultinetSnapshot snapshot_;
};

}  // namespace tt::gui
