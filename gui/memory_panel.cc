#include "gui/memory_panel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>

#include "gui/layer_table.h"
#include "gui/tensor_lifetime_map.h"

namespace tt::gui {

MemoryPanel::MemoryPanel(QWidget* parent) : QWidget(parent) {
  auto* numbers = new QFormLayout;
  numbers->setLabelAlignment(Qt::AlignLeft);
  auto value = [this]() {
    auto* l = new QLabel(QStringLiteral("—"), this);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
  };
  plan_ = value();
  weights_ = value();
  arena_ = value();
  bound_ = value();
  blocks_ = value();
  numbers->addRow(tr("Plan (flash):"), plan_);
  numbers->addRow(tr("  of which weights:"), weights_);
  numbers->addRow(tr("Arena (RAM):"), arena_);
  numbers->addRow(tr("Peak-live bound:"), bound_);
  numbers->addRow(tr("Arena blocks:"), blocks_);
  auto* left = new QWidget(this);
  left->setLayout(numbers);
  left->setMinimumWidth(250);

  map_ = new TensorLifetimeMap(this);
  map_->setToolTip(tr("x: op index, y: arena offset; one rectangle per tensor while it is live"));
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(left, 0, Qt::AlignTop);
  layout->addWidget(map_, 1);
}

void MemoryPanel::set_model(const ModelDescriptionPtr& m) {
  map_->set_model(m);
  if (!m) {
    for (QLabel* l : {plan_, weights_, arena_, bound_, blocks_}) l->setText(QStringLiteral("—"));
    return;
  }
  plan_->setText(tr("%1 bytes").arg(grouped(m->plan_bytes)));
  weights_->setText(tr("%1 bytes").arg(grouped(m->weight_bytes)));
  arena_->setText(tr("%1 bytes").arg(grouped(m->arena_bytes)));
  if (m->peak_live_bound > 0) {
    bound_->setText(
        tr("%1 bytes (arena +%2 %)")
            .arg(grouped(m->peak_live_bound))
            .arg(100.0 * (m->arena_bytes - m->peak_live_bound) / m->peak_live_bound, 0, 'f', 1));
  } else {
    bound_->setText(tr("known when compiled from a .tflite"));
  }
  blocks_->setText(QString::number(m->arena_blocks.size()));
}

QString MemoryPanel::summary() const {
  return tr("plan %1, weights %2, arena %3").arg(plan_->text(), weights_->text(), arena_->text());
}

}  // namespace tt::gui
