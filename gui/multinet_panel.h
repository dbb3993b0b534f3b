// multinet at a glance: whether the image classifier is on, its timeline, and how the two
// resident networks share the board's memory (one shared arena or two partitions).
#pragma once

#include <QWidget>

#include "gui/worker_types.h"

class QCheckBox;
class QLabel;

namespace tt::gui {

class TimelineView;

class MultinetPanel : public QWidget {
  Q_OBJECT

 public:
  explicit MultinetPanel(QWidget* parent = nullptr);
  void set_snapshot(const MultinetSnapshot& snapshot);
  void set_last_keyword(const QString& keyword);
  void set_shared_arena(bool shared);  // the checkbox, without emitting
  bool classifier_running() const { return running_; }

 signals:
  void shared_arena_toggled(bool shared);

 private:
  TimelineView* timeline_;
  QLabel* state_;
  QLabel* keyword_;
  QLabel* counts_;
  QLabel* memory_;
  QCheckBox* shared_;
  bool running_ = false;
};

}  // namespace tt::gui
