// Memory of the network on show: the plan as it sits in flash, its weights, the arena it
// needs in RAM beside the planner's lower bound, and the tensor-lifetime map of that arena.
#pragma once

#include <QWidget>

#include "gui/model_description.h"

class QLabel;

namespace tt::gui {

class TensorLifetimeMap;

class MemoryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit MemoryPanel(QWidget* parent = nullptr);
  void set_model(const ModelDescriptionPtr& model);
  TensorLifetimeMap* map() const { return map_; }
  QString summary() const;  // the numbers as shown, for tests and the log

 private:
  QLabel* plan_;
  QLabel* weights_;
  QLabel* arena_;
  QLabel* bound_;
  QLabel* blocks_;
  TensorLifetimeMap* map_;
};

}  // namespace tt::gui
