// The memory plan as a picture: x = op index, y = arena offset, one rectangle per block of
// arena memory spanning the ops it is live across. Gaps show where the planner could not
// pack tighter; stacked blocks show reuse. Hovering a block names its tensor.
#pragma once

#include <QWidget>

#include "gui/model_description.h"

namespace tt::gui {

class TensorLifetimeMap : public QWidget {
  Q_OBJECT

 public:
  explicit TensorLifetimeMap(QWidget* parent = nullptr);
  void set_model(const ModelDescriptionPtr& model);
  int block_count() const;
  static QColor colour_of(ArenaBlock::Kind kind);

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;  // tooltips

 private:
  QRect plot_rect() const;
  QRectF block_rect(const ArenaBlock& b) const;

  ModelDescriptionPtr model_;
};

}  // namespace tt::gui
